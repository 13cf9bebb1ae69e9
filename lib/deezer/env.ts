import 'server-only';
import { z } from 'zod';
import { parseTopLists } from './countries';

const once = <T>(f: () => T) => {
  let value: T | undefined;
  return () => (value ??= f());
};

/** Deezer public API settings (no key needed), read only by the jobs that call Deezer. */
export const deezerEnv = once(() => {
  const env = z
    .object({
      DEEZER_API_URL: z.url().default('https://api.deezer.com'),
      DEEZER_COUNTRIES: z.string().default('us,gb,de,fr,br'),
    })
    .parse(process.env);
  return { apiUrl: env.DEEZER_API_URL, topLists: parseTopLists(env.DEEZER_COUNTRIES.split(/[\s,]+/).filter(Boolean)) };
});
