/**
 * Scratch databases filled from ../shared/data with the project's own importers, for the
 * evaluation benches. Each source is one database holding exactly the files it lists, so a
 * theme set or a popularity target never mixes datasets it should not.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { Db } from '@/lib/db/client';

export interface ImportStep {
  format: 'catalog' | 'playlists' | 'spotify-charts' | 'billboard';
  /** Folder under the data directory. */
  folder: string;
  date?: string;
}

export interface SourceOptions {
  dataDir: string;
  /** Database name prefix; the source's name is appended. */
  prefix: string;
  /** Use the database as it is when it already holds tracks (a previous run with --keep). */
  reuse: boolean;
}

/** The options every evaluation bench takes (parseArgs). */
export const SOURCE_ARGS = {
  data: { type: 'string' },
  prefix: { type: 'string' },
  keep: { type: 'boolean', default: false },
  reuse: { type: 'boolean', default: false },
  only: { type: 'string' },
} as const;

const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306/';

export const databaseUrl = (database: string) => `${SERVER.replace(/\/$/, '')}/${database}`;

/**
 * Migrates `<prefix>_<name>` and imports the steps into it; returns its URL, or null (and says
 * why) when a folder is absent. Imports are idempotent, so a re-run only costs time.
 */
async function prepareSource(name: string, steps: ImportStep[], o: SourceOptions): Promise<string | null> {
  const missing = steps.filter((s) => !existsSync(path.join(o.dataDir, s.folder)));
  if (missing.length > 0) {
    console.log(`${name}: skipped, ${missing.map((s) => s.folder).join(', ')} not under ${o.dataDir}`);
    return null;
  }
  const { migrateDatabase } = await import('@/lib/db/migrate');
  const { importJob } = await import('@/lib/jobs/import');
  const { runJob } = await import('@/lib/jobs/run-job');
  const url = databaseUrl(`${o.prefix}_${name}`);
  await migrateDatabase(url);
  if (o.reuse && (await countTracks(url)) > 0) return url;
  for (const step of steps) {
    const started = performance.now();
    const input = importJob.input.parse({ format: step.format, path: path.join(o.dataDir, step.folder), ...(step.date ? { date: step.date } : {}) });
    const result = await runJob(importJob, input, { url, tty: false });
    if (result.code !== 0) throw new Error(`${name}: import ${step.format} ${step.folder} failed: ${result.error}`);
    console.log(`${name}: imported ${step.folder} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return url;
}

async function countTracks(url: string): Promise<number> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM tracks');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await conn.end();
  }
}

/**
 * Prepares each source (those named by --only; data from --data, else ../shared/data beside the
 * checkout) and runs `use` with a small pool on its database; the databases are dropped at the
 * end unless --keep.
 */
export async function withSources<S extends { name: string; steps: ImportStep[] }>(
  sources: S[],
  args: { data?: string; prefix?: string; keep: boolean; reuse: boolean; only?: string },
  defaultPrefix: string,
  use: (source: S, db: Db) => Promise<void>,
): Promise<void> {
  const { createDb } = await import('@/lib/db/client');
  const o: SourceOptions = { dataDir: args.data ?? path.resolve(process.cwd(), '..', 'shared', 'data'), prefix: args.prefix ?? defaultPrefix, reuse: args.reuse };
  const only = args.only?.split(',');
  const unknown = only?.filter((name) => !sources.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: no source ${unknown.join(', ')} (there are ${sources.map((s) => s.name).join(', ')})`);
  const urls: string[] = [];
  try {
    for (const source of only ? sources.filter((s) => only.includes(s.name)) : sources) {
      const url = await prepareSource(source.name, source.steps, o);
      if (!url) continue;
      urls.push(url);
      const handle = createDb({ url, connectionLimit: 2 });
      try {
        await use(source, handle.db);
      } finally {
        await handle.close();
      }
    }
  } finally {
    if (!args.keep) await dropSources(urls);
  }
}

/** Drops the scratch databases. */
async function dropSources(urls: string[]): Promise<void> {
  const conn = await mysql.createConnection({ uri: SERVER });
  try {
    for (const url of urls) await conn.query(`DROP DATABASE IF EXISTS \`${new URL(url).pathname.slice(1)}\``);
  } finally {
    await conn.end();
  }
}
