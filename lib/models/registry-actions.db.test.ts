import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { models, type ModelKind, type NewModel } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { getActiveVersions } from './active-versions';
import { promoteModel, rollbackModel } from './registry-actions';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('registry');
});
afterAll(async () => t?.drop());
beforeEach(async () => {
  await t.db.delete(models).where(eq(models.kind, 'forecast'));
  await t.db.delete(models).where(eq(models.kind, 'theme'));
});

const row = (kind: ModelKind, version: number, status: NewModel['status'], activatedAt: Date | null = null): NewModel => ({
  kind,
  version,
  status,
  activatedAt,
  trainedRows: 100,
  featureSpec: {},
  metrics: { '26': { auc: 0.7 + version / 100 } },
  baselineMetrics: {},
  artifact: Buffer.from('x'),
});

async function statuses(kind: ModelKind) {
  const rows = await t.db.select({ version: models.version, status: models.status }).from(models).where(eq(models.kind, kind)).orderBy(models.version);
  return Object.fromEntries(rows.map((r) => [r.version, r.status]));
}
async function idOf(kind: ModelKind, version: number): Promise<number> {
  const [found] = await t.db.select({ id: models.id }).from(models).where(and(eq(models.kind, kind), eq(models.version, version)));
  if (!found) throw new Error(`no ${kind} v${version}`);
  return found.id;
}

describe('promoteModel', () => {
  it('makes a candidate active and retires the active one, leaving other kinds alone', async () => {
    await t.db.insert(models).values([
      row('forecast', 1, 'active', new Date('2026-01-01T00:00:00Z')),
      row('forecast', 2, 'candidate'),
      row('theme', 1, 'active', new Date('2026-01-01T00:00:00Z')),
    ]);
    const change = await promoteModel(t.db, await idOf('forecast', 2));
    expect(change).toMatchObject({ kind: 'forecast', activated: { version: 2 }, retired: { version: 1 } });
    expect(await statuses('forecast')).toEqual({ 1: 'retired', 2: 'active' });
    expect(await statuses('theme')).toEqual({ 1: 'active' });
  });

  it('promotes the first model of a kind when none is active', async () => {
    await t.db.insert(models).values([row('forecast', 1, 'candidate')]);
    expect(await promoteModel(t.db, await idOf('forecast', 1))).toMatchObject({ retired: null });
    expect(await statuses('forecast')).toEqual({ 1: 'active' });
  });

  it('refuses anything but a candidate, and unknown ids, changing nothing', async () => {
    await t.db.insert(models).values([row('forecast', 1, 'active', new Date()), row('forecast', 2, 'retired', new Date())]);
    await expect(promoteModel(t.db, await idOf('forecast', 1))).rejects.toThrow(/is active, not a candidate/);
    await expect(promoteModel(t.db, await idOf('forecast', 2))).rejects.toThrow(/is retired, not a candidate/);
    await expect(promoteModel(t.db, 999_999)).rejects.toThrow(/does not exist/);
    expect(await statuses('forecast')).toEqual({ 1: 'active', 2: 'retired' });
  });
});

describe('rollbackModel', () => {
  it('walks back one activation at a time, then refuses when nothing earlier was active', async () => {
    await t.db.insert(models).values([row('forecast', 1, 'candidate'), row('forecast', 2, 'candidate'), row('forecast', 3, 'candidate'), row('forecast', 4, 'candidate')]);
    for (const v of [1, 2, 3]) await promoteModel(t.db, await idOf('forecast', v));
    expect(await statuses('forecast')).toEqual({ 1: 'retired', 2: 'retired', 3: 'active', 4: 'candidate' });

    expect(await rollbackModel(t.db, 'forecast')).toMatchObject({ activated: { version: 2 }, retired: { version: 3 } });
    expect(await statuses('forecast')).toEqual({ 1: 'retired', 2: 'active', 3: 'retired', 4: 'candidate' });
    expect(await rollbackModel(t.db, 'forecast')).toMatchObject({ activated: { version: 1 }, retired: { version: 2 } });
    await expect(rollbackModel(t.db, 'forecast')).rejects.toThrow(/nothing to roll back to/);
    expect(await statuses('forecast')).toEqual({ 1: 'active', 2: 'retired', 3: 'retired', 4: 'candidate' });
  });

  it('refuses when no version is active', async () => {
    await t.db.insert(models).values([row('theme', 1, 'candidate')]);
    await expect(rollbackModel(t.db, 'theme')).rejects.toThrow(/no active theme model/);
  });
});

describe('getActiveVersions', () => {
  it('gives each kind asked for its active version, and leaves out kinds with none and kinds not asked for', async () => {
    await t.db.insert(models).values([
      { ...row('theme', 1, 'retired', new Date('2026-01-01')), featureSpec: { schema: 'old' } },
      { ...row('theme', 2, 'active', new Date('2026-02-01')), featureSpec: { schema: 'new' } },
      row('theme', 3, 'candidate'),
      row('forecast', 1, 'active', new Date('2026-02-01')),
    ]);
    const active = await getActiveVersions(t.db, ['theme', 'attributes']);
    expect([...active.keys()]).toEqual(['theme']);
    expect(active.get('theme')).toEqual({ id: await idOf('theme', 2), version: 2, featureSpec: { schema: 'new' } });
  });
});
