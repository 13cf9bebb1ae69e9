/**
 * Every statement behind `/api/v1/forecasts`, the explorer (`/`) and the song page reads the tables that
 * grow (chart entries, snapshots, forecasts) through an index: the code paths run against a small
 * generated sample through the SQL capture proxy, and the EXPLAIN of each captured read may show no
 * full scan and no big filesort of those tables. bench/load-bench.ts prints the same plans at 50,000 songs.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getForecasts } from '@/app/api/v1/forecasts/route';
import { fillForecasts } from '@/bench/load/seed';
import { songWhatIf } from '@/lib/attributes/song-what-if';
import { getDb } from '@/lib/db/client';
import { models } from '@/lib/db/schema';
import { loadExplorer } from '@/lib/explorer/load-explorer';
import { loadSongCharts } from '@/lib/explorer/load-song';
import { parseExplorerParams } from '@/lib/explorer/params';
import { runJob } from '@/lib/jobs/run-job';
import { sampleDataJob } from '@/lib/jobs/sample-data';
import { getActiveVersions } from '@/lib/models/active-versions';
import { getSong } from '@/lib/queries/songs';
import { songThemeMix } from '@/lib/themes/song-theme-mix';
import { explainAll, formatPlan, scanProblems } from '@/tests/support/explain-plans';
import { startSqlCapture, type SqlCapture } from '@/tests/support/sql-capture';
import { createTestDb, TEST_SERVER_URL, type TestDb } from '@/tests/support/test-db';

const TABLES = ['chart_entries', 'popularity_snapshots', 'forecasts'];

let t: TestDb;
let capture: SqlCapture;
let server: mysql.Connection;
let songs: { charted: number; never: number };

type Cache = typeof globalThis & { songcastDb?: { close(): Promise<void> } };

beforeAll(async () => {
  t = await createTestDb('plans');
  const sample = await runJob(sampleDataJob, sampleDataJob.input.parse({ songs: '500', weeks: '30' }), { url: t.url, tty: false });
  expect(sample.code, sample.error).toBe(0);
  const [model] = await t.db.insert(models).values({
    kind: 'forecast', version: 1, status: 'active', trainedRows: 1, featureSpec: {}, metrics: {}, baselineMetrics: {},
    artifact: Buffer.from([0]), activatedAt: new Date(),
  });
  await fillForecasts(t.pool, model.insertId);
  const first = async (sql: string) => ((await t.pool.query(sql))[0] as { id: number }[])[0]!.id;
  songs = {
    charted: await first('SELECT track_id AS id FROM chart_entries ORDER BY chart_date DESC, chart_id, `rank` LIMIT 1'),
    never: await first('SELECT id FROM tracks WHERE id NOT IN (SELECT track_id FROM chart_entries) ORDER BY id LIMIT 1'),
  };
  capture = await startSqlCapture(TEST_SERVER_URL, { keepLiterals: true });
  process.env.DATABASE_URL = `${capture.url}${t.database}`;
  server = await mysql.createConnection({ uri: t.url });
}, 60_000);

afterAll(async () => {
  const cache = globalThis as Cache;
  await cache.songcastDb?.close();
  delete cache.songcastDb;
  await server?.end();
  await capture?.close();
  await t?.drop();
});

/** The statements `run` sends through the app's pool, with each one's unindexed reads of TABLES. */
async function problemsOf(run: () => Promise<unknown>): Promise<{ statements: number; problems: Record<string, string[]> }> {
  capture.clear();
  await run();
  const plans = await explainAll(server, capture.statements());
  // A failure shows the statement, what is wrong and the whole plan.
  const problems = Object.fromEntries(
    plans
      .map(({ sql, plan }) => [sql, scanProblems(plan, { tables: TABLES })] as const)
      .filter(([, found]) => found.length > 0)
      .map(([sql, found]) => [sql, [...found, ...formatPlan(plans.find((p) => p.sql === sql)!.plan)]]),
  );
  return { statements: plans.length, problems };
}

describe('query plans', () => {
  it('the check flags a full scan and a big filesort', async () => {
    const [scan] = await explainAll(server, ['SELECT * FROM chart_entries WHERE streams > 1000']);
    expect(scanProblems(scan!.plan, { tables: TABLES })).toEqual([expect.stringMatching(/^full scan of chart_entries/)]);
    const [sort] = await explainAll(server, ['SELECT track_id FROM chart_entries WHERE chart_id = 1 ORDER BY streams']);
    expect(scanProblems(sort!.plan, { tables: TABLES })).toEqual([expect.stringMatching(/^filesort of ~\d+ chart_entries rows/)]);
  });

  it('/api/v1/forecasts reads through indexes', async () => {
    const result = await problemsOf(async () => {
      const response = await getForecasts(new Request('http://localhost/api/v1/forecasts?sort=score'));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    });
    expect(result.statements).toBeGreaterThanOrEqual(4);
    expect(result.problems).toEqual({});
  });

  it('the explorer reads through indexes, with every filter and sort', async () => {
    for (const query of [{}, { filter: 'last', sort: 'chance26' }, { filter: 'new', sort: 'move', dir: 'asc' }, { q: 'a', sort: 'weeks', page: '2' }]) {
      const result = await problemsOf(async () => {
        const view = await loadExplorer(getDb(), parseExplorerParams(query));
        expect(view.kind).toBe('chart');
      });
      expect(result.statements, JSON.stringify(query)).toBeGreaterThanOrEqual(5);
      expect(result.problems, JSON.stringify(query)).toEqual({});
    }
  });

  it('the song page reads through indexes, for a charted song and one that never charted', async () => {
    for (const id of [songs.charted, songs.never]) {
      const result = await problemsOf(async () => {
        const song = await getSong(getDb(), id);
        expect(song).not.toBeNull();
        const active = await getActiveVersions(getDb(), ['theme', 'attributes']);
        await Promise.all([
          loadSongCharts(getDb(), id, undefined),
          songThemeMix(getDb(), song!.audio, active.get('theme')),
          songWhatIf(getDb(), song!, active.get('attributes')),
        ]);
      });
      expect(result.statements).toBeGreaterThanOrEqual(3);
      expect(result.problems, `song ${id}`).toEqual({});
    }
  });
});
