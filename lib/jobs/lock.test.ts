import { describe, expect, it } from 'vitest';
import { lockName } from './lock';

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
