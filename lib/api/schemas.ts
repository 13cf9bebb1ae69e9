/**
 * The API's response bodies as zod schemas: the OpenAPI document is derived from them
 * (z.toJSONSchema) and the tests parse real responses with them, so the two cannot drift.
 */
import { z } from 'zod';
import { ERROR_STATUS } from '@/lib/errors';
import { MODEL_KINDS, MODEL_STATUSES } from '@/lib/db/schema';

const isoDate = z.iso.date();
const isoTime = z.iso.datetime();
const nullableNumber = z.number().nullable();
const nextCursor = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.');

export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum([...(Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]), 'INTERNAL']),
      message: z.string(),
    }),
  });

export const songSummarySchema = z
  .strictObject({ id: z.number().int(), title: z.string(), artistNames: z.string(), releaseDate: isoDate.nullable() });

export const songsPageSchema = z.strictObject({ data: z.array(songSummarySchema), nextCursor });

const horizonForecastSchema = z.strictObject({
  horizonWeeks: z.number().int(),
  targetDate: isoDate,
  pCharting: z.number().min(0).max(1).describe('Chance (0–1) that the song is still on the chart at the target date.'),
  p10: z.number(),
  p50: z.number(),
  p90: z.number(),
});

export const songDetailSchema = z
  .strictObject({
    song: z.strictObject({
      id: z.number().int(),
      title: z.string(),
      artistNames: z.string(),
      album: z.string().nullable(),
      releaseDate: isoDate.nullable(),
      durationMs: nullableNumber,
      explicit: z.boolean().nullable(),
      spotifyId: z.string().nullable(),
      deezerId: nullableNumber,
      genre: z.string().nullable(),
      key: z.number().int().min(0).max(11).nullable().describe('Pitch class of the key, C = 0 … B = 11; null when no source gave it.'),
      mode: z.number().int().min(0).max(1).nullable().describe('1 major, 0 minor; null when no source gave it.'),
      audio: z.record(z.string(), nullableNumber).describe('Audio features; each null when no source gave it.'),
    }),
    charts: z.array(
      z.strictObject({
        chartId: z.number().int(),
        slug: z.string(),
        name: z.string(),
        country: z.string(),
        size: z.number().int(),
        weeks: z.number().int(),
        peakRank: z.number().int(),
        firstDate: isoDate,
        lastDate: isoDate,
        chartLatestDate: isoDate,
        currentRank: z.number().int().nullable(),
      }),
    ),
    chart: z.string().nullable().describe('Slug of the chart `history` and `forecast` are on; null when the song never charted.'),
    history: z.array(z.strictObject({ date: isoDate, score: z.number() })).describe('Weekly chart score, 100 = #1, 0 = off the chart.'),
    forecast: z.strictObject({ asOf: isoDate, modelVersion: z.number().int(), horizons: z.array(horizonForecastSchema) }).nullable(),
    audits: z.array(
      z.strictObject({
        chartName: z.string(),
        asOf: isoDate,
        horizonWeeks: z.number().int(),
        targetDate: isoDate,
        modelVersion: z.number().int(),
        pCharting: z.number(),
        p10: z.number(),
        p50: z.number(),
        p90: z.number(),
        actual: z.number(),
        actualCharting: z.boolean().nullable(),
        absError: nullableNumber,
        insideInterval: z.boolean().nullable(),
      }),
    ),
  });

export const chartSchema = z
  .strictObject({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    country: z.string(),
    frequency: z.enum(['weekly', 'daily']),
    size: z.number().int(),
    latestDate: isoDate.nullable(),
  });

export const chartsListSchema = z.strictObject({ data: z.array(chartSchema) });

export const chartWeeksPageSchema = z
  .strictObject({ chart: z.string(), data: z.array(z.strictObject({ date: isoDate, entries: z.number().int() })), nextCursor });

export const forecastsPageSchema = z
  .strictObject({
    chart: z.string(),
    asOf: isoDate.nullable().describe("The chart's latest week, which the forecasts start from; null when it has no data."),
    model: z.strictObject({ version: z.number().int(), status: z.enum(MODEL_STATUSES) }).nullable(),
    horizonWeeks: z.union([z.literal(26), z.literal(52)]),
    data: z.array(
      z.strictObject({
        trackId: z.number().int(),
        title: z.string(),
        artistNames: z.string(),
        rank: z.number().int(),
        targetDate: isoDate,
        pCharting: z.number().min(0).max(1),
        p10: z.number(),
        p50: z.number(),
        p90: z.number(),
      }),
    ),
    nextCursor,
  });

export const modelsListSchema = z
  .strictObject({
    data: z.array(
      z.strictObject({
        id: z.number().int(),
        kind: z.enum(MODEL_KINDS),
        version: z.number().int(),
        status: z.enum(MODEL_STATUSES),
        trainedRows: z.number().int(),
        metrics: z.record(z.string(), z.unknown()),
        baselineMetrics: z.record(z.string(), z.unknown()),
        decision: z.string().nullable(),
        activatedAt: isoTime.nullable(),
        createdAt: isoTime,
      }),
    ),
  });

const share = z.number().min(0).max(1);
export const auditListSchema = z
  .strictObject({
    data: z.array(
      z.strictObject({
        asOf: isoDate.describe('The week the forecasts were made as of.'),
        horizonWeeks: z.number().int(),
        count: z.number().int().describe('Audited forecasts of that week and horizon (every chart and model).'),
        meanAbsError: z.number().describe('Mean |actual − p50| in score points (0–100).'),
        insideShare: share.describe('Share of outcomes inside the p10–p90 interval (80% is right).'),
        chartingShare: share.describe('Share of the songs still on the chart at the target week.'),
        meanPredicted: share.describe('Mean predicted chance of still charting: close to chartingShare when calibrated.'),
      }),
    ),
  });
