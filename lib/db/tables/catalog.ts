import {
  bigint,
  boolean,
  date,
  double,
  index,
  int,
  mysqlTable,
  primaryKey,
  smallint,
  tinyint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { json, timestamps } from './columns';

export const artists = mysqlTable(
  'artists',
  {
    id: int('id').autoincrement().primaryKey(),
    spotifyId: varchar('spotify_id', { length: 32 }),
    /** Normalised name: the fallback identity when no Spotify id is known. */
    nameKey: varchar('name_key', { length: 255 }).notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    genres: json<string[]>('genres'),
    followers: int('followers'),
    popularity: tinyint('popularity'),
    ...timestamps,
  },
  (t) => [uniqueIndex('artists_spotify_id_uq').on(t.spotifyId), index('artists_name_key_idx').on(t.nameKey)],
);
export type Artist = typeof artists.$inferSelect;
export type NewArtist = typeof artists.$inferInsert;

export const tracks = mysqlTable(
  'tracks',
  {
    id: int('id').autoincrement().primaryKey(),
    spotifyId: varchar('spotify_id', { length: 32 }),
    deezerId: bigint('deezer_id', { mode: 'number' }),
    isrc: varchar('isrc', { length: 15 }),
    /** Normalised title + primary artist, the last-resort identity of a song. */
    matchKey: varchar('match_key', { length: 255 }).notNull(),
    title: varchar('title', { length: 512 }).notNull(),
    /** Display credit as the source wrote it ("A feat. B"). */
    artistNames: varchar('artist_names', { length: 1024 }).notNull(),
    primaryArtistId: int('primary_artist_id'),
    album: varchar('album', { length: 512 }),
    releaseDate: date('release_date', { mode: 'string' }),
    durationMs: int('duration_ms'),
    explicit: boolean('explicit'),
    genre: varchar('genre', { length: 64 }),
    // Audio features: nullable, Spotify no longer serves them to new apps.
    danceability: double('danceability'),
    energy: double('energy'),
    key: tinyint('musical_key'),
    loudness: double('loudness'),
    mode: tinyint('mode'),
    speechiness: double('speechiness'),
    acousticness: double('acousticness'),
    instrumentalness: double('instrumentalness'),
    liveness: double('liveness'),
    valence: double('valence'),
    tempo: double('tempo'),
    timeSignature: tinyint('time_signature'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tracks_spotify_id_uq').on(t.spotifyId),
    uniqueIndex('tracks_deezer_id_uq').on(t.deezerId),
    index('tracks_isrc_idx').on(t.isrc),
    index('tracks_match_key_idx').on(t.matchKey),
    index('tracks_title_search_idx').on(t.title),
    index('tracks_primary_artist_idx').on(t.primaryArtistId),
  ],
);
export type Track = typeof tracks.$inferSelect;
export type NewTrack = typeof tracks.$inferInsert;

export const trackArtists = mysqlTable(
  'track_artists',
  {
    trackId: int('track_id').notNull(),
    artistId: int('artist_id').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.artistId] }), index('track_artists_artist_idx').on(t.artistId)],
);
