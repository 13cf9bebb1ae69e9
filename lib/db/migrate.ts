import 'server-only';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import { AppError } from '@/lib/errors';
import { serverGoneError } from './connection-lost';

const MIGRATIONS = path.join(process.cwd(), 'drizzle');

/** Splits a mysql URL into the server URL and the database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    throw new AppError('BAD_REQUEST', `DATABASE_URL must name a database (letters, digits, _ $ -), got "${database}".`);
  }
  parsed.pathname = '/';
  return { serverUrl: parsed.toString(), database };
}

export const NO_SERVER_HELP = [
  'No MySQL/MariaDB server answered at DATABASE_URL.',
  'Start one and run again: on Debian/Ubuntu `apt-get install mariadb-server` (then `service mariadb start`,',
  'or `mariadbd --user=mysql &`), on macOS `brew install mysql && brew services start mysql`,',
  'or with Docker `docker compose up -d db` from this repository. Then set DATABASE_URL',
  '(default mysql://root@127.0.0.1:3306/songcast) to a user that may create databases.',
].join(' ');

/** Opens a connection to the server, turning "nothing listens" into a helpful AppError. */
export async function connectServer(url: string): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({ uri: url, multipleStatements: false });
  } catch (err) {
    if (serverGoneError(err)) throw new AppError('UNAVAILABLE', NO_SERVER_HELP, { cause: err });
    throw err;
  }
}

/** Creates the database named in `url` when missing, then applies drizzle/ migrations. */
export async function migrateDatabase(url: string): Promise<{ database: string; created: boolean }> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const server = await connectServer(serverUrl);
  let created = false;
  try {
    const [rows] = await server.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database]);
    if ((rows as unknown[]).length === 0) {
      await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      created = true;
    }
  } finally {
    await server.end();
  }
  const conn = await mysql.createConnection({ uri: url });
  try {
    await migrate(drizzle({ client: conn }), { migrationsFolder: MIGRATIONS });
  } finally {
    await conn.end();
  }
  return { database, created };
}
