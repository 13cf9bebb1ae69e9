import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { chartEntries, charts, models } from '@/lib/db/schema';
import { FORECAST_FEATURES } from '@/lib/features/forecast-features';

/**
 * A digest of what a forecast model is trained on — per weekly chart the entry count and the last week —
 * plus the training settings and the feature layout. Training is deterministic, so the same digest means the
 * same model; a release that computes other features trains anew on the same charts.
 */
export async function forecastDataFingerprint(db: Db, settings: Record<string, unknown>): Promise<string> {
  const perChart = await db
    .select({ slug: charts.slug, entries: sql<number>`count(*)`, last: sql<string>`max(${chartEntries.chartDate})` })
    .from(chartEntries)
    .innerJoin(charts, eq(charts.id, chartEntries.chartId))
    .where(eq(charts.frequency, 'weekly'))
    .groupBy(charts.slug)
    .orderBy(charts.slug);
  const data = perChart.map((c) => [c.slug, Number(c.entries), String(c.last)]);
  return createHash('sha256').update(JSON.stringify({ data, settings, features: FORECAST_FEATURES })).digest('hex');
}

/** The newest forecast model version trained on data with this fingerprint, if any. */
export async function findModelTrainedOn(db: Db, fingerprint: string): Promise<{ id: number; version: number } | null> {
  const [latest] = await db
    .select({ id: models.id, version: models.version, metrics: models.metrics })
    .from(models)
    .where(eq(models.kind, 'forecast'))
    .orderBy(desc(models.version))
    .limit(1);
  return latest && latest.metrics.dataFingerprint === fingerprint ? { id: latest.id, version: latest.version } : null;
}
