/**
 * Import benchmark (issue 3): generates N chart rows in the Spotify Charts format, then per run
 * imports them with the CLI exactly as a user does (`npm run job -- import spotify-charts <file>`,
 * a child process into a fresh scratch database), and loads the same file with LOAD DATA LOCAL
 * INFILE into a bare table of that database. Prints each run and the medians of the importer's
 * rate, LOAD DATA's rate, their ratio (goal ≥ 0.5) and the importer's peak RSS (goal < 300 MB).
 *   npm run bench:import [-- --rows 1000000 --runs 3 --keep]
 * Peak RSS is the child's VmHWM (Linux /proc), read every 50 ms while it runs.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { median } from './summary';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const SERVER = (process.env.BENCH_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306/').replace(/\/$/, '');
const REGIONS = 'global us gb de fr es it nl se no dk fi pl pt br mx ar cl co pe ca au nz jp kr tw hk sg my ph id th vn in tr za eg ma sa ae il gr cz hu ro bg sk at ch be ie is'.split(' ');
const ROOT = path.resolve(import.meta.dirname, '..');

interface Run {
  importRate: number;
  importSeconds: number;
  peakRssMb: number;
  loadRate: number;
  loadSeconds: number;
  load1: number;
}


async function vmHwmKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** Runs the import job through the CLI; resolves with its wall time and peak RSS. */
async function importWithCli(url: string, file: string): Promise<{ seconds: number; peakRssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'jobs/cli.ts', 'import', 'spotify-charts', file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let peakKb = 0;
  const poll = setInterval(() => void vmHwmKb(child.pid!).then((kb) => (peakKb = Math.max(peakKb, kb))), 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`job import exited with ${code}`);
  return { seconds: (performance.now() - t0) / 1000, peakRssMb: peakKb / 1024 };
}

async function benchRun(server: mysql.Connection, file: string, rows: number, n: number): Promise<Run> {
  const { migrateDatabase } = await import('@/lib/db/migrate');
  const database = `songcast_bench_${process.pid}_${n}`;
  const url = `${SERVER}/${database}`;
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await migrateDatabase(url);
  try {
    const load1 = loadavg()[0]!;
    const imported = await importWithCli(url, file);
    const [[entries]] = (await server.query(`SELECT COUNT(*) AS n FROM \`${database}\`.chart_entries`)) as unknown as [[{ n: number }]];
    if (Number(entries.n) !== rows) throw new Error(`the import wrote ${entries.n} chart entries, expected ${rows}`);

    await server.query(`CREATE TABLE \`${database}\`.bench_load (week DATE, region VARCHAR(8), \`rank\` SMALLINT, uri VARCHAR(64), artist_names VARCHAR(1024),
      track_name VARCHAR(512), source VARCHAR(128), peak_rank SMALLINT, previous_rank SMALLINT, weeks_on_chart SMALLINT, streams BIGINT)`);
    const t0 = performance.now();
    await server.query({
      sql: `LOAD DATA LOCAL INFILE ? INTO TABLE \`${database}\`.bench_load FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES`,
      values: [file],
    });
    const loadSeconds = (performance.now() - t0) / 1000;
    return { importRate: rows / imported.seconds, importSeconds: imported.seconds, peakRssMb: imported.peakRssMb, loadRate: rows / loadSeconds, loadSeconds, load1 };
  } finally {
    if (!values.keep) await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  }
}

async function main() {
  if (!Number.isInteger(ROWS) || ROWS < 10_000) throw new Error('--rows must be a whole number ≥ 10000');
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a whole number ≥ 1');
  const { writeSyntheticCharts } = await import('@/lib/importers/synthetic-charts');
  const dir = await mkdtemp(path.join(tmpdir(), 'import-bench-'));
  const file = path.join(dir, 'charts.csv');
  const weeks = Math.ceil(ROWS / (REGIONS.length * 200));
  const server = await mysql.createConnection({ uri: `${SERVER}/`, infileStreamFactory: (p: string) => createReadStream(p) });
  try {
    const t0 = performance.now();
    const rows = await writeSyntheticCharts(file, { weeks, regions: REGIONS });
    console.log(`generated ${rows.toLocaleString()} rows (${weeks} weeks × ${REGIONS.length} regions × 200) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const runs: Run[] = [];
    for (let n = 1; n <= RUNS; n++) {
      const r = await benchRun(server, file, rows, n);
      runs.push(r);
      console.log(
        `run ${n}: importer ${Math.round(r.importRate).toLocaleString()} rows/s (${r.importSeconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB)` +
          `  LOAD DATA ${Math.round(r.loadRate).toLocaleString()} rows/s (${r.loadSeconds.toFixed(1)} s)  ratio ${(r.importRate / r.loadRate).toFixed(2)}  load avg ${r.load1.toFixed(1)}`,
      );
    }
    const m = (f: (r: Run) => number) => median(runs.map(f));
    console.log(`medians of ${RUNS} run(s), load average ${m((r) => r.load1).toFixed(1)} at their starts:`);
    console.log(`importer     ${Math.round(m((r) => r.importRate)).toLocaleString().padStart(9)} rows/s  (CLI process wall time, start-up included)`);
    console.log(`LOAD DATA    ${Math.round(m((r) => r.loadRate)).toLocaleString().padStart(9)} rows/s  (bare table)`);
    console.log(`ratio        ${m((r) => r.importRate / r.loadRate).toFixed(2)}  (goal ≥ 0.5)   peak RSS ${m((r) => r.peakRssMb).toFixed(0)} MB (goal < 300)`);
  } finally {
    await server.end();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
