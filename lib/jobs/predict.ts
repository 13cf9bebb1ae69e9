/**
 * predict — with the active forecast model, writes a forecast (+26 and +52 weeks: chance of
 * still charting and p10/p50/p90 of the score) for every song on each weekly chart in
 * that chart's latest week, or its latest week on or before --as-of.
 * Trigger: weekly order (after update), the admin console, the demo. Schedule: weekly.
 * Upserts on (track, chart, as-of, horizon, model): a rerun writes the same rows.
 * `--shard i/n` forecasts only the tracks whose id % n = i (n runs, on as many machines, cover all).
 */
import { z } from 'zod';
import { chunks } from '@/lib/db/chunks';
import { retryDeadlocks } from '@/lib/db/deadlock';
import { FEATURE_COUNT, dayNumber, isoDate } from '@/lib/features/forecast-features';
import { HORIZONS } from '@/lib/features/forecast-rows';
import { predictWithModel } from '@/lib/models/artifact';
import { loadForecastRows } from '@/lib/models/forecast-dataset';
import { loadActiveForecastModel } from '@/lib/models/forecast-registry';
import { isCompatible } from '@/lib/models/forecast-training';
import { inShard, SHARD_OPTION, shardLabel, shardSchema } from './shard';
import { defineJob } from './types';

/** Rows per INSERT: well under max_allowed_packet (~0.5 MB), few round trips. */
const BATCH = 5_000;

export const predictInput = z
  .object({
    'as-of': z
      .string()
      .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'expected a date written YYYY-MM-DD')
      .optional(),
    chart: z.string().min(1).max(64).optional(),
    shard: shardSchema.optional(),
  })
  .strict();

export const predictJob = defineJob({
  name: 'predict',
  summary: 'Forecast every song on each weekly chart with the active model (+26 and +52 weeks).',
  help: [
    'For each weekly chart (or only --chart), takes its latest week (or its latest week on or before --as-of),',
    'computes the features of every song on it from the history up to that week, and writes one forecast per',
    'song and horizon: the chance it is still on that chart 26 and 52 weeks later and p10/p50/p90 of its score',
    'then (0 = off the chart). Needs an active forecast model: run train first. Re-running writes the same rows.',
    'With --shard i/n it forecasts only the songs whose track id % n = i, under a lock of that shard, so the n',
    'shards run at once (on one machine or several) and together write what one run writes.',
  ].join('\n'),
  options: {
    'as-of': { type: 'string', description: 'forecast as of this date, YYYY-MM-DD (default: each chart\'s latest week)' },
    chart: { type: 'string', description: 'only the weekly chart with this slug' },
    shard: SHARD_OPTION,
  },
  input: predictInput,
  async run(ctx, input) {
    const { info, model } = await loadActiveForecastModel(ctx.db);
    if (!isCompatible(model)) {
      throw new Error(`the active forecast model v${info.version} was trained on other features than this code computes: run train to replace it`);
    }
    const limit = input['as-of'] ? dayNumber(input['as-of']) : Infinity;
    const asOfByChart = new Map<number, number>();
    ctx.progress(0, 0, 'loading chart history');
    const { shard } = input;
    const { rows, charts } = await loadForecastRows(ctx.db, {
      chart: input.chart,
      // Every track's history is read either way: the chart context of a song's features comes from all songs.
      onlyTracks: shard ? (trackId) => inShard(shard, trackId) : undefined,
      onChart: (done, total) => ctx.progress(done, total),
      onlyDays: (chart, days) => {
        const latest = days.filter((d) => d <= limit).at(-1);
        if (latest === undefined) return new Set();
        asOfByChart.set(chart.id, latest);
        return new Set([latest]);
      },
    });
    if (charts.length === 0) throw new Error('no weekly charts in the database: load some first (npm run job -- sample-data, or import)');

    ctx.progress(0, rows.n, 'predicting');
    const predictions = await predictWithModel(model, rows.x.subarray(0, rows.n * FEATURE_COUNT), rows.n);
    // Rows as the INSERT's column lists; a run has a handful of distinct days, so their ISO dates are cached.
    const days = new Map<number, string>();
    const iso = (day: number) => days.get(day) ?? days.set(day, isoDate(day)).get(day)!;
    const values: unknown[][] = [];
    HORIZONS.forEach((h, j) => {
      const p = predictions[j];
      if (!p) throw new Error(`the model has no output for +${h} weeks`);
      for (let r = 0; r < rows.n; r++) {
        const day = rows.day[r] as number;
        values.push([rows.trackId[r], rows.chartId[r], iso(day), h, iso(day + 7 * h), info.id, p.pCharting[r], p.p10[r], p.p50[r], p.p90[r]]);
      }
    });

    // A bulk path: mysql2's `VALUES ?` writes ~3 times the rows per second of Drizzle's insert builder.
    ctx.progress(0, values.length, 'writing forecasts');
    let written = 0;
    for (const batch of chunks(values, BATCH)) {
      // Shards running side by side upsert neighbouring keys of the same index: one may be a deadlock victim.
      await retryDeadlocks(() =>
        ctx.pool.query(
          'INSERT INTO forecasts (track_id, chart_id, as_of, horizon_weeks, target_date, model_id, p_charting, p10, p50, p90) VALUES ? ' +
            'ON DUPLICATE KEY UPDATE target_date = VALUES(target_date), p_charting = VALUES(p_charting), p10 = VALUES(p10), p50 = VALUES(p50), p90 = VALUES(p90)',
          [batch],
        ),
      );
      written += batch.length;
      ctx.progress(written);
    }
    return {
      ...(shard && { shard: shardLabel(shard) }),
      modelId: info.id,
      version: info.version,
      charts: Object.fromEntries(charts.map((c) => [c.slug, asOfByChart.has(c.id) ? isoDate(asOfByChart.get(c.id) as number) : null])),
      songs: rows.n,
      forecasts: values.length,
    };
  },
});
