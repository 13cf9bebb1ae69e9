import { describe, expect, it } from 'vitest';
import { loadJob } from './load-job';
import { jobs } from './registry';

describe('loadJob', () => {
  it('loads every registered job from its own module', async () => {
    for (const [name, job] of Object.entries(jobs)) expect(await loadJob(name), name).toBe(job);
  });

  it('finds nothing for a name that is not a job', async () => {
    expect(await loadJob('lock')).toBeUndefined();
    expect(await loadJob('nope')).toBeUndefined();
    expect(await loadJob('../db/client')).toBeUndefined();
  });
});
