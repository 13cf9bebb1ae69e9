import { randomBytes } from 'node:crypto';
import mysql, { type RowDataPacket } from 'mysql2/promise';
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

const uniqueName = (label: string) => `songcast_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;

/** Creates and migrates a uniquely named database (on `serverUrl`, default the shared test server); call `drop()` in afterAll. */
export async function createTestDb(label = 'test', { serverUrl = TEST_SERVER_URL } = {}): Promise<TestDb> {
  const host = new URL(serverUrl);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host.hostname)) {
    throw new Error(`Refusing to create test databases on a non-local server (${host.hostname}).`);
  }
  const database = uniqueName(label);
  host.pathname = `/${database}`;
  const url = host.toString();
  await migrateDatabase(url);
  return handleFor(url, database);
}

function handleFor(url: string, database: string): TestDb {
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

/** A copy of `source` (every table, rows and ids included) in a new database on the same server. */
export async function cloneTestDb(source: TestDb, label: string): Promise<TestDb> {
  const database = uniqueName(label);
  const url = new URL(source.url);
  url.pathname = `/${database}`;
  const server = await mysql.createConnection({ uri: splitDatabaseUrl(source.url).serverUrl });
  try {
    await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [tables] = await server.query<RowDataPacket[]>('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [source.database]);
    for (const { name } of tables) {
      await server.query(`CREATE TABLE \`${database}\`.\`${name}\` LIKE \`${source.database}\`.\`${name}\``);
      await server.query(`INSERT INTO \`${database}\`.\`${name}\` SELECT * FROM \`${source.database}\`.\`${name}\``);
    }
  } finally {
    await server.end();
  }
  return handleFor(url.toString(), database);
}
