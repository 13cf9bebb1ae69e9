/** Catalog rows for the what-if model: songs with every attribute and a known popularity. */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { artists, popularitySnapshots, tracks } from '@/lib/db/schema';
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

/**
 * Every song with all attributes, a release date and a popularity (songs never observed are left
 * out: their popularity is unknown, not 0). One grouped query over popularity_snapshots.
 */
export async function loadAttributesExamples(db: Db): Promise<AttributesExample[]> {
  const target = db
    .select({
      trackId: popularitySnapshots.trackId,
      spotify: sql<number | null>`MAX(CASE WHEN ${popularitySnapshots.source} = 'spotify' THEN ${popularitySnapshots.popularity} END)`.as('spotify'),
      peak: sql<number | null>`MAX(CASE WHEN ${popularitySnapshots.source} NOT IN ('spotify', 'deezer') AND ${popularitySnapshots.source} NOT LIKE 'top50:%' THEN ${popularitySnapshots.popularity} END)`.as('peak'),
    })
    .from(popularitySnapshots)
    .groupBy(popularitySnapshots.trackId)
    .as('target');
  const required = [tracks.danceability, tracks.energy, tracks.valence, tracks.tempo, tracks.loudness, tracks.acousticness, tracks.speechiness, tracks.instrumentalness, tracks.liveness, tracks.durationMs, tracks.key, tracks.mode, tracks.releaseDate];
  const rows = await db
    .select({
      id: tracks.id, releaseDate: tracks.releaseDate, genre: tracks.genre, explicit: tracks.explicit,
      danceability: tracks.danceability, energy: tracks.energy, valence: tracks.valence, tempo: tracks.tempo, loudness: tracks.loudness,
      acousticness: tracks.acousticness, speechiness: tracks.speechiness, instrumentalness: tracks.instrumentalness, liveness: tracks.liveness,
      durationMs: tracks.durationMs, key: tracks.key, mode: tracks.mode, spotify: target.spotify, peak: target.peak, artistPopularity: artists.popularity,
    })
    .from(tracks)
    .innerJoin(target, eq(target.trackId, tracks.id))
    .leftJoin(artists, eq(artists.id, tracks.primaryArtistId))
    .where(and(...required.map((c) => isNotNull(c))));
  const out: AttributesExample[] = [];
  for (const r of rows) {
    const popularity = r.spotify ?? r.peak;
    const releaseDate = toIsoDate(r.releaseDate);
    if (popularity === null || releaseDate === null) continue;
    out.push({
      trackId: r.id,
      releaseDate,
      popularity: Number(popularity),
      attributes: {
        danceability: r.danceability!, energy: r.energy!, valence: r.valence!, tempo: r.tempo!, loudness: r.loudness!,
        acousticness: r.acousticness!, speechiness: r.speechiness!, instrumentalness: r.instrumentalness!, liveness: r.liveness!,
        durationSec: r.durationMs! / 1000, key: r.key!, mode: r.mode!, explicit: r.explicit ?? false, genre: r.genre ?? 'other',
        releaseMonth: Number(releaseDate.slice(5, 7)),
        artistPopularity: r.artistPopularity,
      },
    });
  }
  return out;
}
