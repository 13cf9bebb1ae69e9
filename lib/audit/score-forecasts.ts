import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Pool } from 'mysql2/promise';
import { chartScore } from '@/lib/charts/score';
import type { Db } from '@/lib/db/client';
import { chartEntries, charts, forecasts } from '@/lib/db/schema';
import { forecastHorizonColumns } from '@/lib/queries/forecast-columns';

export interface AuditedForecast {
  id: number;
  trackId: number;
  chartId: number;
  asOf: string;
  horizonWeeks: number;
  targetDate: string;
  modelId: number;
  pCharting: number;
  p10: number;
  p50: number;
  p90: number;
  actual: number;
  actualCharting: boolean;
  absError: number;
  insideInterval: boolean;
}

/** The outcome of one forecast: actual score (0 off the chart), error of p50, and whether p10–p90 held it. */
export function scoreOutcome(
  f: { p10: number; p50: number; p90: number },
  rank: number | null,
  chartSize: number,
): Pick<AuditedForecast, 'actual' | 'actualCharting' | 'absError' | 'insideInterval'> {
  const actual = rank === null ? 0 : chartScore(rank, chartSize);
  return {
    actual,
    actualCharting: rank !== null,
    absError: Math.abs(actual - f.p50),
    insideInterval: actual >= f.p10 && actual <= f.p90,
  };
}

/**
 * Scores every not-yet-audited forecast whose target week has been observed on its chart
 * (the chart has entries on the target date). Returns the scored rows, `limit` at a time.
 */
export async function auditDueForecasts(db: Db, pool: Pool, { today, limit }: { today: string; limit: number }) {
  const observed = db
    .selectDistinct({ chartId: chartEntries.chartId, chartDate: chartEntries.chartDate })
    .from(chartEntries)
    .as('observed');
  const due = await db
    .select({
      id: forecasts.id,
      trackId: forecasts.trackId,
      chartId: forecasts.chartId,
      asOf: forecasts.asOf,
      ...forecastHorizonColumns,
      modelId: forecasts.modelId,
      size: charts.size,
      rank: chartEntries.rank,
    })
    .from(forecasts)
    .innerJoin(charts, eq(charts.id, forecasts.chartId))
    .innerJoin(observed, and(eq(observed.chartId, forecasts.chartId), eq(observed.chartDate, forecasts.targetDate)))
    .leftJoin(
      chartEntries,
      and(
        eq(chartEntries.trackId, forecasts.trackId),
        eq(chartEntries.chartId, forecasts.chartId),
        eq(chartEntries.chartDate, forecasts.targetDate),
      ),
    )
    .where(and(isNull(forecasts.auditedAt), lte(forecasts.targetDate, today)))
    .orderBy(forecasts.id)
    .limit(limit);

  const scored: AuditedForecast[] = due.map(({ size, rank, ...f }) => ({ ...f, ...scoreOutcome(f, rank, size) }));
  if (scored.length > 0) {
    // One statement per batch, keyed on the primary key: re-running writes the same values.
    await pool.query(
      `INSERT INTO forecasts (id, track_id, chart_id, as_of, horizon_weeks, target_date, model_id, p_charting, p10, p50, p90,
         actual, actual_charting, abs_error, inside_interval, audited_at)
       VALUES ?
       ON DUPLICATE KEY UPDATE actual = VALUES(actual), actual_charting = VALUES(actual_charting),
         abs_error = VALUES(abs_error), inside_interval = VALUES(inside_interval), audited_at = VALUES(audited_at)`,
      [
        scored.map((f) => [
          f.id, f.trackId, f.chartId, f.asOf, f.horizonWeeks, f.targetDate, f.modelId, f.pCharting, f.p10, f.p50, f.p90,
          f.actual, f.actualCharting, f.absError, f.insideInterval, new Date(),
        ]),
      ],
    );
  }
  return scored;
}

/** In one read: the forecasts not audited yet, and how many of them have a target date by `today` (those a run may score). */
export async function countPendingAudits(db: Db, today: string): Promise<{ pending: number; due: number }> {
  const [row] = await db
    .select({ pending: sql<number>`count(*)`, due: sql<number>`coalesce(sum(${forecasts.targetDate} <= ${today}), 0)` })
    .from(forecasts)
    .where(isNull(forecasts.auditedAt));
  return { pending: Number(row?.pending ?? 0), due: Number(row?.due ?? 0) };
}
