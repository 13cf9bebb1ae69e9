import { z } from 'zod';

/** Weeks of history the bump chart can show; default a quarter. */
export const TREND_WEEKS = [4, 8, 12, 26, 52] as const;
export const DEFAULT_TREND_WEEKS = 12;
/** Songs the bump chart follows: this week's top N. */
export const BUMP_TOP = 20;

// Bad values fall back to defaults, so a hand-edited URL never fails the page.
const trendParamsSchema = z.object({
  chart: z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/).optional().catch(undefined),
  weeks: z.coerce
    .number()
    .int()
    .refine((n) => (TREND_WEEKS as readonly number[]).includes(n))
    .catch(DEFAULT_TREND_WEEKS),
});
export type TrendParams = z.infer<typeof trendParamsSchema>;

type RawParams = Record<string, string | string[] | undefined>;

/** Parses `/trends` searchParams (first value of a repeated key). */
export function parseTrendParams(raw: RawParams): TrendParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return trendParamsSchema.parse(first);
}

function trendQuery(params: TrendParams): string {
  const query = new URLSearchParams();
  if (params.chart) query.set('chart', params.chart);
  if (params.weeks !== DEFAULT_TREND_WEEKS) query.set('weeks', String(params.weeks));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The `/trends` URL for `params` with `change` applied; defaults left out. */
export function trendsHref(params: TrendParams, change: Partial<TrendParams> = {}): string {
  return `/trends${trendQuery({ ...params, ...change })}`;
}

/** The CSV download of the same view. */
export function trendsCsvHref(params: TrendParams): string {
  return `/trends/csv${trendQuery(params)}`;
}
