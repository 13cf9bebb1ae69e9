/**
 * The forecast models in the `models` table: store a trained version, find the active
 * one and load it (one cached model per process, reloaded when the active id changes).
 * Promotion itself is promoteModel in registry-actions.ts (one transaction).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models } from '@/lib/db/schema';
import { readsTheseFeatures } from '@/lib/features/forecast-rows';
import { getActiveVersions } from './active-versions';
import { deserializeForecastModel, serializeForecastModel, type ForecastModel } from './artifact';

export interface ActiveModelInfo {
  id: number;
  version: number;
  /** False for a model stored by an older release that read other features: it must be retrained to predict. */
  readsTheseFeatures: boolean;
}

/** The active forecast model's id and version, or null. */
export async function getActiveForecastInfo(db: Db): Promise<ActiveModelInfo | null> {
  const row = (await getActiveVersions(db, ['forecast'])).get('forecast');
  return row ? { id: row.id, version: row.version, readsTheseFeatures: readsTheseFeatures(row.featureSpec) } : null;
}

/** One loaded model per pool (the web's single pool, or a job's): reloaded when the id asked for changes. */
const cache = new WeakMap<Db, { id: number; model: Promise<ForecastModel> }>();

/** Loads a stored forecast model by id, cached per database handle. */
export async function loadForecastModel(db: Db, id: number): Promise<ForecastModel> {
  const hit = cache.get(db);
  if (hit?.id === id) return hit.model;
  const loading = (async () => {
    const [row] = await db.select({ artifact: models.artifact }).from(models).where(eq(models.id, id));
    if (!row) throw new Error(`forecast model #${id} does not exist`);
    return deserializeForecastModel(row.artifact);
  })();
  cache.set(db, { id, model: loading });
  loading.catch(() => {
    if (cache.get(db)?.model === loading) cache.delete(db);
  });
  // The replaced model's tensors live in wasm memory, which no garbage collector frees.
  hit?.model.then((m) => m.network.dispose()).catch(() => undefined);
  return loading;
}

/** The active forecast model, loaded; throws a clear error when there is none. */
export async function loadActiveForecastModel(db: Db): Promise<{ info: ActiveModelInfo; model: ForecastModel }> {
  const info = await getActiveForecastInfo(db);
  if (!info) throw new Error('no active forecast model: run train first (npm run job -- train)');
  return { info, model: await loadForecastModel(db, info.id) };
}

export interface NewForecastVersion {
  model: ForecastModel;
  trainedRows: number;
  metrics: Record<string, unknown>;
  baselineMetrics: Record<string, unknown>;
  decision: string;
}

/** Stores a trained model as the next forecast version, status candidate; returns its id and version. */
export async function insertForecastCandidate(db: Db, v: NewForecastVersion): Promise<{ id: number; version: number }> {
  const artifact = await serializeForecastModel(v.model);
  const [max] = await db
    .select({ version: sql<number>`COALESCE(MAX(${models.version}), 0)`.mapWith(Number) })
    .from(models)
    .where(eq(models.kind, 'forecast'));
  const version = (max?.version ?? 0) + 1;
  const [result] = await db.insert(models).values({
    kind: 'forecast',
    version,
    status: 'candidate',
    trainedRows: v.trainedRows,
    featureSpec: v.model.spec as unknown as Record<string, unknown>,
    metrics: v.metrics,
    baselineMetrics: v.baselineMetrics,
    decision: v.decision.slice(0, 1024),
    artifact,
  });
  return { id: result.insertId, version };
}
