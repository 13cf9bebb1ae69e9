import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ingestTotals } from '@/lib/ingest/totals';
import { TrackResolver } from '@/lib/ingest/track-resolver';
import type { JobContext } from '@/lib/jobs/types';
import { CsvReader, type CsvRecord } from './csv';
import { BadLine } from './fields';
import type { FormatReader, ImportEnv, ImportFormat, ImportOptions } from './types';

/** Data lines per write batch (each batch is a few transactions). */
export const IMPORT_BATCH = 5_000;
/** Batches parsed but not yet stored (and checkpointed when due) before the parser waits (bounds memory). */
const MAX_PENDING = 4;
/**
 * Least time between two checkpoints. Each is a commit of its own (the run's row with its stats): saved after
 * every batch, they were 202 of a million-line import's commits, for nothing a resumed run needs: it redoes at
 * most this long of idempotent writes.
 */
const CHECKPOINT_MS = 1_000;
const MAX_SAMPLES = 100;
const CSV_FILE = /\.csv(\.gz)?$/i;

/** Where a run got to: the next run with the same params skips what is before it. */
type Checkpoint = { file: string; line: number };

/** Every CSV file under `target` (a file or a directory, walked recursively), sorted. */
export async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new Error(`${target}: no such file or directory`);
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && CSV_FILE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Leading lines with at most one value (the legacy Spotify Charts note) come before the header. */
const isPreamble = (r: CsvRecord) => r.fields.filter((f) => f.trim() !== '').length <= 1;

interface OpenedFile {
  reader: FormatReader<unknown>;
  /** The records after the header, a chunk at a time. */
  chunks: AsyncGenerator<CsvRecord[]>;
  csv: CsvReader;
}

/**
 * Imports `target` with `format`: streams each file, parses lines into rows,
 * writes them in batches, checkpoints at most once a second and reports bad lines
 * as `file:line: reason`. With --strict every file is validated first and the
 * first bad line fails the run before anything is written.
 */
