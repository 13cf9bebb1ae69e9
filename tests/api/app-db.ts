/**
 * Points the app's own pool (getDb) at a fresh test database: the route handlers read
 * DATABASE_URL lazily on their first query, so it is set before any handler runs.
 */
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { seedApiData } from './seed';

type Cache = typeof globalThis & { songcastDb?: { close(): Promise<void> } };

/** A seeded test database that getDb() uses; `close` ends the app pool and drops the database. */
export async function openAppDb(label: string): Promise<{ t: TestDb; close(): Promise<void> }> {
  const t = await createTestDb(label);
  await seedApiData(t);
  process.env.DATABASE_URL = t.url;
  return {
    t,
    async close() {
      const cache = globalThis as Cache;
      await cache.songcastDb?.close();
      delete cache.songcastDb;
      await t.drop();
    },
  };
}
