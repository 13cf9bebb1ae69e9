/**
 * Fills the load bench's database: the generated sample at 50,000 songs (sample-data), a weekly
 * Deezer popularity snapshot per song until the snapshots reach the target, an active forecast model
 * with its forecasts of the latest weeks (train, predict) and an active theme model (the song page
 * classifies with it; both trained briefly and promoted whatever they score), forecasts of the earlier
 * weeks as past weekly runs would have left them, scored by audit. Everything beyond the jobs is
 * set-based SQL (one INSERT … SELECT per slice), so a million snapshots take seconds, not minutes.
 */
import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { createDb, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { auditJob } from '@/lib/jobs/audit';
import { predictJob } from '@/lib/jobs/predict';
import { runJob } from '@/lib/jobs/run-job';
import { sampleDataJob } from '@/lib/jobs/sample-data';
import { trainJob } from '@/lib/jobs/train';
import { trainThemeJob } from '@/lib/jobs/train-theme';
import type { JobDefinition } from '@/lib/jobs/types';
import { loadForecastModel } from '@/lib/models/forecast-registry';
import { isCompatible } from '@/lib/models/forecast-training';
import { promoteModel } from '@/lib/models/registry-actions';

export interface SeedOptions {
  songs: number;
  /** Popularity snapshots to reach (chart-derived + Deezer). */
  snapshots: number;
  weeks: number;
  /** Training epochs (forecast and theme model): a model only has to exist and be active, not be good. */
  epochs: number;
}

export interface SeedCounts {
  tracks: number;
  snapshots: number;
  chartEntries: number;
  forecasts: number;
  auditedForecasts: number;
  activeModel: number | null;
  activeTheme: number | null;
}

/** Tracks per INSERT … SELECT of Deezer snapshots (× weeks rows each). */
const SNAPSHOT_SLICE = 2_500;

async function scalar(pool: Pool, sql: string, values: unknown[] = []): Promise<number | null> {
  const [rows] = await pool.query<RowDataPacket[]>(sql, values);
  const value = rows[0] ? Object.values(rows[0])[0] : null;
  return value === null || value === undefined ? null : Number(value);
}

/** What the database holds now. */
export async function countSeed(pool: Pool): Promise<SeedCounts> {
  return {
    tracks: (await scalar(pool, 'SELECT COUNT(*) FROM tracks')) ?? 0,
    snapshots: (await scalar(pool, 'SELECT COUNT(*) FROM popularity_snapshots')) ?? 0,
    chartEntries: (await scalar(pool, 'SELECT COUNT(*) FROM chart_entries')) ?? 0,
    forecasts: (await scalar(pool, 'SELECT COUNT(*) FROM forecasts')) ?? 0,
    auditedForecasts: (await scalar(pool, 'SELECT COUNT(*) FROM forecasts WHERE audited_at IS NOT NULL')) ?? 0,
    activeModel: await scalar(pool, "SELECT id FROM models WHERE kind = 'forecast' AND status = 'active'"),
    activeTheme: await scalar(pool, "SELECT id FROM models WHERE kind = 'theme' AND status = 'active'"),
  };
}

/** True when an earlier seed with these options completed (its last step, audit, left audited rows). */
export const isSeeded = (c: SeedCounts, o: SeedOptions) =>
  c.tracks >= o.songs && c.snapshots >= o.snapshots && c.activeModel !== null && c.activeTheme !== null && c.auditedForecasts > 0;

async function job(url: string, definition: JobDefinition, args: Record<string, unknown>) {
  const started = performance.now();
  const result = await runJob(definition, definition.input.parse(args), { url, tty: false });
  if (result.code !== 0) throw new Error(`${definition.name} failed: ${result.error ?? `exit ${result.code}`}`);
  console.log(`  ${definition.name.padEnd(12)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}

/**
 * One Deezer snapshot per song and week, going back from the latest chart week, until `target`
 * snapshots exist: what a year of weekly `update --sources deezer` runs leave.
 */
async function fillDeezerSnapshots(pool: Pool, target: number): Promise<number> {
  const have = (await scalar(pool, 'SELECT COUNT(*) FROM popularity_snapshots')) ?? 0;
  const tracks = (await scalar(pool, 'SELECT COUNT(*) FROM tracks')) ?? 0;
  const latest = await scalar(pool, 'SELECT TO_DAYS(MAX(chart_date)) FROM chart_entries');
  if (have >= target || tracks === 0 || latest === null) return 0;
  const weeks = Math.ceil((target - have) / tracks);
  const numbers = Array.from({ length: weeks }, (_, n) => `SELECT ${n} AS n`).join(' UNION ALL ');
  const maxId = (await scalar(pool, 'SELECT MAX(id) FROM tracks')) ?? 0;
  let written = 0;
  for (let from = 0; from < maxId; from += SNAPSHOT_SLICE) {
    const [result] = await pool.query<ResultSetHeader>(
      `INSERT IGNORE INTO popularity_snapshots (track_id, observed_on, source, popularity)
       SELECT t.id, FROM_DAYS(? - 7 * w.n), 'deezer', ROUND(50 + 45 * SIN(t.id * 0.7 + w.n * 0.3), 1)
       FROM tracks t CROSS JOIN (${numbers}) w WHERE t.id > ? AND t.id <= ?`,
      [latest, from, from + SNAPSHOT_SLICE],
    );
    written += result.affectedRows;
  }
  return written;
}

/**
 * Forecasts of every song on every week of each chart by `modelId`, valued from the song's rank (the
 * bench reads them, it does not judge them): the rows weekly predict runs would have written over the
 * sample's three years. Predict then rewrites the latest weeks' with the model's own; audit scores
 * those whose target week is in. Also seeds the query-plan test's database.
 */
export async function fillForecasts(pool: Pool, modelId: number): Promise<number> {
  const score = '100 * (c.size + 1 - ce.`rank`) / c.size';
  const [result] = await pool.query<ResultSetHeader>(
    `INSERT IGNORE INTO forecasts (track_id, chart_id, as_of, horizon_weeks, target_date, model_id, p_charting, p10, p50, p90)
     SELECT ce.track_id, ce.chart_id, ce.chart_date, h.w, DATE_ADD(ce.chart_date, INTERVAL 7 * h.w DAY), ?,
       ${score} / 100 * h.keep, 0, ${score} * h.keep, LEAST(100, ${score} * 1.3)
     FROM chart_entries ce
     JOIN charts c ON c.id = ce.chart_id
     CROSS JOIN (SELECT 26 AS w, 0.6 AS keep UNION ALL SELECT 52, 0.4) h`,
    [modelId],
  );
  return result.affectedRows;
}

/**
 * The active model of `kind`, training one with `definition` (and promoting it) when there is none or
 * the active one is not `usable` (e.g. trained on other features than the code now computes).
 */
async function ensureActiveModel(
  url: string,
  db: Db,
  pool: Pool,
  kind: 'forecast' | 'theme',
  train: { definition: JobDefinition; args: Record<string, unknown>; usable?: (id: number) => Promise<boolean> },
): Promise<number> {
  const usable = train.usable ?? (async () => true);
  const active = () => scalar(pool, "SELECT id FROM models WHERE kind = ? AND status = 'active'", [kind]);
  const existing = await active();
  if (existing !== null && (await usable(existing))) return existing;
  await job(url, train.definition, train.args);
  // A couple of epochs rarely beat the baselines, and the pages only need a model to show: promote it anyway.
  const candidate = await scalar(pool, "SELECT MAX(id) FROM models WHERE kind = ? AND status = 'candidate'", [kind]);
  const now = await active();
  if (candidate !== null && (now === null || !(await usable(now)))) await promoteModel(db, candidate);
  const id = await active();
  if (id === null || !(await usable(id))) throw new Error(`${train.definition.name} left no usable ${kind} model to activate`);
  return id;
}

/** Seeds `url` (created and migrated when missing), skipping the steps an earlier seed finished; see the file header. */
export async function seedLoadDatabase(url: string, o: SeedOptions): Promise<SeedCounts> {
  await migrateDatabase(url);
  const { db, pool, close } = createDb({ url, connectionLimit: 2 });
  try {
    const before = await countSeed(pool);
    // Each chart week holds 500 entries (Top 200 + three Top 100s).
    if (before.tracks < o.songs || before.chartEntries < o.weeks * 500) {
      await job(url, sampleDataJob, { songs: String(o.songs), weeks: String(o.weeks) });
    }
    const t0 = performance.now();
    const snapshots = await fillDeezerSnapshots(pool, o.snapshots);
    console.log(`  snapshots    ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  (${snapshots.toLocaleString()} rows)`);
    const model = await ensureActiveModel(url, db, pool, 'forecast', {
      definition: trainJob,
      args: { epochs: String(o.epochs), force: true },
      usable: async (id) => isCompatible(await loadForecastModel(db, id)),
    });
    // The song page classifies the song's occasion with the active theme model.
    await ensureActiveModel(url, db, pool, 'theme', { definition: trainThemeJob, args: { folds: '2', epochs: String(o.epochs) } });
    const t1 = performance.now();
    const past = await fillForecasts(pool, model);
    console.log(`  forecasts    ${((performance.now() - t1) / 1000).toFixed(1).padStart(6)} s  (${past.toLocaleString()} rows)`);
    await job(url, predictJob, {});
    const [dates] = await pool.query<RowDataPacket[]>("SELECT DATE_FORMAT(MAX(chart_date), '%Y-%m-%d') AS d FROM chart_entries");
    await job(url, auditJob, { today: String(dates[0]?.d), 'skip-publish': true });
    return await countSeed(pool);
  } finally {
    await close();
  }
}