export async function runImport(ctx: JobContext, format: ImportFormat, target: string, options: ImportOptions) {
  const explicitFile = (await stat(target).catch(() => null))?.isFile() ?? false;
  const files = await listFiles(target);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const resolver = new TrackResolver(ctx.pool);
  const counters: Record<string, number> = {};
  const notes = new Set<string>();
  const samples: string[] = [];
  const stats = ctx.stats;
  Object.assign(stats, { format: format.name, files: 0, skippedFiles: [] as string[], lines: 0, rows: 0, badLines: 0, badLineSamples: samples, match: resolver.stats, counts: counters, notes: [] as string[] });
  const env: ImportEnv = {
    db: ctx.db,
    pool: ctx.pool,
    resolver,
    options,
    count: (name, n) => void (counters[name] = (counters[name] ?? 0) + n),
    note: (message) => {
      notes.add(message);
      stats.notes = [...notes];
    },
  };

  const open = async (file: string): Promise<OpenedFile | null> => {
    const csv = new CsvReader(file);
    const chunks = csv.chunks();
    for (;;) {
      const next = await chunks.next();
      if (next.done) return null;
      const records = next.value;
      const at = records.findIndex((r) => !r.error && !isPreamble(r));
      if (at < 0) continue;
      try {
        const reader = format.open(records[at]!.fields, file, env);
        const after = (async function* () {
          try {
            yield records.slice(at + 1);
            yield* chunks;
          } finally {
            await chunks.return(undefined); // closes the file when the reader stops early (--limit)
          }
        })();
        return { reader, chunks: after, csv };
      } catch (err) {
        await chunks.return(undefined);
        const reason = `${file}: not a ${format.name} file (${err instanceof Error ? err.message : String(err)})`;
        if (explicitFile) throw new Error(reason);
        const skipped = stats.skippedFiles as string[];
        if (!skipped.includes(reason)) skipped.push(reason); // strict mode opens each file twice
        return null;
      }
    }
  };

  let lineBudget = options.limit ?? Infinity;
  if (options.strict) await validate(files, open, lineBudget);

  const resume = ctx.resumeFrom as Checkpoint | null;
  let startIndex = resume ? files.indexOf(resume.file) : -1;
  if (startIndex < 0) startIndex = 0;
  else stats.resumedFrom = `${resume!.file}:${resume!.line}`;
  let bytesBefore = sizes.slice(0, startIndex).reduce((a, b) => a + b, 0);
  let checkpointAt = 0;

  for (let fi = startIndex; fi < files.length && lineBudget > 0; fi++) {
    const file = files[fi]!;
    const skipTo = resume && resume.file === file ? resume.line : 0;
    const opened = await open(file);
    if (!opened) continue;
    stats.files = (stats.files as number) + 1;
    ctx.progress(bytesBefore, totalBytes, path.basename(file));
    let batch: unknown[] = [];
    let lastLine = 0;
    // Three stages overlap: parsing runs up to MAX_PENDING batches ahead of the checkpoints; songs
    // are resolved one batch at a time (each batch's write() after the last one's), ahead of the
    // stores; a writer's `store` part starts in batch order, once fewer than two batches are storing.
    // Checkpoints go in order.
    const pending: Promise<void>[] = [];
    let written: Promise<unknown> = Promise.resolve();
    let started: Promise<unknown> = Promise.resolve();
    let stored: Promise<unknown> = Promise.resolve();
    let storedBefore: Promise<unknown> = Promise.resolve();
    let checkpointed: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rows = batch;
      const checkpoint: Checkpoint = { file, line: lastLine };
      batch = [];
      const ahead = written.then(() => (rows.length > 0 ? opened.reader.write(rows) : undefined));
      // Wrapped, so that `start` settles when the store begins, not when it ends.
      const start = Promise.all([ahead, storedBefore, started]).then(([w]) => ({ storing: w?.store() }));
      const own = start.then((s) => s.storing);
      const previous = checkpointed;
      const done = (async () => {
        await own;
        await previous;
        stats.rows = (stats.rows as number) + rows.length;
        if (Date.now() - checkpointAt >= CHECKPOINT_MS) {
          checkpointAt = Date.now();
          await ctx.saveCheckpoint(checkpoint);
        }
        ctx.progress(bytesBefore + opened.csv.bytesRead, totalBytes);
      })();
      // Each rejection surfaces through `done`, awaited below or at the file's end.
      for (const p of [ahead, start, own, done]) p.catch(() => undefined);
      written = ahead;
      started = start;
      storedBefore = stored;
      stored = own;
      checkpointed = done;
      pending.push(done);
      while (pending.length >= MAX_PENDING) await pending.shift();
    };
    read: for await (const records of opened.chunks) {
      for (const record of records) {
        if (record.line <= skipTo) continue;
        if (lineBudget-- <= 0) break read;
        stats.lines = (stats.lines as number) + 1;
        lastLine = record.line;
        try {
          if (record.error) throw new BadLine(record.error);
          batch.push(opened.reader.parse(record.fields));
        } catch (err) {
          if (!(err instanceof BadLine)) throw err;
          stats.badLines = (stats.badLines as number) + 1;
          if (samples.length < MAX_SAMPLES) samples.push(`${file}:${record.line}: ${err.message}`);
        }
        if (batch.length >= IMPORT_BATCH) await flush();
      }
    }
    await flush();
    for (const done of pending) await done;
    bytesBefore += sizes[fi]!;
  }
  if (files.length === 0) env.note(`${target}: no .csv or .csv.gz files`);
  stats.totals = await ingestTotals(ctx.pool);
  return stats;
}

/** Strict mode's first pass: parse everything, write nothing, fail at the first bad line. */
async function validate(files: string[], open: (file: string) => Promise<OpenedFile | null>, lineBudget: number) {
  for (const file of files) {
    const opened = await open(file);
    if (!opened) continue;
    for await (const records of opened.chunks) {
      for (const record of records) {
        if (lineBudget-- <= 0) return;
        try {
          if (record.error) throw new BadLine(record.error);
          opened.reader.parse(record.fields);
        } catch (err) {
          if (!(err instanceof BadLine)) throw err;
          await opened.chunks.return(undefined);
          throw new Error(`${file}:${record.line}: ${err.message} (--strict: nothing was imported)`);
        }
      }
    }
  }
}
