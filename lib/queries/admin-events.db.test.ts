import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { listAdminEvents, recordAdminEvent } from './admin-events';
import { listJobRuns } from './job-runs';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('adminq');
});
afterAll(async () => t?.drop());

describe('admin events', () => {
  it('records what, detail, address and browser, and lists the newest first', async () => {
    await recordAdminEvent(t.db, { action: 'login_failed', ip: '10.0.0.1', userAgent: 'UA/1' });
    await recordAdminEvent(t.db, { action: 'queue', detail: { option: 'audit', runIds: [7] }, ip: '10.0.0.1' });
    const events = await listAdminEvents(t.db, { limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['queue', 'login_failed']);
    expect(events[0]).toMatchObject({ detail: { option: 'audit', runIds: [7] }, ip: '10.0.0.1', userAgent: null });
    expect(events[1]).toMatchObject({ detail: null, userAgent: 'UA/1' });
    expect(events[0]?.createdAt).toBeInstanceOf(Date);
    expect(await listAdminEvents(t.db, { limit: 1 })).toHaveLength(1);
  });
});

describe('listJobRuns', () => {
  it('lists runs newest first with params and stats parsed', async () => {
    await t.db.insert(jobRuns).values([
      { kind: 'audit', status: 'succeeded', params: {}, stats: { audited: 3 }, requestedBy: 'scheduler' },
      { kind: 'train', status: 'queued', params: { kind: 'forecast' }, requestedBy: 'admin' },
    ]);
    const runs = await listJobRuns(t.db, { limit: 10 });
    expect(runs.map((r) => [r.kind, r.status, r.requestedBy])).toEqual([
      ['train', 'queued', 'admin'],
      ['audit', 'succeeded', 'scheduler'],
    ]);
    expect(runs[0]?.params).toEqual({ kind: 'forecast' });
    expect(runs[1]?.stats).toEqual({ audited: 3 });
  });
});
