/**
 * init — once, when songcast is set up: creates the charts and playlists the
 * live sources follow and pulls the history each can give today (Deezer: the
 * current global + DEEZER_COUNTRIES top lists and every listed track's rank;
 * Spotify: the items of SPOTIFY_PLAYLISTS and the metadata of their tracks).
 * It is the first `update` of the live sources, run for today.
 * Trigger: by hand or the demo, after `migrate`. Schedule: once; safe to repeat.
 */
import { z } from 'zod';
import { hasSpotifyCredentials } from '@/lib/spotify/env';
import { defineJob } from './types';
import { updateJob } from './update';

/** The sources init knows how to set up. */
const LIVE_SOURCES = ['deezer', 'spotify'];

const initInput = z
  .object({ sources: z.string().optional(), limit: z.union([z.string(), z.number()]).optional(), 'skip-to': z.string().optional() })
  .strict()
  .transform((o, ctx) => {
    // The same checks and defaults as update (unknown sources, phases, limit), for today.
    const parsed = updateJob.input.safeParse({ ...o, sources: o.sources ?? (hasSpotifyCredentials() ? 'deezer,spotify' : 'deezer') });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  })
  .refine((o) => o.sources.every((s) => LIVE_SOURCES.includes(s)), {
    path: ['sources'],
    message: `init sets up the live sources only: ${LIVE_SOURCES.join(', ')}`,
  });

export const initJob = defineJob({
  name: 'init',
  summary: 'Once: set up the charts and playlists to follow and pull the initial history (Deezer, Spotify).',
  help: [
    'Sets up what the live sources follow and pulls what history they can give today:',
    '  deezer   the global chart and the DEEZER_COUNTRIES top lists as weekly charts deezer-weekly-<country>,',
    '           and every listed track\'s Deezer rank as a popularity snapshot. No key needed.',
    '  spotify  the playlists in SPOTIFY_PLAYLISTS (items, added dates) and the metadata of their tracks;',
    '           popularity and audio features only when the app has them. Needs SPOTIFY_CLIENT_ID/SECRET.',
    'Default sources: deezer, plus spotify when its credentials are set. Afterwards run `update` weekly.',
    'A failed run resumes from its checkpoint when re-run with the same options; re-running changes nothing.',
  ].join('\n'),
  options: {
    sources: { type: 'string', description: 'comma-separated: deezer, spotify (default: deezer, and spotify when configured)' },
    limit: { type: 'string', description: 'cap on the tracks each source handles (per top list, and re-read); for trials' },
    'skip-to': { type: 'string', description: 'start at this phase (deezer: charts, tracks; spotify: playlists, tracks)' },
  },
  input: initInput,
  run: (ctx, input) => updateJob.run(ctx, input),
});
