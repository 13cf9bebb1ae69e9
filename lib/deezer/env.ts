import 'server-only';
import { z } from 'zod';
import { lazyEnv } from '@/lib/http/env';
import { parseTopLists } from './countries';

/** Deezer public API settings (no key needed), read only by the jobs that call Deezer. */
export const deezerEnv = lazyEnv(
  'Deezer',
  z
    .object({
      DEEZER_API_URL: z.url().default('https://api.deezer.com'),
      DEEZER_COUNTRIES: z.string().default('us,gb,de,fr,br'),
    })
    .transform((env, ctx) => {
      try {
        return { apiUrl: env.DEEZER_API_URL, topLists: parseTopLists(env.DEEZER_COUNTRIES.split(/[\s,]+/).filter(Boolean)) };
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['DEEZER_COUNTRIES'], message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    }),
);
