import { and, count, gt, isNotNull } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import { tracks } from '@/lib/db/schema';
import type { JobContext } from '@/lib/jobs/types';

export interface WalkOptions {
  /** Tracks with an id up to this one were handled by an earlier (failed) run. */
  after: number;
  /** Most tracks to handle (`--limit`). */
  limit?: number;
  batchSize: number;
  /** Progress phase name. */
  phase: string;
}

/**
 * Hands every track that has `column` (an outside id) to `handle` in batches,
 * in id order, then calls `saved(lastId)` so the caller can checkpoint: a run
 * killed half-way resumes after the last finished batch.
 */
export async function walkTracks<T extends string | number>(
  ctx: JobContext,
  column: MySqlColumn,
  o: WalkOptions,
  handle: (batch: { id: number; externalId: T }[]) => Promise<void>,
  saved: (lastId: number) => Promise<void>,
): Promise<void> {
  let after = o.after;
  const pending = () => and(isNotNull(column), gt(tracks.id, after));
  const [counted] = await ctx.db.select({ n: count() }).from(tracks).where(pending());
  const total = Math.min(counted?.n ?? 0, o.limit ?? Number.POSITIVE_INFINITY);
  let done = 0;
  ctx.progress(0, total, o.phase);
  while (done < total) {
    const batch = (await ctx.db
      .select({ id: tracks.id, externalId: column })
      .from(tracks)
      .where(pending())
      .orderBy(tracks.id)
      .limit(Math.min(o.batchSize, total - done))) as { id: number; externalId: T }[];
    if (batch.length === 0) break;
    await handle(batch);
    after = batch.at(-1)!.id;
    await saved(after);
    done += batch.length;
    ctx.progress(done, total, o.phase);
  }
}

/** Index of the phase a run starts at (0 without `--skip-to`); an unknown phase is an error naming the known ones. */
export function startPhase(source: string, phases: readonly string[], skipTo: string | undefined): number {
  if (skipTo === undefined) return 0;
  const at = phases.indexOf(skipTo);
  if (at < 0) throw new Error(`the ${source} source has no phase "${skipTo}"; its phases: ${phases.join(', ')}`);
  return at;
}
