/**
 * Import benchmark (issue 3): generates N chart rows in the Spotify Charts format,
 * imports them with `job import spotify-charts` into a scratch database, then
 * loads the same file with LOAD DATA LOCAL INFILE into a bare table, and prints
 * both rates, their ratio (goal ≥ 0.5) and the importer's peak RSS (goal < 300 MB).
 *   npm run bench:import [-- --rows 1000000 --keep]
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';

process.env.LOG_LEVEL ??= 'warn';
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } } });
const ROWS = Number(values.rows);
const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306/';
const REGIONS = 'global us gb de fr es it nl se no dk fi pl pt br mx ar cl co pe ca au nz jp kr tw hk sg my ph id th vn in tr za eg ma sa ae il gr cz hu ro bg sk at ch be ie is'.split(' ');

async function main() {
  if (!Number.isInteger(ROWS) || ROWS < 10_000) throw new Error('--rows must be a whole number ≥ 10000');
  const { writeSyntheticCharts } = await import('@/lib/importers/synthetic-charts');
  const { migrateDatabase } = await import('@/lib/db/migrate');
  const { importJob } = await import('@/lib/jobs/import');
  const { runJob } = await import('@/lib/jobs/run-job');

  const dir = await mkdtemp(path.join(tmpdir(), 'import-bench-'));
  const file = path.join(dir, 'charts.csv');
  const weeks = Math.ceil(ROWS / (REGIONS.length * 200));
  const database = `songcast_bench_${process.pid}`;
  const url = `${SERVER.replace(/\/$/, '')}/${database}`;
  const server = await mysql.createConnection({ uri: SERVER, infileStreamFactory: (p: string) => createReadStream(p) });
  try {
    let t0 = performance.now();
    const rows = await writeSyntheticCharts(file, { weeks, regions: REGIONS });
    console.log(`generated ${rows.toLocaleString()} rows (${weeks} weeks × ${REGIONS.length} regions × 200) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await migrateDatabase(url);

    const rssBefore = process.resourceUsage().maxRSS;
    t0 = performance.now();
    const result = await runJob(importJob, importJob.input.parse({ format: 'spotify-charts', path: file }), { url, tty: false });
    const importSeconds = (performance.now() - t0) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    if (result.code !== 0) throw new Error(`import failed: ${result.error}`);
    const importRate = rows / importSeconds;

    await server.query(`USE \`${database}\``);
    await server.query(`CREATE TABLE bench_load (week DATE, region VARCHAR(8), \`rank\` SMALLINT, uri VARCHAR(64), artist_names VARCHAR(1024),
      track_name VARCHAR(512), source VARCHAR(128), peak_rank SMALLINT, previous_rank SMALLINT, weeks_on_chart SMALLINT, streams BIGINT)`);
    t0 = performance.now();
    await server.query({
      sql: `LOAD DATA LOCAL INFILE ? INTO TABLE bench_load FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES`,
      values: [file],
    });
    const loadSeconds = (performance.now() - t0) / 1000;
    const loadRate = rows / loadSeconds;

    console.log(`importer     ${Math.round(importRate).toLocaleString().padStart(9)} rows/s  (${importSeconds.toFixed(1)} s; peak RSS ${peakRssMb.toFixed(0)} MB, ${(rssBefore / 1024).toFixed(0)} MB before)`);
    console.log(`LOAD DATA    ${Math.round(loadRate).toLocaleString().padStart(9)} rows/s  (${loadSeconds.toFixed(1)} s, bare table)`);
    console.log(`ratio        ${(importRate / loadRate).toFixed(2)}  (goal ≥ 0.5)   peak RSS ${peakRssMb.toFixed(0)} MB (goal < 300)`);
    console.log('import stats', JSON.stringify({ match: result.stats.match, counts: result.stats.counts }));
  } finally {
    if (!values.keep) await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
