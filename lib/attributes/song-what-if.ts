/** The what-if model's answer for a song in the catalog (the song page), and the /what-if link that reproduces it. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { preparedPerDb } from '@/lib/db/prepared';
import { tracks } from '@/lib/db/schema';
import { toIsoDate } from '@/lib/queries/values';
import { attributeRow, NUMERIC_ATTRIBUTES, type SongAttributes } from './attributes';
import { ATTRIBUTE_COLUMNS, songAttributes } from './attributes-data';
import { predictPopularity, type PopularityPrediction } from './attributes-model';
import { getActiveAttributes, loadAttributesModel } from './attributes-registry';

export type SongWhatIf =
  | { state: 'ok'; prediction: PopularityPrediction; modelVersion: number; /** Query string for /what-if, prefilled with the song's attributes. */ query: string }
  /** Column names of the attributes the song lacks. */
  | { state: 'missing'; missing: string[] }
  | { state: 'no-model' };

/** The /what-if form's fields for these attributes (the track record only when known). */
export function whatIfQuery(a: SongAttributes): string {
  const params = new URLSearchParams();
  for (const { name } of NUMERIC_ATTRIBUTES) params.set(name, String(name === 'durationSec' ? Math.round(a[name]) : a[name]));
  params.set('key', String(a.key));
  params.set('mode', String(a.mode));
  if (a.explicit) params.set('explicit', 'on');
  params.set('genre', a.genre);
  params.set('releaseMonth', String(a.releaseMonth));
  if (a.artistPriorMean !== null) params.set('artistPriorMean', String(a.artistPriorMean));
  if (a.artistPriorSongs !== null) params.set('artistPriorSongs', String(a.artistPriorSongs));
  return params.toString();
}

const songAttributeRow = preparedPerDb((db) =>
  db
    .select({ ...ATTRIBUTE_COLUMNS, releaseDate: tracks.releaseDate })
    .from(tracks)
    .where(eq(tracks.id, sql.placeholder('trackId')))
    .prepare(),
);

/**
 * Predicted popularity (with its 80% interval) for a stored song from its attributes, or which
 * attributes it lacks. The artist's track record is left unknown here (the form takes it).
 */
export async function songWhatIf(db: Db, trackId: number): Promise<SongWhatIf> {
  const [row] = await songAttributeRow(db).execute({ trackId });
  if (!row) return { state: 'missing', missing: ['song'] };
  const a = songAttributes(row, toIsoDate(row.releaseDate));
  if ('missing' in a) return { state: 'missing', missing: a.missing };
  const active = await getActiveAttributes(db);
  if (!active) return { state: 'no-model' };
  const model = await loadAttributesModel(db, active.id);
  const [prediction] = await predictPopularity(model, Float32Array.from(attributeRow(a, model.spec.genres)), 1);
  if (!prediction) throw new Error('the what-if model returned no prediction');
  return { state: 'ok', prediction, modelVersion: active.version, query: whatIfQuery(a) };
}
