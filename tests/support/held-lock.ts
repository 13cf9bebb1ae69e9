import mysql, { type RowDataPacket } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockName } from '@/lib/jobs/lock';
import type { TestDb } from './test-db';

/**
 * Whether a job's lock (`job` as runLockKey names it) is free within `timeoutMs`, polled: the server frees a
 * client's locks when it has dropped the session, which can be a moment after the client closed its socket
 * (or after a killed process's socket closed).
 */
export async function lockFreed(t: TestDb, job: string, timeoutMs = 10_000): Promise<boolean> {
  const name = lockName(t.database, job);
  for (const until = Date.now() + timeoutMs; ; await sleep(20)) {
    const [[lock]] = await t.pool.query<RowDataPacket[]>('SELECT IS_FREE_LOCK(?) AS free', [name]);
    if (Number(lock?.free) === 1) return true;
    if (Date.now() > until) return false;
  }
}

export interface HeldLock {
  /** Closes the holder's connection, as a dying process would, and waits until the server has freed the lock. */
  letGo(): Promise<void>;
}

/** Takes a job's lock (`job` as runLockKey names it) on a connection of its own, as another live process would. */
export async function holdJobLock(t: TestDb, job: string): Promise<HeldLock> {
  const name = lockName(t.database, job);
  const holder = await mysql.createConnection({ uri: t.url });
  const [[got]] = await holder.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS got', [name]);
  if (Number(got?.got) !== 1) {
    await holder.end();
    throw new Error(`could not take the lock ${name}`);
  }
  return {
    async letGo() {
      await holder.end();
      if (!(await lockFreed(t, job))) throw new Error(`the lock ${name} was still held 10 s after its connection closed`);
    },
  };
}
