import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createDb, type DbHandle } from '@/lib/db/client';
import { migrateDatabase, splitDatabaseUrl } from '@/lib/db/migrate';

/** Server the integration tests use; each test file gets its own fresh database on it. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306/';

export interface TestDb extends DbHandle {
  url: string;
  database: string;
  /** Drops the database and closes the pool. */
  drop(): Promise<void>;
}

/** Creates and migrates a uniquely named database; call `drop()` in afterAll. */
export async function createTestDb(label = 'test'): Promise<TestDb> {
  const host = new URL(TEST_SERVER_URL);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host.hostname)) {
    throw new Error(`Refusing to create test databases on a non-local server (${host.hostname}).`);
  }
  const database = `songcast_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  host.pathname = `/${database}`;
  const url = host.toString();
  await migrateDatabase(url);
  const handle = createDb({ url, connectionLimit: 5 });
  return {
    ...handle,
    url,
    database,
    async drop() {
      await handle.close();
      const server = await mysql.createConnection({ uri: splitDatabaseUrl(url).serverUrl });
      try {
        await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await server.end();
      }
    },
  };
}
