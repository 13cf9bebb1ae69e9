/** Which version of each model kind is active, for pages that use several kinds on every request. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models, type ModelKind } from '@/lib/db/schema';

export interface ActiveVersion {
  id: number;
  version: number;
  featureSpec: Record<string, unknown>;
}

/** Rows of active versions of `kinds`: order by `NEWEST_ACTIVATION_FIRST` and the first row of a kind is its active version. */
export function activeOfKinds(kinds: readonly ModelKind[]): SQL {
  return and(inArray(models.kind, [...kinds]), eq(models.status, 'active'))!;
}

export const NEWEST_ACTIVATION_FIRST = desc(models.activatedAt);

/** The active version of each of `kinds` (a kind with none is absent from the map): one read where each kind's own lookup would be one each. */
export async function getActiveVersions(db: Db, kinds: readonly ModelKind[]): Promise<Map<ModelKind, ActiveVersion>> {
  const rows = await db
    .select({ kind: models.kind, id: models.id, version: models.version, featureSpec: models.featureSpec })
    .from(models)
    .where(activeOfKinds(kinds))
    .orderBy(NEWEST_ACTIVATION_FIRST);
  const active = new Map<ModelKind, ActiveVersion>();
  for (const { kind, ...version } of rows) if (!active.has(kind)) active.set(kind, version);
  return active;
}
