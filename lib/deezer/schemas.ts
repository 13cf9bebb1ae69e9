import { z } from 'zod';

/** Raw Deezer public API objects (https://developers.deezer.com/api), as far as we use them. */

export const deezerArtistSchema = z.object({ id: z.number().int(), name: z.string() });

export const deezerAlbumSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** Only on full track objects; "0000-00-00" when unknown. */
  release_date: z.string().optional(),
});

/** A track as lists (charts, playlists) show it: no ISRC, bpm or release date. */
export const deezerListTrackSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** Seconds. */
  duration: z.number().int().nonnegative(),
  /** Deezer's popularity number, 0 to about 1,000,000, refreshed daily from streams. */
  rank: z.number().int().nonnegative(),
  explicit_lyrics: z.boolean(),
  /** Place on a chart (chart endpoints only). */
  position: z.number().int().positive().optional(),
  artist: deezerArtistSchema,
  album: deezerAlbumSchema,
});
export type DeezerListTrack = z.infer<typeof deezerListTrackSchema>;

/** `/track/{id}`: the full track. */
export const deezerTrackSchema = deezerListTrackSchema.extend({
  isrc: z.string().optional(),
  release_date: z.string().optional(),
  /** 0 when Deezer has not measured it. */
  bpm: z.number().nonnegative().optional(),
  contributors: z.array(deezerArtistSchema.extend({ role: z.string().optional() })).optional(),
});
export type DeezerTrack = z.infer<typeof deezerTrackSchema>;

export const deezerPlaylistSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  nb_tracks: z.number().int().nonnegative(),
  checksum: z.string().optional(),
});
export type DeezerPlaylist = z.infer<typeof deezerPlaylistSchema>;

/** A page of a list: `next` is the absolute URL of the next page (with `index` and `limit`), absent on the last. */
export const deezerPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), total: z.number().int().optional(), next: z.string().optional() });

/** Deezer reports errors, the quota included, as HTTP 200 with this body. */
export const deezerErrorSchema = z.object({
  error: z.object({ type: z.string().optional(), message: z.string().optional(), code: z.number().int().optional() }),
});
