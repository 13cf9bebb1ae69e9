import { asc, desc } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models } from '@/lib/db/schema';

/** Every model version of every kind with its reports (never the artifact blob), newest first per kind. */
export async function listModelVersions(db: Db) {
  return db
    .select({
      id: models.id,
      kind: models.kind,
      version: models.version,
      status: models.status,
      trainedRows: models.trainedRows,
      metrics: models.metrics,
      baselineMetrics: models.baselineMetrics,
      decision: models.decision,
      activatedAt: models.activatedAt,
      createdAt: models.createdAt,
    })
    .from(models)
    .orderBy(asc(models.kind), desc(models.version));
}
export type ModelVersionRow = Awaited<ReturnType<typeof listModelVersions>>[number];
