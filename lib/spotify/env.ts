import 'server-only';
import { z } from 'zod';
import { lazyEnv } from '@/lib/http/env';

/** Comma- or space-separated list, empty entries dropped. */
const list = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(/[\s,]+/).filter(Boolean));

/** A Spotify playlist id, or its open.spotify.com URL / spotify: URI, reduced to the id. */
const playlistId = z
  .string()
  .transform((s) => s.match(/playlist[/:]([A-Za-z0-9]{22})/)?.[1] ?? s)
  .pipe(z.string().regex(/^[A-Za-z0-9]{22}$/, 'a Spotify playlist id is 22 letters and digits'));

/**
 * Spotify Web API settings, read only by the jobs that call Spotify, so the web
 * app and every other job run without them.
 */
export const spotifyEnv = lazyEnv(
  'Spotify',
  z.object({
    SPOTIFY_CLIENT_ID: z.string({ error: 'SPOTIFY_CLIENT_ID is required for the Spotify source (developer.spotify.com → your app)' }).min(1),
    SPOTIFY_CLIENT_SECRET: z.string({ error: 'SPOTIFY_CLIENT_SECRET is required for the Spotify source' }).min(1),
    SPOTIFY_API_URL: z.url().default('https://api.spotify.com/v1'),
    SPOTIFY_ACCOUNTS_URL: z.url().default('https://accounts.spotify.com/api/token'),
    SPOTIFY_PLAYLISTS: list.pipe(z.array(playlistId)),
  }),
);
export type SpotifyEnv = ReturnType<typeof spotifyEnv>;

/** Whether Spotify credentials are configured (decides if `init` includes the Spotify source by default). */
export const hasSpotifyCredentials = (): boolean => Boolean(process.env.SPOTIFY_CLIENT_ID && process.env.SPOTIFY_CLIENT_SECRET);
