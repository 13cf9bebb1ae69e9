/**
 * Versioned JSON payloads published over MQTT (ARCHITECTURE §5). Keys are
 * snake_case and built in a fixed order from stored values only, so the same
 * forecast (track, as-of, model) always encodes to the same bytes: a QoS 1
 * duplicate or a re-publish changes nothing for a subscriber.
 */
import { z } from 'zod';
import type { Forecast } from '@/lib/db/schema';

export const FORECAST_SCHEMA = 'songcast.forecast.v1';
export const SUMMARY_SCHEMA = 'songcast.forecast-summary.v1';
export const AUDIT_SCHEMA = 'songcast.audit.v1';

const isoDate = z.iso.date();
const probability = z.number().min(0).max(1);
const score = z.number().min(0).max(100);

const trackSchema = z.strictObject({
  id: z.number().int().positive(),
  spotify_id: z.string().nullable(),
  title: z.string(),
  /** The display credit as the source wrote it ("A feat. B"). */
  artists: z.string(),
});
const chartSchema = z.strictObject({ slug: z.string(), country: z.string() });

export const horizonSchema = z.strictObject({
  weeks: z.number().int().positive(),
  target_date: isoDate,
  /** Chance the song is still on the chart at the target date. */
  p_charting: probability,
  /** Quantiles of the popularity score (0–100, 0 when off the chart) at the target date. */
  p10: score,
  p50: score,
  p90: score,
});

/** One chart's forecast of a song at one as-of, by one model version. */
export const chartForecastSchema = z.strictObject({
  chart: chartSchema,
  as_of: isoDate,
  model_version: z.number().int().positive(),
  horizons: z.array(horizonSchema).min(1),
});

/**
 * `<prefix>/forecasts/<song>`: the song's forecast on its main chart at the top
 * level, its forecasts on the other charts it trends on in `other_charts`.
 */
export const forecastPayloadSchema = z.strictObject({
  schema: z.literal(FORECAST_SCHEMA),
  track: trackSchema,
  ...chartForecastSchema.shape,
  other_charts: z.array(chartForecastSchema),
});

export const summaryPayloadSchema = z.strictObject({
  schema: z.literal(SUMMARY_SCHEMA),
  /** The newest as-of among the charts (null when nothing is forecast). */
  as_of: isoDate.nullable(),
  model_version: z.number().int().positive().nullable(),
  /** Songs with a retained forecast topic. */
  count: z.number().int().nonnegative(),
  charts: z.array(
    z.strictObject({ ...chartSchema.shape, as_of: isoDate, model_version: z.number().int().positive(), count: z.number().int().nonnegative() }),
  ),
  published_at: z.iso.datetime(),
});

export const auditPayloadSchema = z.strictObject({
  schema: z.literal(AUDIT_SCHEMA),
  track: trackSchema,
  chart: chartSchema,
  as_of: isoDate,
  model_version: z.number().int().positive(),
  horizon: horizonSchema,
  actual: z.strictObject({ score: score.nullable(), charting: z.boolean().nullable() }),
  abs_error: z.number().nonnegative().nullable(),
  inside_interval: z.boolean().nullable(),
  audited_at: z.iso.datetime(),
});

export type ForecastPayload = z.infer<typeof forecastPayloadSchema>;
export type ChartForecast = z.infer<typeof chartForecastSchema>;
export type Horizon = z.infer<typeof horizonSchema>;
export type SummaryPayload = z.infer<typeof summaryPayloadSchema>;
export type AuditPayload = z.infer<typeof auditPayloadSchema>;

export interface PayloadTrack {
  id: number;
  spotifyId: string | null;
  title: string;
  artistNames: string;
}
export interface PayloadChart {
  slug: string;
  country: string;
}
export type PayloadHorizon = Pick<Forecast, 'horizonWeeks' | 'targetDate' | 'pCharting' | 'p10' | 'p50' | 'p90'>;

/** Four decimals: well below any forecast's precision, and it keeps payloads short. */
const round = (x: number) => Math.round(x * 1e4) / 1e4 || 0;

const toTrack = (t: PayloadTrack) => ({ id: t.id, spotify_id: t.spotifyId, title: t.title, artists: t.artistNames });

/** One horizon in wire form. */
export function toHorizon(h: PayloadHorizon): Horizon {
  return {
    weeks: h.horizonWeeks,
    target_date: h.targetDate,
    p_charting: round(h.pCharting),
    p10: round(h.p10),
    p50: round(h.p50),
    p90: round(h.p90),
  };
}

/** One chart's forecast in wire form, horizons in ascending order. */
export function toChartForecast(chart: PayloadChart, asOf: string, modelVersion: number, horizons: readonly PayloadHorizon[]): ChartForecast {
  const sorted = [...horizons].sort((a, b) => a.horizonWeeks - b.horizonWeeks);
  return { chart: { slug: chart.slug, country: chart.country }, as_of: asOf, model_version: modelVersion, horizons: sorted.map(toHorizon) };
}

/** The forecast payload of a song: `main` at the top level, `others` sorted by chart slug. */
export function forecastPayload(track: PayloadTrack, main: ChartForecast, others: readonly ChartForecast[]): ForecastPayload {
  const otherCharts = [...others].sort((a, b) => (a.chart.slug < b.chart.slug ? -1 : a.chart.slug > b.chart.slug ? 1 : 0));
  return forecastPayloadSchema.parse({ schema: FORECAST_SCHEMA, track: toTrack(track), ...main, other_charts: otherCharts });
}

/** The summary payload; `charts` sorted by slug. */
export function summaryPayload(charts: SummaryPayload['charts'], count: number, publishedAt: Date): SummaryPayload {
  const sorted = [...charts].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const asOf = sorted.reduce<string | null>((max, c) => (max === null || c.as_of > max ? c.as_of : max), null);
  const version = sorted.reduce<number | null>((max, c) => (max === null || c.model_version > max ? c.model_version : max), null);
  return summaryPayloadSchema.parse({
    schema: SUMMARY_SCHEMA,
    as_of: asOf,
    model_version: version,
    count,
    charts: sorted,
    published_at: publishedAt.toISOString(),
  });
}

export interface AuditInput extends PayloadHorizon {
  track: PayloadTrack;
  chart: PayloadChart;
  asOf: string;
  modelVersion: number;
  actual: number | null;
  actualCharting: boolean | null;
  absError: number | null;
  insideInterval: boolean | null;
  auditedAt: Date;
}

/** The payload for `<prefix>/audits/<song>`: a forecast next to what really happened. */
export function auditPayload(a: AuditInput): AuditPayload {
  return auditPayloadSchema.parse({
    schema: AUDIT_SCHEMA,
    track: toTrack(a.track),
    chart: { slug: a.chart.slug, country: a.chart.country },
    as_of: a.asOf,
    model_version: a.modelVersion,
    horizon: toHorizon(a),
    actual: { score: a.actual === null ? null : round(a.actual), charting: a.actualCharting },
    abs_error: a.absError === null ? null : round(a.absError),
    inside_interval: a.insideInterval,
    audited_at: a.auditedAt.toISOString(),
  });
}

/** The bytes on the wire: compact JSON in the builders' key order. */
export const encodePayload = (payload: ForecastPayload | SummaryPayload | AuditPayload): string => JSON.stringify(payload);
