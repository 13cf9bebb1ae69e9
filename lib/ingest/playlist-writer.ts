import type { Pool, RowDataPacket } from 'mysql2/promise';

export interface PlaylistSpec {
  /** The source's own id (Spotify playlist id, a dataset's id). */
  externalId: string;
  source: string;
  name: string;
  theme?: string | null;
  snapshotId?: string | null;
}

export interface PlaylistTrackRow {
  playlistId: number;
  trackId: number;
  position?: number | null;
  addedOn?: string | null;
  removedOn?: string | null;
}

const key = (source: string, externalId: string) => `${source}|${externalId}`;

/**
 * Upserts playlists by (source, external id) and returns their ids keyed
 * `source|externalId`. A known theme or snapshot id is never replaced by a missing one.
 */
export async function upsertPlaylists(pool: Pool, specs: PlaylistSpec[]): Promise<Map<string, number>> {
  const unique = new Map(specs.map((s) => [key(s.source, s.externalId), s]));
  const out = new Map<string, number>();
  if (unique.size === 0) return out;
  const rows = [...unique.values()].map((s) => [s.source, s.externalId.slice(0, 64), s.name.slice(0, 255), s.theme ?? null, s.snapshotId ?? null]);
  await pool.query(
    `INSERT INTO playlists (source, external_id, name, theme, snapshot_id) VALUES ?
     ON DUPLICATE KEY UPDATE name = VALUES(name), theme = COALESCE(VALUES(theme), theme), snapshot_id = COALESCE(VALUES(snapshot_id), snapshot_id)`,
    [rows],
  );
  const [found] = await pool.query<RowDataPacket[]>('SELECT id, source, external_id FROM playlists WHERE (source, external_id) IN (?)', [
    rows.map((r) => [r[0], r[1]]),
  ]);
  for (const r of found) out.set(key(r.source as string, r.external_id as string), r.id as number);
  return out;
}

/**
 * Upserts playlist memberships. A song in a playlist several times (added,
 * removed, added again) keeps its first added date, and a removal date only
 * while every stint has ended (NULL = still in the playlist, or not known).
 */
export async function writePlaylistTracks(pool: Pool, rows: PlaylistTrackRow[]): Promise<void> {
  if (rows.length === 0) return;
  await pool.query(
    `INSERT INTO playlist_tracks (playlist_id, track_id, position, added_on, removed_on) VALUES ?
     ON DUPLICATE KEY UPDATE
       position = COALESCE(VALUES(position), position),
       added_on = LEAST(COALESCE(added_on, VALUES(added_on)), COALESCE(VALUES(added_on), added_on)),
       removed_on = IF(removed_on IS NULL OR VALUES(removed_on) IS NULL, NULL, GREATEST(removed_on, VALUES(removed_on)))`,
    [rows.map((r) => [r.playlistId, r.trackId, r.position ?? null, r.addedOn ?? null, r.removedOn ?? null])],
  );
}
