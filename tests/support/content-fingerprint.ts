/**
 * Row count and checksum of what a table holds, by natural keys instead of auto-increment ids and without
 * timestamps: two databases fed the same input compare equal even when a crashed run used up ids in one of them.
 * (tests/security/table-checksums.ts compares a database with itself, ids included.)
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';

const track = (alias: string) => `${alias}.spotify_id, ${alias}.match_key`;
const artist = (alias: string) => `${alias}.spotify_id, ${alias}.name_key`;

/** Per table: FROM clause and the columns that make up a row's content. */
const CONTENT = {
  artists: ['artists a', `${artist('a')}, a.name, a.genres, a.followers, a.popularity`],
  tracks: [
    'tracks t LEFT JOIN artists a ON a.id = t.primary_artist_id',
    `${track('t')}, t.deezer_id, t.isrc, t.title, t.artist_names, ${artist('a')}, t.album, t.release_date, t.duration_ms, t.explicit, t.genre,
     t.danceability, t.energy, t.musical_key, t.loudness, t.mode, t.speechiness, t.acousticness, t.instrumentalness, t.liveness, t.valence,
     t.tempo, t.time_signature`,
  ],
  track_artists: ['track_artists ta JOIN tracks t ON t.id = ta.track_id JOIN artists a ON a.id = ta.artist_id', `${track('t')}, ${artist('a')}, ta.position`],
  charts: ['charts c', 'c.slug, c.name, c.source, c.country, c.frequency, c.size'],
  chart_entries: ['chart_entries e JOIN charts c ON c.id = e.chart_id JOIN tracks t ON t.id = e.track_id', `c.slug, e.chart_date, e.rank, ${track('t')}, e.streams`],
  popularity_snapshots: ['popularity_snapshots s JOIN tracks t ON t.id = s.track_id', `${track('t')}, s.observed_on, s.source, s.popularity`],
  playlists: ['playlists p', 'p.source, p.external_id, p.name, p.theme, p.snapshot_id'],
  playlist_tracks: [
    'playlist_tracks pt JOIN playlists p ON p.id = pt.playlist_id JOIN tracks t ON t.id = pt.track_id',
    `p.source, p.external_id, ${track('t')}, pt.position, pt.added_on, pt.removed_on`,
  ],
  forecasts: [
    'forecasts f JOIN tracks t ON t.id = f.track_id JOIN charts c ON c.id = f.chart_id JOIN models m ON m.id = f.model_id LEFT JOIN forecast_publications fp ON fp.forecast_id = f.id',
    `${track('t')}, c.slug, f.as_of, f.horizon_weeks, f.target_date, m.kind, m.version, f.p_charting, f.p10, f.p50, f.p90, fp.forecast_id IS NULL`,
  ],
} as const;

export type ContentTable = keyof typeof CONTENT;

/** The tables import and sample-data write. */
export const INGEST_TABLES: ContentTable[] = ['artists', 'tracks', 'track_artists', 'charts', 'chart_entries', 'popularity_snapshots', 'playlists', 'playlist_tracks'];

/** `rows:checksum` per table; NULL and '' differ, the order of rows does not matter. */
export async function contentFingerprint(pool: Pool, tables: readonly ContentTable[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [from, columns] = CONTENT[table];
    const fields = columns.split(',').map((c) => `IFNULL(CAST(${c.trim()} AS CHAR), '\\N')`);
    const [rows] = await pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n, COALESCE(SUM(CRC32(CONCAT_WS('|', ${fields.join(', ')}))), 0) AS h FROM ${from}`);
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
