import { describe, expect, it } from 'vitest';
import { lockName, runLockKey } from './lock';

describe('lockName', () => {
  it('names the database and the job', () => {
    expect(lockName('songcast', 'weekly')).toBe('songcast:songcast:job:weekly');
  });
  it('stays within the 64 characters MySQL 8 and TiDB allow, and keeps long names apart', () => {
    const a = lockName('songcast_sampledata_1234567_abcdef_and_some_more', 'sample-data');
    const b = lockName('songcast_sampledata_1234567_abcdef_and_some_mord', 'sample-data');
    expect(a.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
  });
});

describe('runLockKey', () => {
  it('is the job for a whole run and the job and shard for a sharded one', () => {
    expect(runLockKey('predict', {})).toBe('predict');
    expect(runLockKey('predict', { shard: { index: 0, count: 1 } })).toBe('predict');
    expect(runLockKey('predict', { shard: { index: 2, count: 4 } })).toBe('predict:shard-2-of-4');
    expect(runLockKey('publish', { all: true, shard: { index: 0, count: 2 } })).toBe('publish:shard-0-of-2');
  });
  it('fits 64 characters with the largest shard and a hashed database name', () => {
    expect(lockName('songcast_sampledata_1234567_abcdef_and_some_more', runLockKey('sample-data', { shard: { index: 1023, count: 1024 } })).length).toBeLessThanOrEqual(64);
    expect(lockName('songcast', runLockKey('predict', { shard: { index: 1023, count: 1024 } }))).toBe('songcast:songcast:job:predict:shard-1023-of-1024');
  });
});
