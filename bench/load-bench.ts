/**
 * Load benchmark (issue 7): seeds a database with 50,000 songs and 1,000,000 popularity snapshots
 * (bench/load/seed.ts; skipped when it is already seeded), starts `next start` of a built tree against
 * it, records the SQL that `/api/v1/forecasts`, `/` and `/songs/[id]` send (through the SQL capture
 * proxy) and prints the EXPLAIN of each statement with any unindexed read, then runs wrk on each URL
 * (songs over every song that has charted) and prints requests/s, p50/p95/p99 and errors against the
 * goals: API p95 < 50 ms, pages p95 < 200 ms, no errors.
 *   npm run bench:load -- --app-dir /tmp/built-tree [--port 3300 --seconds 30 --connections 50 --reseed]
 * BENCH_LOAD_DATABASE_URL names the database (default mysql://root@127.0.0.1:3306/songcast_load).
 */
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { explainAll, formatPlan, rowsRead, scanProblems } from '@/tests/support/explain-plans';
import { startSqlCapture } from '@/tests/support/sql-capture';
import type { SeedOptions } from './load/seed';
import { startApp } from './load/server';
import { runWrk, type WrkResult } from './load/wrk';
import { loadAverage, median } from './summary';

process.env.LOG_LEVEL ??= 'warn';
const { values } = parseArgs({
  options: {
    'app-dir': { type: 'string', default: process.cwd() },
    port: { type: 'string', default: '3300' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    threads: { type: 'string', default: '2' },
    songs: { type: 'string', default: '50000' },
    snapshots: { type: 'string', default: '1000000' },
    reseed: { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
    'explain-only': { type: 'boolean', default: false },
  },
});
const URL_ = process.env.BENCH_LOAD_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/songcast_load';
const SEED: SeedOptions = { songs: Number(values.songs), snapshots: Number(values.snapshots), weeks: 156, epochs: 2 };

/** The three routes, their p95 goal (ms), and whether the path takes a song id. */
const ROUTES = [
  { name: 'GET /api/v1/forecasts', path: '/api/v1/forecasts', goalP95: 50, ids: false },
  { name: 'GET /', path: '/', goalP95: 200, ids: false },
  { name: 'GET /songs/[id]', path: '/songs/', goalP95: 200, ids: true },
] as const;


async function seed(server: mysql.Connection, database: string) {
  // Imported here, after LOG_LEVEL is set: the jobs' logger reads it when first loaded.
  const { countSeed, isSeeded, seedLoadDatabase } = await import('./load/seed');
  if (values.reseed) await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  const pool = mysql.createPool({ uri: URL_, connectionLimit: 1 });
  const before = await countSeed(pool).catch(() => null);
  await pool.end();
  if (before && isSeeded(before, SEED)) return before;
  console.log(`seeding ${database} (${SEED.songs.toLocaleString()} songs, ${SEED.snapshots.toLocaleString()} snapshots)`);
  return seedLoadDatabase(URL_, SEED);
}

/** Requests each route once or a few times through the capture proxy; returns each route's statements. */
async function captureSql(appDir: string, port: number, serverUrl: string, database: string, ids: string[]) {
  const capture = await startSqlCapture(serverUrl, { keepLiterals: true });
  const app = await startApp(appDir, port, `${capture.url}${database}`);
  const byRoute = new Map<string, string[]>();
  try {
    for (const route of ROUTES) {
      capture.clear();
      // Songs: the first, middle and last id that charted (different runs, forecasts and audits).
      const paths = route.ids ? [ids[0], ids[ids.length >> 1], ids.at(-1)].map((id) => `${route.path}${id}`) : [route.path];
      for (const p of paths) {
        const res = await fetch(`${app.origin}${p}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      }
      byRoute.set(route.name, capture.statements());
    }
  } finally {
    await app.stop();
    await capture.close();
  }
  return byRoute;
}

/** Median time of `sql` over 5 runs on an idle connection (ms): slow reads that EXPLAIN calls indexed show here. */
async function medianMs(conn: mysql.Connection, sql: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await conn.query(sql);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function row(cells: (string | number)[], widths: number[]) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
}

async function main() {
  const appDir = path.resolve(values['app-dir']);
  const port = Number(values.port);
  const parsed = new URL(URL_);
  const database = parsed.pathname.slice(1);
  parsed.pathname = '/';
  const serverUrl = parsed.toString();
  const server = await mysql.createConnection({ uri: serverUrl });
  try {
    const counts = await seed(server, database);
    console.log('database', database, JSON.stringify(counts));
    if (values['seed-only']) return;
    await server.query(`USE \`${database}\``);
    const [idRows] = await server.query<RowDataPacket[]>('SELECT DISTINCT track_id FROM chart_entries ORDER BY track_id');
    const ids = idRows.map((r) => String(r.track_id));
    const idsFile = path.join(tmpdir(), `load-bench-ids-${process.pid}.txt`);
    await writeFile(idsFile, ids.join('\n'));

    console.log('\nEXPLAIN of every statement the routes send (a problem is a full scan or a big filesort):');
    let problems = 0;
    for (const [route, statements] of await captureSql(appDir, port, serverUrl, database, ids)) {
      console.log(`\n## ${route}: ${statements.length} statements`);
      for (const { sql, plan } of await explainAll(server, statements)) {
        const found = scanProblems(plan);
        problems += found.length;
        console.log(`\n${sql.length > 600 ? `${sql.slice(0, 600)} …` : sql}`);
        console.log(`  rows read: ${await rowsRead(server, sql)}; median time of 5 runs: ${(await medianMs(server, sql)).toFixed(2)} ms`);
        for (const line of formatPlan(plan)) console.log(`  ${line}`);
        for (const p of found) console.log(`  PROBLEM: ${p}`);
      }
    }
    console.log(`\n${problems} unindexed reads`);
    if (values['explain-only']) return;

    const app = await startApp(appDir, port, URL_);
    const results: { route: (typeof ROUTES)[number]; r: WrkResult; loadBefore: string; cpuPerRequest: number }[] = [];
    try {
      for (const route of ROUTES) {
        const url = `${app.origin}${route.path}`;
        const idsArg = route.ids ? idsFile : undefined;
        // Warm-up: JIT, the pool's connections and Next's route caches, not measured.
        await runWrk(url, { connections: 4, seconds: 3, threads: 1, idsFile: idsArg });
        const loadBefore = loadAverage();
        const cpuBefore = app.cpuMs();
        const r = await runWrk(url, {
          connections: Number(values.connections),
          seconds: Number(values.seconds),
          threads: Number(values.threads),
          idsFile: idsArg,
        });
        results.push({ route, r, loadBefore, cpuPerRequest: (app.cpuMs() - cpuBefore) / Math.max(1, r.requests) });
      }
    } finally {
      await app.stop();
    }

    const widths = [22, 9, 8, 8, 8, 8, 7, 7, 11, 6, 16];
    console.log(`\nwrk -t${values.threads} -c${values.connections} -d${values.seconds}s, ${ids.length.toLocaleString()} song ids`);
    console.log(row(['route', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non2xx', 'socket', 'CPU ms/req', 'goal', 'load avg before'], widths));
    for (const { route, r, loadBefore, cpuPerRequest } of results) {
      const pass = r.p95 < route.goalP95 && r.non2xx === 0 && r.socketErrors === 0;
      const cells = [route.name, r.requestsPerSecond.toFixed(1), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(0)];
      console.log(row([...cells, r.non2xx, r.socketErrors, cpuPerRequest.toFixed(1), pass ? 'pass' : 'FAIL', loadBefore], widths));
    }
    console.log('CPU ms/req: the web server\'s own CPU time per answered request (not the database\'s), whatever else loads the machine.');
    console.log(`goals: API p95 < 50 ms, pages p95 < 200 ms, no errors. load average now ${loadAverage()}`);
    await rm(idsFile, { force: true });
  } finally {
    await server.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
