/** Theme models in the `models` table (kind 'theme'): store a version, read the active one and its report. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models } from '@/lib/db/schema';
import { formatShare } from '@/lib/format';
import { activeOfKinds, NEWEST_ACTIVATION_FIRST } from '@/lib/models/active-versions';
import { promoteModel } from '@/lib/models/registry-actions';
import type { ClassificationReport } from './cv';
import type { ThemeTraining } from './train-themes';
import { deserializeThemeModel, serializeThemeModel, type ThemeModel } from './theme-model';

export interface ThemeMetrics {
  folds: number;
  cv: ClassificationReport;
  inferenceMs: { p50: number | null; p95: number | null };
  labelSource: string;
  occasions: string[];
}

/** Stores a trained model as the next theme version; active when its CV accuracy beats the majority class. */
export async function storeThemeModel(db: Db, t: ThemeTraining, folds: number): Promise<{ id: number; version: number; promoted: boolean; decision: string }> {
  const [max] = await db.select({ version: sql<number>`COALESCE(MAX(${models.version}), 0)`.mapWith(Number) }).from(models).where(eq(models.kind, 'theme'));
  const version = (max?.version ?? 0) + 1;
  const promoted = t.cv.accuracy > t.majorityAccuracy;
  const decision = promoted
    ? `promoted: ${folds}-fold CV accuracy ${formatShare(t.cv.accuracy)} beats always-the-commonest-occasion ${formatShare(t.majorityAccuracy)}`
    : `kept as candidate: CV accuracy ${formatShare(t.cv.accuracy)} does not beat always-the-commonest-occasion ${formatShare(t.majorityAccuracy)}`;
  const metrics: ThemeMetrics = { folds, cv: t.cv, inferenceMs: t.inferenceMs, labelSource: t.model.spec.labelSource, occasions: t.model.spec.occasions };
  const [result] = await db.insert(models).values({
    kind: 'theme',
    version,
    status: 'candidate',
    trainedRows: t.cv.perClass.reduce((n, c) => n + c.support, 0),
    featureSpec: t.model.spec as unknown as Record<string, unknown>,
    metrics: metrics as unknown as Record<string, unknown>,
    baselineMetrics: { majorityAccuracy: t.majorityAccuracy },
    decision,
    artifact: serializeThemeModel(t.model),
  });
  if (promoted) await promoteModel(db, result.insertId);
  return { id: result.insertId, version, promoted, decision };
}

export interface ActiveTheme {
  id: number;
  version: number;
  trainedAt: string;
  metrics: ThemeMetrics;
  majorityAccuracy: number | null;
}

/** The active theme model's report (no weights), or null. */
export async function getActiveTheme(db: Db): Promise<ActiveTheme | null> {
  const [row] = await db
    .select({ id: models.id, version: models.version, createdAt: models.createdAt, metrics: models.metrics, baseline: models.baselineMetrics })
    .from(models)
    .where(activeOfKinds(['theme']))
    .orderBy(NEWEST_ACTIVATION_FIRST)
    .limit(1);
  if (!row) return null;
  const majority = row.baseline.majorityAccuracy;
  return { id: row.id, version: row.version, trainedAt: row.createdAt.toISOString(), metrics: row.metrics as unknown as ThemeMetrics, majorityAccuracy: typeof majority === 'number' ? majority : null };
}

const cache = new Map<number, Promise<ThemeModel>>();

/** Loads a theme model by id, once per process (versions never change once stored). */
export function loadThemeModel(db: Db, id: number): Promise<ThemeModel> {
  let hit = cache.get(id);
  if (!hit) {
    hit = (async () => {
      const [row] = await db.select({ artifact: models.artifact }).from(models).where(and(eq(models.id, id), eq(models.kind, 'theme')));
      if (!row) throw new Error(`theme model #${id} does not exist`);
      return deserializeThemeModel(row.artifact);
    })();
    hit.catch(() => cache.delete(id));
    cache.set(id, hit);
  }
  return hit;
}
