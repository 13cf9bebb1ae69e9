/** Catalog rows for the what-if model: songs with every attribute and a known popularity. */
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { chartScoreSql } from '@/lib/charts/score-sql';
import { chartEntries, charts, popularitySnapshots, tracks } from '@/lib/db/schema';
import { toIsoDate } from '@/lib/queries/values';
import type { SongAttributes } from './attributes';

export interface AttributesExample {
  trackId: number;
  releaseDate: string;
  attributes: SongAttributes;
  /** 0–100. */
  popularity: number;
}

/** Where popularity comes from: Spotify's own number when known, else the song's peak chart score. */
export const TARGET_DOC = 'Spotify popularity (highest seen) where known, else the song’s peak weekly chart score (#1 = 100)';

/** The tracks columns a song's attributes come from. */
export const ATTRIBUTE_COLUMNS = {
  danceability: tracks.danceability, energy: tracks.energy, valence: tracks.valence, tempo: tracks.tempo, loudness: tracks.loudness,
  acousticness: tracks.acousticness, speechiness: tracks.speechiness, instrumentalness: tracks.instrumentalness, liveness: tracks.liveness,
  durationMs: tracks.durationMs, key: tracks.key, mode: tracks.mode, explicit: tracks.explicit, genre: tracks.genre,
};
/** Those a song must have (a missing genre is "other", a missing explicit flag is "not explicit"). */
const REQUIRED_COLUMNS = ['danceability', 'energy', 'valence', 'tempo', 'loudness', 'acousticness', 'speechiness', 'instrumentalness', 'liveness', 'durationMs', 'key', 'mode'] as const;
type AttributeColumnsRow = { [K in (typeof REQUIRED_COLUMNS)[number]]: number | null } & { explicit: boolean | null; genre: string | null };

/** A stored song's attributes (track record not known), or the columns it lacks (release date included). */
export function songAttributes(r: AttributeColumnsRow, releaseDate: string | null): SongAttributes | { missing: string[] } {
  const missing: string[] = REQUIRED_COLUMNS.filter((c) => r[c] === null);
  if (releaseDate === null) missing.push('releaseDate');
  if (missing.length > 0) return { missing };
  return {
    danceability: r.danceability!, energy: r.energy!, valence: r.valence!, tempo: r.tempo!, loudness: r.loudness!,
    acousticness: r.acousticness!, speechiness: r.speechiness!, instrumentalness: r.instrumentalness!, liveness: r.liveness!,
    durationSec: r.durationMs! / 1000, key: r.key!, mode: r.mode!, explicit: r.explicit ?? false, genre: r.genre ?? 'other',
    releaseMonth: Number(releaseDate!.slice(5, 7)), artistPriorMean: null, artistPriorSongs: null,
  };
}

/**
 * Every song with all attributes, a release date and a popularity (songs never observed are left
 * out: their popularity is unknown, not 0). Spotify's popularity from popularity_snapshots; the
 * peak chart score derived from the song's best rank on any chart (chart scores are not stored).
 */
export async function loadAttributesExamples(db: Db): Promise<AttributesExample[]> {
  const spotify = db
    .select({ trackId: popularitySnapshots.trackId, popularity: sql<number>`MAX(${popularitySnapshots.popularity})`.as('spotify') })
    .from(popularitySnapshots)
    .where(eq(popularitySnapshots.source, 'spotify'))
    .groupBy(popularitySnapshots.trackId)
    .as('spotify_target');
  const peak = db
    .select({ trackId: chartEntries.trackId, score: sql<number>`MAX(${chartScoreSql})`.as('peak') })
    .from(chartEntries)
    .innerJoin(charts, eq(charts.id, chartEntries.chartId))
    .groupBy(chartEntries.trackId)
    .as('peak_target');
  // A song without a release date (the Hot 100 files have none) is dated by its first chart week.
  const debut = db.select({ trackId: chartEntries.trackId, first: sql<string>`MIN(${chartEntries.chartDate})`.as('first') }).from(chartEntries).groupBy(chartEntries.trackId).as('debut');
  const rows = await db
    .select({ id: tracks.id, releaseDate: tracks.releaseDate, debut: debut.first, artistId: tracks.primaryArtistId, ...ATTRIBUTE_COLUMNS, spotify: spotify.popularity, peak: peak.score })
    .from(tracks)
    .leftJoin(spotify, eq(spotify.trackId, tracks.id))
    .leftJoin(peak, eq(peak.trackId, tracks.id))
    .leftJoin(debut, eq(debut.trackId, tracks.id))
    .where(and(or(isNotNull(spotify.popularity), isNotNull(peak.score)), ...REQUIRED_COLUMNS.map((c) => isNotNull(ATTRIBUTE_COLUMNS[c]))));
  const out: (AttributesExample & { artistId: number | null })[] = [];
  for (const r of rows) {
    const popularity = r.spotify ?? r.peak;
    const releaseDate = toIsoDate(r.releaseDate) ?? toIsoDate(r.debut);
    const attributes = songAttributes(r, releaseDate);
    if (popularity === null || releaseDate === null || 'missing' in attributes) continue;
    out.push({ trackId: r.id, artistId: r.artistId, releaseDate, popularity: Number(popularity), attributes });
  }
  return withArtistRecord(out);
}

/**
 * Fills each example's artist track record: the mean popularity and count of the same primary
 * artist's songs released strictly before it (songs released the same day do not count, so no
 * song sees itself or a twin). Songs without a known artist keep "not known".
 */
export function withArtistRecord<E extends AttributesExample & { artistId: number | null }>(examples: E[]): AttributesExample[] {
  const byArtist = new Map<number, E[]>();
  for (const e of examples) if (e.artistId !== null) byArtist.set(e.artistId, [...(byArtist.get(e.artistId) ?? []), e]);
  const record = new Map<E, { mean: number | null; songs: number }>();
  for (const songs of byArtist.values()) {
    songs.sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
    let sum = 0;
    let count = 0;
    for (let i = 0; i < songs.length; ) {
      let j = i;
      while (j < songs.length && songs[j]!.releaseDate === songs[i]!.releaseDate) j++;
      for (let k = i; k < j; k++) record.set(songs[k]!, { mean: count > 0 ? sum / count : null, songs: count });
      for (let k = i; k < j; k++) {
        sum += songs[k]!.popularity;
        count++;
      }
      i = j;
    }
  }
  return examples.map((original) => {
    const { artistId: _, ...e } = original;
    const r = record.get(original);
    return r ? { ...e, attributes: { ...e.attributes, artistPriorMean: r.mean, artistPriorSongs: r.songs } } : e;
  });
}
