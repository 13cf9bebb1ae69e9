/**
 * The evaluation's scratch databases: `<database>_eval_<data set>` on DATABASE_URL's server,
 * created and migrated for one run, dropped afterwards unless kept. One per data set: in a
 * shared one, importing Spotify's Top 50 (2023–2024) filled in the release date, duration and
 * explicit flag of the 958 Billboard songs it matched, so a later Billboard evaluation
 * (`--reuse`) read "still streamed in 2023–24" from those columns' missing flags.
 */
import { createDb, type DbHandle } from '@/lib/db/client';
import { connectServer, migrateDatabase, splitDatabaseUrl } from '@/lib/db/migrate';

export interface ScratchDb extends DbHandle {
  database: string;
  /** False when the database already existed (a kept earlier run). */
  created: boolean;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** The scratch database's URL of a data set for a main DATABASE_URL. */
export function scratchUrl(url: string, dataset: string): string {
  const { database } = splitDatabaseUrl(url);
  const u = new URL(url);
  u.pathname = `/${database}_eval_${dataset}`;
  return u.toString();
}

/** Creates (when missing) and migrates the data set's scratch database next to `url`'s. */
export async function openScratchDb(url: string, dataset: string): Promise<ScratchDb> {
  const target = scratchUrl(url, dataset);
  const { database, created } = await migrateDatabase(target);
  const handle = createDb({ url: target, connectionLimit: 4 });
  return {
    ...handle,
    database,
    created,
    async drop() {
      await handle.close();
      const server = await connectServer(splitDatabaseUrl(target).serverUrl);
      try {
        await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await server.end();
      }
    },
  };
}
