/** Which version of each model kind is active, for pages that use several kinds on every request. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models, type ModelKind } from '@/lib/db/schema';

export interface ActiveVersion {
  id: number;
  version: number;
  featureSpec: Record<string, unknown>;
}

/** The active version of each of `kinds` (a kind with none is absent from the map): one read where each kind's own lookup would be one each. */
export async function getActiveVersions(db: Db, kinds: readonly ModelKind[]): Promise<Map<ModelKind, ActiveVersion>> {
  const rows = await db
    .select({ kind: models.kind, id: models.id, version: models.version, featureSpec: models.featureSpec })
    .from(models)
    .where(and(inArray(models.kind, [...kinds]), eq(models.status, 'active')))
    .orderBy(desc(models.activatedAt));
  const active = new Map<ModelKind, ActiveVersion>();
  // Newest activation first, as each kind's own lookup orders them.
  for (const { kind, ...version } of rows) if (!active.has(kind)) active.set(kind, version);
  return active;
}
