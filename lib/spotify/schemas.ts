import { z } from 'zod';

/**
 * Raw Spotify Web API objects, as far as we use them. Fields that
 * development-mode apps no longer receive (popularity, followers, genres,
 * audio features) are optional: absent means unknown, never 0.
 */

export const simplifiedArtistSchema = z.object({
  // Local files have null ids.
  id: z.string().nullable(),
  name: z.string(),
});

export const artistSchema = simplifiedArtistSchema.extend({
  id: z.string(),
  genres: z.array(z.string()).optional(),
  followers: z.object({ total: z.number().int().nonnegative().nullable() }).optional(),
  popularity: z.number().min(0).max(100).optional(),
});
export type SpotifyArtist = z.infer<typeof artistSchema>;

export const simplifiedAlbumSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  album_type: z.string().optional(),
  /** "2023", "2023-06" or "2023-06-01" depending on release_date_precision. */
  release_date: z.string().nullable().optional(),
  release_date_precision: z.enum(['year', 'month', 'day']).nullable().optional(),
});

export const trackSchema = z.object({
  id: z.string().nullable(),
  type: z.literal('track').optional(),
  name: z.string(),
  artists: z.array(simplifiedArtistSchema),
  album: simplifiedAlbumSchema,
  duration_ms: z.number().int().nonnegative(),
  explicit: z.boolean(),
  external_ids: z.object({ isrc: z.string().optional() }).partial().optional(),
  popularity: z.number().min(0).max(100).optional(),
  is_local: z.boolean().optional(),
});
export type SpotifyTrack = z.infer<typeof trackSchema>;

export const albumSchema = simplifiedAlbumSchema.extend({
  id: z.string(),
  artists: z.array(simplifiedArtistSchema),
  label: z.string().optional(),
  popularity: z.number().min(0).max(100).optional(),
  external_ids: z.object({ upc: z.string().optional() }).partial().optional(),
});
export type SpotifyAlbum = z.infer<typeof albumSchema>;

/** Spotify's paging object: `next` is the absolute URL of the next page, or null. */
export const pagingSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    next: z.string().nullable(),
    offset: z.number().int(),
    limit: z.number().int(),
    total: z.number().int().nullable().optional(),
  });

/** A playlist entry: the 2026 API calls the song `item`; the old `/tracks` endpoint called it `track`. Episodes and removed songs are not tracks. */
export const playlistEntrySchema = z
  .object({
    added_at: z.string().nullable().optional(),
    item: z.unknown().optional(),
    track: z.unknown().optional(),
  })
  .transform((e) => {
    const raw = e.item ?? e.track;
    const parsed = trackSchema.safeParse(raw);
    return { addedAt: e.added_at ?? null, track: parsed.success && parsed.data.id !== null ? parsed.data : null };
  });
export type PlaylistEntry = z.infer<typeof playlistEntrySchema>;

export const playlistSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  snapshot_id: z.string().nullable().optional(),
  owner: z.object({ id: z.string(), display_name: z.string().nullable().optional() }).optional(),
  followers: z.object({ total: z.number().int().nullable() }).optional(),
});
export type SpotifyPlaylist = z.infer<typeof playlistSchema>;

export const audioFeaturesSchema = z.object({
  id: z.string(),
  danceability: z.number().nullable(),
  energy: z.number().nullable(),
  key: z.number().int().nullable(),
  loudness: z.number().nullable(),
  mode: z.number().int().nullable(),
  speechiness: z.number().nullable(),
  acousticness: z.number().nullable(),
  instrumentalness: z.number().nullable(),
  liveness: z.number().nullable(),
  valence: z.number().nullable(),
  tempo: z.number().nullable(),
  time_signature: z.number().int().nullable(),
});
export type SpotifyAudioFeatures = z.infer<typeof audioFeaturesSchema>;

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  /** Seconds. */
  expires_in: z.number().positive(),
});
