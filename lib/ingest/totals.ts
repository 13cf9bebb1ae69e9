import type { Pool, RowDataPacket } from 'mysql2/promise';

export interface IngestTotals {
  artists: number;
  tracks: number;
  trackArtists: number;
  charts: number;
  /** Distinct (chart, date) pairs: the chart weeks (or days) held. */
  chartDates: number;
  chartEntries: number;
  popularitySnapshots: number;
  playlists: number;
  playlistTracks: number;
}

/** Row counts of every table ingest writes, for a run's closing stats and for tests. */
export async function ingestTotals(pool: Pool): Promise<IngestTotals> {
  const [rows] = await pool.query<RowDataPacket[]>(`SELECT
    (SELECT COUNT(*) FROM artists) AS artists,
    (SELECT COUNT(*) FROM tracks) AS tracks,
    (SELECT COUNT(*) FROM track_artists) AS trackArtists,
    (SELECT COUNT(*) FROM charts) AS charts,
    (SELECT COUNT(*) FROM (SELECT DISTINCT chart_id, chart_date FROM chart_entries) d) AS chartDates,
    (SELECT COUNT(*) FROM chart_entries) AS chartEntries,
    (SELECT COUNT(*) FROM popularity_snapshots) AS popularitySnapshots,
    (SELECT COUNT(*) FROM playlists) AS playlists,
    (SELECT COUNT(*) FROM playlist_tracks) AS playlistTracks`);
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as IngestTotals;
}
