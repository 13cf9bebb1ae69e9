import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { preparedPerDb } from '@/lib/db/prepared';
import { charts, forecasts, models } from '@/lib/db/schema';
import { forecastHorizonColumns, forecastOutcomeColumns } from '@/lib/queries/forecast-columns';

export interface ForecastRun {
  modelId: number;
  version: number;
  status: 'candidate' | 'active' | 'retired';
  /** When the model was trained (ISO timestamp). */
  trainedAt: string;
  /** Forecast rows this model wrote for the chart and week (both horizons). */
  rows: number;
}

/**
 * The model whose forecasts a chart week is shown with: the active forecast model when it
 * wrote forecasts for that week, else the newest model that did. Null when none did.
 */
export async function getForecastRun(db: Db, chartId: number, asOf: string): Promise<ForecastRun | null> {
  const [row] = await db
    .select({
      modelId: models.id,
      version: models.version,
      status: models.status,
      trainedAt: models.createdAt,
      rows: sql<number>`COUNT(*)`.mapWith(Number),
    })
    .from(forecasts)
    .innerJoin(models, eq(models.id, forecasts.modelId))
    .where(and(eq(forecasts.chartId, chartId), eq(forecasts.asOf, asOf)))
    .groupBy(models.id, models.version, models.status, models.createdAt)
    .orderBy(sql`${models.status} = 'active' DESC`, desc(models.id))
    .limit(1);
  return row ? { ...row, trainedAt: row.trainedAt.toISOString() } : null;
}

export interface AuditedForecast {
  chartName: string;
  asOf: string;
  horizonWeeks: number;
  targetDate: string;
  modelVersion: number;
  pCharting: number;
  p10: number;
  p50: number;
  p90: number;
  actual: number;
  actualCharting: boolean | null;
  absError: number | null;
  insideInterval: boolean | null;
}

const auditedForecastsOfSong = preparedPerDb((db) =>
  db
    .select({
      chartName: charts.name,
      asOf: forecasts.asOf,
      ...forecastHorizonColumns,
      modelVersion: models.version,
      ...forecastOutcomeColumns,
    })
    .from(forecasts)
    .innerJoin(charts, eq(charts.id, forecasts.chartId))
    .innerJoin(models, eq(models.id, forecasts.modelId))
    .where(and(eq(forecasts.trackId, sql.placeholder('trackId')), isNotNull(forecasts.actual)))
    .orderBy(desc(forecasts.targetDate), forecasts.horizonWeeks, charts.id)
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** A song's past forecasts that the audit job has scored against what happened, newest first. */
export async function listAuditedForecasts(db: Db, trackId: number, limit = 50): Promise<AuditedForecast[]> {
  const rows = await auditedForecastsOfSong(db).execute({ trackId, limit });
  return rows.flatMap((r) => (r.actual === null ? [] : [{ ...r, actual: r.actual }]));
}

export interface SongForecast {
  asOf: string;
  modelVersion: number;
  horizons: { horizonWeeks: number; targetDate: string; pCharting: number; p10: number; p50: number; p90: number }[];
}

const latestSongForecastRows = preparedPerDb((db) => {
  const [trackId, chartId] = [sql.placeholder('trackId'), sql.placeholder('chartId')];
  const latestAsOf = sql`(SELECT MAX(x.as_of) FROM forecasts x WHERE x.track_id = ${trackId} AND x.chart_id = ${chartId})`;
  return db
    .select({
      asOf: forecasts.asOf,
      modelId: forecasts.modelId,
      modelVersion: models.version,
      ...forecastHorizonColumns,
    })
    .from(forecasts)
    .innerJoin(models, eq(models.id, forecasts.modelId))
    .where(and(eq(forecasts.trackId, trackId), eq(forecasts.chartId, chartId), eq(forecasts.asOf, latestAsOf)))
    .orderBy(desc(sql`${models.status} = 'active'`), desc(forecasts.modelId), forecasts.horizonWeeks)
    .prepare();
});

/**
 * A song's latest forecast on one chart: the newest as-of week, from the active model when it
 * forecast that week, else from the newest model that did. Null when it has never been forecast there.
 */
export async function getSongForecast(db: Db, trackId: number, chartId: number): Promise<SongForecast | null> {
  const rows = await latestSongForecastRows(db).execute({ trackId, chartId });
  const first = rows[0];
  if (!first) return null;
  const horizons = rows
    .filter((r) => r.modelId === first.modelId)
    .map(({ horizonWeeks, targetDate, pCharting, p10, p50, p90 }) => ({ horizonWeeks, targetDate, pCharting, p10, p50, p90 }));
  return { asOf: first.asOf, modelVersion: first.modelVersion, horizons };
}
