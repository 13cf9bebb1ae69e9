import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecasts, jobRuns, tracks } from '@/lib/db/schema';
import { promoteModel } from '@/lib/models/registry-actions';
import { holdJobLock } from '@/tests/support/held-lock';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { predictInput, predictJob } from './predict';
import { EXIT, runJob } from './run-job';
import { sampleDataJob } from './sample-data';
import { trainInput, trainJob } from './train';

// A small generated history (4 weekly charts, 1,000 songs) and an active model trained on it (promoted by
// hand if it did not beat the baselines: these tests are about the split, not the model's quality).
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('predshard');
  expect((await runJob(sampleDataJob, { songs: 1000, weeks: 104 }, { url: t.url, tty: false })).code).toBe(EXIT.done);
  const trained = await runJob(trainJob, trainInput.parse({ seed: '1', epochs: '4' }), { url: t.url, tty: false });
  expect(trained.code).toBe(EXIT.done);
  if (trained.stats.status === 'candidate') await promoteModel(t.db, Number(trained.stats.modelId));
}, 600_000);
afterAll(async () => t?.drop());

const predict = (input: Record<string, unknown> = {}) => runJob(predictJob, predictInput.parse(input), { url: t.url, tty: false });
/** Every forecast column a run writes (not the row id or timestamps), in key order. */
const forecastTable = () =>
  t.db
    .select({
      trackId: forecasts.trackId,
      chartId: forecasts.chartId,
      asOf: forecasts.asOf,
      horizon: forecasts.horizonWeeks,
      target: forecasts.targetDate,
      modelId: forecasts.modelId,
      p: forecasts.pCharting,
      p10: forecasts.p10,
      p50: forecasts.p50,
      p90: forecasts.p90,
    })
    .from(forecasts)
    .orderBy(asc(forecasts.trackId), asc(forecasts.chartId), asc(forecasts.asOf), asc(forecasts.horizonWeeks), asc(forecasts.modelId));

describe('predict --shard i/n', () => {
  it('shards 0/2 and 1/2 run together write exactly the forecasts one unsharded run writes', async () => {
    const whole = await predict();
    expect(whole.code).toBe(EXIT.done);
    const expected = await forecastTable();
    expect(expected.length).toBeGreaterThan(500);

    await t.db.delete(forecasts).where(eq(forecasts.modelId, expected[0]!.modelId));
    expect(await forecastTable()).toEqual([]);
    const shards = await Promise.all([predict({ shard: '0/2' }), predict({ shard: '1/2' })]);
    expect(shards.map((s) => s.error ?? null)).toEqual([null, null]);
    expect(shards.map((s) => s.code)).toEqual([EXIT.done, EXIT.done]);

    expect(await forecastTable()).toEqual(expected);
    // Each shard wrote only its own tracks, and neither was empty.
    const got = await forecastTable();
    for (const [index, shard] of shards.entries()) {
      const rows = got.filter((r) => r.trackId % 2 === index);
      expect(shard.stats).toMatchObject({ shard: `${index}/2`, forecasts: rows.length });
      expect(rows.length).toBeGreaterThan(0);
      const [run] = await t.db.select({ params: jobRuns.params }).from(jobRuns).where(eq(jobRuns.id, shard.runId!));
      expect(run?.params).toEqual({ shard: { index, count: 2 } });
    }
    expect(Number(shards[0]!.stats.songs) + Number(shards[1]!.stats.songs)).toBe(whole.stats.songs);
  });

  it('runs a shard that holds no track and writes nothing', async () => {
    // 1,000 songs leave some of 1,024 shards without a track.
    const taken = new Set((await t.db.select({ id: tracks.id }).from(tracks)).map((r) => r.id % 1024));
    const index = [...Array(1024).keys()].find((i) => !taken.has(i))!;
    const before = await forecastTable();
    const empty = await predict({ shard: `${index}/1024` });
    expect(empty.code).toBe(EXIT.done);
    expect(empty.stats).toMatchObject({ shard: `${index}/1024`, songs: 0, forecasts: 0 });
    expect(await forecastTable()).toEqual(before);
  });

  it('refuses a second copy of a running shard with the busy exit code, and lets the other shard run', async () => {
    const holder = await holdJobLock(t, 'predict:shard-0-of-2');
    try {
      // The live shard's row, as its process would have it: another shard's start must not reap it.
      const [live] = await t.db.insert(jobRuns).values({ kind: 'predict', status: 'running', params: { shard: { index: 0, count: 2 } }, requestedBy: 'cli', heartbeatAt: new Date() });
      const copy = await predict({ shard: '0/2' });
      expect(copy.code).toBe(EXIT.busy);
      expect(copy.error).toMatch(/"predict:shard-0-of-2" run is in progress/);
      const other = await predict({ shard: '1/2' });
      expect(other.code).toBe(EXIT.done);
      const [row] = await t.db.select({ status: jobRuns.status }).from(jobRuns).where(eq(jobRuns.id, live.insertId));
      expect(row?.status).toBe('running');
      await t.db.update(jobRuns).set({ status: 'failed' }).where(eq(jobRuns.id, live.insertId));
    } finally {
      await holder.letGo();
    }
  });
});
