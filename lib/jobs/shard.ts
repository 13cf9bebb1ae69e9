/**
 * Sharding a job by track: `--shard i/n` makes a run handle only the tracks whose id % n = i, so n runs
 * (shards 0 … n−1, on as many machines) cover every track exactly once. Ids need not be consecutive
 * (TiDB hands them out in per-server batches): any spread of integers splits about evenly.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyMySqlColumn } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import type { JobOption } from './types';

export interface Shard {
  /** 0 … count − 1 */
  index: number;
  /** How many shards the work is split into (1 = the whole). */
  count: number;
}

/** Enough for any cluster we would run; a typo such as 1/10000 is refused instead of running near-empty. */
export const MAX_SHARDS = 1024;

/** The CLI option every shardable job declares. */
export const SHARD_OPTION: JobOption = {
  type: 'string',
  description: `i/n: only the tracks whose id % n = i; run shards 0/n … (n-1)/n, one each, to cover all (n ≤ ${MAX_SHARDS})`,
};

/** Validates `i/n` (as typed after --shard) into a Shard. */
export const shardSchema = z.string().transform((text, ctx): Shard => {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `--shard takes i/n, e.g. 0/4 (got "${text}").` });
    return z.NEVER;
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) {
    ctx.addIssue({ code: 'custom', message: `--shard ${text}: n must be 1 to ${MAX_SHARDS}.` });
    return z.NEVER;
  }
  if (index >= count) {
    ctx.addIssue({ code: 'custom', message: `--shard ${text}: i must be 0 to ${count - 1} (shards count from 0).` });
    return z.NEVER;
  }
  return { index, count };
});

/** Whether a track belongs to the shard; every track belongs to a null shard (no --shard given). */
export function inShard(shard: Shard | null | undefined, trackId: number): boolean {
  if (!shard) return true;
  if (!Number.isSafeInteger(trackId) || trackId < 0) throw new RangeError(`track id ${trackId} is not a non-negative integer`);
  return trackId % shard.count === shard.index;
}

/**
 * The same test as a WHERE condition on a track id column (`column % n = i`); undefined for a null
 * shard, which Drizzle's and()/where() skip. MOD on a column uses no index: meant for the scans that
 * read every track anyway (predict, publish), where it halves, quarters … each run's work.
 */
export function shardCondition(shard: Shard | null | undefined, trackId: AnyMySqlColumn): SQL | undefined {
  if (!shard || shard.count === 1) return undefined;
  return sql`${trackId} % ${shard.count} = ${shard.index}`;
}

/** "2/4" for logs and messages. */
export const shardLabel = (shard: Shard) => `${shard.index}/${shard.count}`;

const recordedShardSchema = z.object({ shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(2) }) });

/**
 * The shard a run's input (or its job_runs params, which record that input) asks for; null without one
 * or for 0/1, which is the whole.
 */
export function shardOfParams(params: unknown): Shard | null {
  const parsed = recordedShardSchema.safeParse(params);
  return parsed.success ? parsed.data.shard : null;
}
