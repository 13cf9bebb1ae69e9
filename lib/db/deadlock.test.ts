import { describe, expect, it } from 'vitest';
import { DEADLOCK_TRIES, retryDeadlocks } from './deadlock';

const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213 });

/** Work that fails with the given errors first, then returns 'done'; counts its calls. */
function failing(errors: Error[]) {
  const work = async () => {
    work.calls++;
    const err = errors.shift();
    if (err) throw err;
    return 'done';
  };
  work.calls = 0;
  return work;
}

describe('retryDeadlocks', () => {
  it('runs the work again when the server picked it as a deadlock victim', async () => {
    const work = failing([deadlock(), deadlock()]);
    await expect(retryDeadlocks(work, { maxPauseMs: 1 })).resolves.toBe('done');
    expect(work.calls).toBe(3);
  });

  it(`gives up after ${DEADLOCK_TRIES} deadlocks in a row, with the server's error`, async () => {
    const work = failing(Array.from({ length: DEADLOCK_TRIES }, deadlock));
    await expect(retryDeadlocks(work, { maxPauseMs: 1 })).rejects.toThrow(/Deadlock found/);
    expect(work.calls).toBe(DEADLOCK_TRIES);
  });

  it('throws any other error at once', async () => {
    const work = failing([Object.assign(new Error('Duplicate entry'), { errno: 1062 })]);
    await expect(retryDeadlocks(work, { maxPauseMs: 1 })).rejects.toThrow(/Duplicate entry/);
    expect(work.calls).toBe(1);
  });
});
