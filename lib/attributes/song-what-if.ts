/** The what-if model's answer for a song in the catalog (the song page), and the /what-if link that reproduces it. */
import type { Db } from '@/lib/db/client';
import type { ActiveVersion } from '@/lib/models/active-versions';
import type { Song } from '@/lib/queries/songs';
import { attributeRow, NUMERIC_ATTRIBUTES, type SongAttributes } from './attributes';
import { songAttributes } from './attributes-data';
import { predictPopularity, type PopularityPrediction } from './attributes-model';
import { isCurrentAttributesSpec, loadAttributesModel } from './attributes-registry';

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

/**
 * Predicted popularity (with its 80% interval) for a stored song from its attributes, or which
 * attributes it lacks; `active` is the active what-if version (getActiveVersions). The artist's
 * track record is left unknown here (the form takes it).
 */
export async function songWhatIf(db: Db, song: Song, active: ActiveVersion | undefined): Promise<SongWhatIf> {
  const a = songAttributes({ ...song.audio, durationMs: song.durationMs, key: song.key, mode: song.mode, explicit: song.explicit, genre: song.genre }, song.releaseDate);
  if ('missing' in a) return { state: 'missing', missing: a.missing };
  if (!active || !isCurrentAttributesSpec(active.featureSpec)) return { state: 'no-model' };
  const model = await loadAttributesModel(db, active.id);
  const [prediction] = await predictPopularity(model, Float32Array.from(attributeRow(a, model.spec.genres)), 1);
  if (!prediction) throw new Error('the what-if model returned no prediction');
  return { state: 'ok', prediction, modelVersion: active.version, query: whatIfQuery(a) };
}
