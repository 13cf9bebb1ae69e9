/**
 * Drops the end-to-end database so each run starts from the current migration and a known sample
 * (the init migration is regenerated while nothing is released, which an old database cannot follow).
 * Run by playwright.config.ts's webServer command before it migrates; local databases only.
 */
import mysql from 'mysql2/promise';
import { assertLocalDatabase, E2E_DATABASE_URL } from './database-url';

assertLocalDatabase(E2E_DATABASE_URL);
const url = new URL(E2E_DATABASE_URL);
const database = decodeURIComponent(url.pathname.slice(1));
if (!/^songcast_[A-Za-z0-9_]+$/.test(database)) {
  throw new Error(`Refusing to drop "${database}": the end-to-end database's name must start with songcast_.`);
}
url.pathname = '/';
const server = await mysql.createConnection({ uri: url.toString() });
try {
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  console.log(`e2e: dropped ${database}`);
} finally {
  await server.end();
}
