import { date, index, int, mysqlTable, primaryKey, smallint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { timestamps } from './columns';

export const playlists = mysqlTable(
  'playlists',
  {
    id: int('id').autoincrement().primaryKey(),
    /** The source's own id (Spotify playlist id, or a dataset's id). */
    externalId: varchar('external_id', { length: 64 }).notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    /** Listening occasion (workout, party, focus, chill, sleep, …) when known. */
    theme: varchar('theme', { length: 32 }),
    snapshotId: varchar('snapshot_id', { length: 128 }),
    ...timestamps,
  },
  (t) => [uniqueIndex('playlists_source_external_uq').on(t.source, t.externalId), index('playlists_theme_idx').on(t.theme)],
);
export type Playlist = typeof playlists.$inferSelect;

export const playlistTracks = mysqlTable(
  'playlist_tracks',
  {
    playlistId: int('playlist_id').notNull(),
    trackId: int('track_id').notNull(),
    position: smallint('position'),
    addedOn: date('added_on', { mode: 'string' }),
    removedOn: date('removed_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.playlistId, t.trackId] }), index('playlist_tracks_track_idx').on(t.trackId)],
);
