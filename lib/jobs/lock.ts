import { createHash } from 'node:crypto';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { shardOfParams } from './shard';

/**
 * Lock names are per database, so test databases and the demo never block each other.
 * MySQL 8 and TiDB cap lock names at 64 characters: a long database name is replaced by its hash.
 */
export function lockName(database: string, job: string): string {
  const name = `songcast:${database}:job:${job}`;
  if (name.length <= 64) return name;
  return `songcast:${createHash('sha256').update(database).digest('hex').slice(0, 16)}:job:${job}`.slice(0, 64);
}

/**
 * What a run locks: its job, or for a run given `--shard i/n` that job's shard (`predict:shard-2-of-4`), so
 * the n shards of a job run side by side while a second copy of one shard is refused. Takes the run's
 * input or the params job_runs recorded from it. Runs that split differently (none, 0/2, 1/4) do not exclude
 * each other: where their tracks overlap they upsert the same rows.
 */
export function runLockKey(job: string, params: unknown): string {
  const shard = shardOfParams(params);
  return shard ? `${job}:shard-${shard.index}-of-${shard.count}` : job;
}

export class LockBusyError extends Error {
  constructor(readonly job: string, lock: string) {
    super(`Another "${job}" run is in progress (lock ${lock} is held); nothing was done. Try again when it has finished.`);
    this.name = 'LockBusyError';
  }
}

/**
 * Takes the named MySQL lock for a job on a dedicated connection, without waiting.
 * The lock lives as long as that connection: a killed process frees it at once.
 */
export async function acquireJobLock(conn: Connection, database: string, job: string): Promise<void> {
  const name = lockName(database, job);
  const [rows] = await conn.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS got', [name]);
  if (Number(rows[0]?.got) !== 1) throw new LockBusyError(job, name);
}

export async function releaseJobLock(conn: Connection, database: string, job: string): Promise<void> {
  await conn.query('SELECT RELEASE_LOCK(?)', [lockName(database, job)]);
}
