import mysql, { type RowDataPacket } from 'mysql2/promise';
import { lockName } from '@/lib/jobs/lock';
import type { TestDb } from './test-db';

export interface HeldLock {
  /**
   * Closes the holder's connection, as a dying process would, and waits until the server has freed the lock:
   * `end()` returns once the client has said goodbye, which can be before the server dropped the session.
   */
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
      const watcher = await mysql.createConnection({ uri: t.url });
      try {
        for (let waited = 0; ; waited += 20) {
          const [[lock]] = await watcher.query<RowDataPacket[]>('SELECT IS_FREE_LOCK(?) AS free', [name]);
          if (Number(lock?.free) === 1) return;
          if (waited > 10_000) throw new Error(`the lock ${name} was still held 10 s after its connection closed`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await watcher.end();
      }
    },
  };
}
