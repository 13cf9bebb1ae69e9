/** MySQL's "deadlock found": the server rolled the statement (or transaction) back, and it may simply be run again. */
export const ER_LOCK_DEADLOCK = 1213;
export const DEADLOCK_TRIES = 5;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (an autocommit statement, or a whole `inTransaction`) again when the server chose it as a
 * deadlock victim, up to DEADLOCK_TRIES times in all, after a short random pause so the writers that collided
 * (two `predict --shard` runs upserting neighbouring keys, an import's pipelined batches) fall out of step.
 * Only for idempotent work: every caller writes upserts. Any other error is thrown at once.
 */
export async function retryDeadlocks<T>(work: () => Promise<T>, { tries = DEADLOCK_TRIES, maxPauseMs = 50 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if ((err as { errno?: number }).errno !== ER_LOCK_DEADLOCK || attempt >= tries) throw err;
      await pause(Math.random() * maxPauseMs * attempt);
    }
  }
}
