/** What-if models in the `models` table (kind 'attributes'): store a version, read the active one. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models } from '@/lib/db/schema';
import { activeOfKinds, NEWEST_ACTIVATION_FIRST } from '@/lib/models/active-versions';
import { promoteModel } from '@/lib/models/registry-actions';
import { ATTRIBUTES_MODEL_SCHEMA, attributesSpecSchema, deserializeAttributesModel, serializeAttributesModel, type AttributesModel } from './attributes-model';
import type { AttributesTraining } from './train-attributes';

export type AttributesMetrics = AttributesTraining['metrics'] & { cutoff: string; testRows: number; target: string };
export type AttributesBaselines = AttributesTraining['baselines'];

/** Stores a trained model as the next version; active when its R² beats always answering the training mean. */
export async function storeAttributesModel(db: Db, t: AttributesTraining): Promise<{ id: number; version: number; promoted: boolean; decision: string }> {
  const [max] = await db.select({ version: sql<number>`COALESCE(MAX(${models.version}), 0)`.mapWith(Number) }).from(models).where(eq(models.kind, 'attributes'));
  const version = (max?.version ?? 0) + 1;
  const promoted = t.metrics.r2 > t.baselines.mean.r2;
  const shape = t.model.spec.hidden.length === 0 ? 'linear' : `network ${t.model.spec.hidden.join('×')}`;
  const decision = `${promoted ? 'promoted' : 'kept as candidate'} (${shape}): R² ${t.metrics.r2.toFixed(3)} on songs released from ${t.cutoff} vs mean ${t.baselines.mean.r2.toFixed(3)} and linear ${t.baselines.linear.r2.toFixed(3)}`;
  const metrics: AttributesMetrics = { ...t.metrics, cutoff: t.cutoff, testRows: t.testRows, target: t.model.spec.target };
  const [result] = await db.insert(models).values({
    kind: 'attributes',
    version,
    status: 'candidate',
    trainedRows: t.trainRows,
    featureSpec: t.model.spec as unknown as Record<string, unknown>,
    metrics: metrics as unknown as Record<string, unknown>,
    baselineMetrics: t.baselines as unknown as Record<string, unknown>,
    decision,
    artifact: serializeAttributesModel(t.model),
  });
  if (promoted) await promoteModel(db, result.insertId);
  return { id: result.insertId, version, promoted, decision };
}

export interface ActiveAttributes {
  id: number;
  version: number;
  trainedAt: string;
  metrics: AttributesMetrics;
  baselines: AttributesBaselines;
  /** Genres the model knows and the typical (5th–95th percentile) range of each numeric attribute. */
  genres: string[];
  typical: Record<string, [number, number]>;
}

/** The active what-if model's report (no weights), or null (also when it predates the current artifact version). */
export async function getActiveAttributes(db: Db): Promise<ActiveAttributes | null> {
  const [row] = await db
    .select({ id: models.id, version: models.version, createdAt: models.createdAt, metrics: models.metrics, baselines: models.baselineMetrics, spec: models.featureSpec })
    .from(models)
    .where(activeOfKinds(['attributes']))
    .orderBy(NEWEST_ACTIVATION_FIRST)
    .limit(1);
  if (!row || !isCurrentAttributesSpec(row.spec)) return null;
  const { genres, typical } = attributesSpecSchema.pick({ genres: true, typical: true }).parse(row.spec);
  return { id: row.id, version: row.version, trainedAt: row.createdAt.toISOString(), metrics: row.metrics as unknown as AttributesMetrics, baselines: row.baselines as unknown as AttributesBaselines, genres, typical };
}

/** Whether a stored version's feature spec is of the current artifact version: an older one reads other inputs, so it counts as absent until retrained. */
export function isCurrentAttributesSpec(spec: Record<string, unknown>): boolean {
  return spec.schema === ATTRIBUTES_MODEL_SCHEMA;
}

const cache = new Map<number, Promise<AttributesModel>>();

/** Loads a what-if model by id, once per process (stored versions never change). */
export function loadAttributesModel(db: Db, id: number): Promise<AttributesModel> {
  let hit = cache.get(id);
  if (!hit) {
    hit = (async () => {
      const [row] = await db.select({ artifact: models.artifact }).from(models).where(and(eq(models.id, id), eq(models.kind, 'attributes')));
      if (!row) throw new Error(`what-if model #${id} does not exist`);
      return deserializeAttributesModel(row.artifact);
    })();
    hit.catch(() => cache.delete(id));
    cache.set(id, hit);
  }
  return hit;
}
