/**
 * The evaluation's scratch database: `<database>_eval` on DATABASE_URL's server, created
 * and migrated for one run, dropped afterwards unless kept.
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

/** The scratch database's URL for a main DATABASE_URL. */
export function scratchUrl(url: string): string {
  const { database } = splitDatabaseUrl(url);
  const u = new URL(url);
  u.pathname = `/${database}_eval`;
  return u.toString();
}

/** Creates (when missing) and migrates the scratch database next to `url`'s. */
export async function openScratchDb(url: string): Promise<ScratchDb> {
  const target = scratchUrl(url);
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
