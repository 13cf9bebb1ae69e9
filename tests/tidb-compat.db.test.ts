/**
 * The SQL songcast really sends stays within what TiDB runs: the jobs of the weekly order run against
 * MariaDB through a proxy that records every statement, and the record is scanned with the rules of
 * tests/tidb-compat.test.ts. This sees what Drizzle and the migrator build at run time, which the
 * static scan of the sources cannot.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createDb } from '@/lib/db/client';
import { models } from '@/lib/db/schema';
import { jobs } from '@/lib/jobs/registry';
import { runJob } from '@/lib/jobs/run-job';
import { logger } from '@/lib/log';
import { promoteModel } from '@/lib/models/registry-actions';
import { startEmbeddedBroker, type EmbeddedBroker } from '@/lib/mqtt/embedded-broker';
import { startSqlCapture, type SqlCapture } from './support/sql-capture';
import { TEST_SERVER_URL } from './support/test-db';
import { formatFindings, scanText } from './support/tidb-rules';

/** The weekly order on a small generated sample: options as the CLI would pass them. */
const STEPS: Array<[string, Record<string, string>]> = [
  ['migrate', {}],
  ['sample-data', { weeks: '70', songs: '1500' }],
  ['update', { sources: 'sample', 'as-of': '2026-11-19' }],
  ['train', { epochs: '2' }],
  ['predict', {}],
  ['publish', {}],
  ['audit', { today: '2026-11-19' }],
];

const database = `songcast_tidbsql_${process.pid}_${randomBytes(3).toString('hex')}`;
let capture: SqlCapture;
let broker: EmbeddedBroker;

/** A two-epoch model rarely beats the baselines; promote it as an admin would, so predict has one. */
async function activateNewestForecastModel(url: string) {
  const handle = createDb({ url, connectionLimit: 1 });
  try {
    const [active] = await handle.db.select({ id: models.id }).from(models).where(and(eq(models.kind, 'forecast'), eq(models.status, 'active')));
    if (active) return;
    const [newest] = await handle.db.select({ id: models.id }).from(models).where(eq(models.kind, 'forecast')).orderBy(desc(models.version)).limit(1);
    expect(newest, 'train stored a model').toBeDefined();
    await promoteModel(handle.db, newest!.id);
  } finally {
    await handle.close();
  }
}

const scanCaptured = (statements: string[]) => statements.flatMap((sql, i) => scanText(sql, `statement ${i + 1}`, ['sql', 'ddl']));

beforeAll(async () => {
  logger.level = 'warn';
  capture = await startSqlCapture(TEST_SERVER_URL);
  broker = await startEmbeddedBroker();
  process.env.MQTT_URL = broker.url;
  process.env.DATABASE_URL = `${capture.url}${database}`;
});

afterAll(async () => {
  const server = await mysql.createConnection({ uri: TEST_SERVER_URL });
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await server.end();
  }
  await broker?.close();
  await capture?.close();
});

describe('the SQL on the wire', () => {
  it('is recorded as sent, without its string data, and a bad statement is flagged', async () => {
    const handle = createDb({ url: capture.url, connectionLimit: 1 });
    try {
      await handle.pool.query('SELECT SQL_CALC_FOUND_ROWS ? AS title', ['Call Me (Lateral Mix)']);
    } finally {
      await handle.close();
    }
    const sent = capture.statements().filter((s) => s.includes('SQL_CALC_FOUND_ROWS'));
    expect(sent).toEqual(['SELECT SQL_CALC_FOUND_ROWS ? AS title']);
    expect(scanCaptured(sent).map((f) => f.rule)).toEqual(['found-rows']);
  });

  it('of the weekly order (migrate → sample-data → update → train → promote → predict → publish → audit) uses nothing TiDB rejects', async () => {
    const before = new Set(capture.statements());
    for (const [name, options] of STEPS) {
      const job = jobs[name];
      expect(job, `job "${name}" is registered`).toBeDefined();
      const result = await runJob(job!, job!.input.parse(options), { url: process.env.DATABASE_URL, tty: false });
      expect(result.error ?? null, `${name} failed`).toBeNull();
      if (name === 'train') await activateNewestForecastModel(process.env.DATABASE_URL!);
    }
    const statements = capture.statements().filter((s) => !before.has(s));
    // Enough distinct statements to mean the jobs really ran through the proxy.
    expect(statements.length).toBeGreaterThan(50);
    expect(statements.some((s) => /^CREATE TABLE/i.test(s.trim()))).toBe(true);
    expect(statements.some((s) => /GET_LOCK/i.test(s))).toBe(true);
    expect(formatFindings(scanCaptured(statements))).toBe('');
  }, 600_000);
});
