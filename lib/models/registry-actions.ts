import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { models, type ModelKind } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { activeOfKinds } from './active-versions';

export interface RegistryChange {
  kind: ModelKind;
  /** The version that is active now. */
  activated: { id: number; version: number };
  /** The version that was active before, now retired (null when there was none). */
  retired: { id: number; version: number } | null;
}

const versionColumns = { id: models.id, kind: models.kind, version: models.version, status: models.status, activatedAt: models.activatedAt };

/**
 * Makes a candidate the active model of its kind, in one transaction: the
 * active version (if any) becomes retired. Only candidates can be promoted;
 * a retired version comes back through `rollbackModel`.
 */
export async function promoteModel(db: Db, modelId: number): Promise<RegistryChange> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select(versionColumns).from(models).where(eq(models.id, modelId)).for('update');
    if (!target) throw new AppError('NOT_FOUND', `Model #${modelId} does not exist.`);
    if (target.status !== 'candidate') {
      throw new AppError('CONFLICT', `${target.kind} v${target.version} is ${target.status}, not a candidate: only candidates can be promoted.`);
    }
    const [active] = await tx
      .select(versionColumns)
      .from(models)
      .where(activeOfKinds([target.kind]))
      .for('update');
    if (active) await tx.update(models).set({ status: 'retired' }).where(eq(models.id, active.id));
    await tx.update(models).set({ status: 'active', activatedAt: new Date() }).where(eq(models.id, target.id));
    return {
      kind: target.kind,
      activated: { id: target.id, version: target.version },
      retired: active ? { id: active.id, version: active.version } : null,
    };
  });
}

/**
 * Rolls a kind back to the version that was active before the current one, in
 * one transaction. The version left behind becomes retired and loses its
 * activation time, so a second rollback walks one step further back (a stack of
 * activations) instead of bouncing between two versions.
 */
export async function rollbackModel(db: Db, kind: ModelKind): Promise<RegistryChange> {
  return db.transaction(async (tx) => {
    const [active] = await tx
      .select(versionColumns)
      .from(models)
      .where(activeOfKinds([kind]))
      .for('update');
    if (!active) throw new AppError('CONFLICT', `There is no active ${kind} model to roll back from.`);
    const [previous] = await tx
      .select(versionColumns)
      .from(models)
      .where(and(eq(models.kind, kind), eq(models.status, 'retired'), isNotNull(models.activatedAt), ne(models.id, active.id)))
      .orderBy(desc(models.activatedAt), desc(models.version))
      .limit(1)
      .for('update');
    if (!previous) throw new AppError('CONFLICT', `No earlier ${kind} version was ever active: nothing to roll back to.`);
    await tx.update(models).set({ status: 'retired', activatedAt: null }).where(eq(models.id, active.id));
    await tx.update(models).set({ status: 'active', activatedAt: new Date() }).where(eq(models.id, previous.id));
    return {
      kind,
      activated: { id: previous.id, version: previous.version },
      retired: { id: active.id, version: active.version },
    };
  });
}
