import 'server-only';
import { drizzle } from 'drizzle-orm/mysql2';
import mysql from 'mysql2/promise';
import { dbEnv } from '@/lib/env';
import * as schema from './schema';

export interface DbOptions {
  url?: string;
  connectionLimit?: number;
}

/** A pool plus its Drizzle handle. Core query builder only: `db.query.*` emits LATERAL joins MariaDB rejects. */
export function createDb({ url = dbEnv().DATABASE_URL, connectionLimit = 10 }: DbOptions = {}) {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit,
    dateStrings: ['DATE'],
    timezone: 'Z',
    supportBigNumbers: true,
    multipleStatements: false,
    enableKeepAlive: true,
  });
  return { db: drizzle({ client: pool, schema, mode: 'default' }), pool, close: () => pool.end() };
}
export type Db = ReturnType<typeof createDb>['db'];
export type DbHandle = ReturnType<typeof createDb>;

const cache = globalThis as typeof globalThis & { songcastDb?: DbHandle };

/** One pool per web process; survives hot reloads. */
export const getDb = (): Db => (cache.songcastDb ??= createDb()).db;
