import type { Pool } from 'mysql2/promise';
import type { Db } from '@/lib/db/client';
import type { TrackResolver } from '@/lib/ingest/track-resolver';

export interface ImportOptions {
  /** Chart slug to write every row to, instead of the one the format derives. */
  chart?: string;
  /** Country (ISO alpha-2, lower case, or `global`) when the file does not say. */
  country?: string;
  /** YYYY-MM-DD: the chart date when the file does not say; the observed date of a catalog's popularity. */
  date?: string;
  /** Reject a whole file at its first bad line, before writing anything. */
  strict: boolean;
  /** Stop after this many data lines (all files together). */
  limit?: number;
}

/** What a format's reader may use while importing. */
export interface ImportEnv {
  db: Db;
  pool: Pool;
  resolver: TrackResolver;
  options: ImportOptions;
  /** Adds to a counter in the run's stats (chart entries, snapshots, …). */
  count(name: string, n: number): void;
  /** A remark for the run's stats, kept once. */
  note(message: string): void;
}

/** Reads the data lines of one file of a format. */
export interface FormatReader<R> {
  /** Turns a data line into a row; throws BadLine when it cannot be imported. Must not touch the database. */
  parse(fields: string[]): R;
  /**
   * Writes a batch of parsed rows (idempotent upserts). A writer may settle after the part
   * that must run batch by batch (resolving songs) and hand back `store`, its remaining writes:
   * the driver starts them in batch order, at most two batches storing at a time, while later
   * batches resolve; a batch is checkpointed only once it and every batch before it are stored.
   */
  write(rows: R[]): Promise<void | { store: () => Promise<void> }>;
}

export interface ImportFormat<R = unknown> {
  name: string;
  /** One line for --help. */
  summary: string;
  /** Checks the header of `file` and returns its reader; throws when the file is not of this format. */
  open(header: string[], file: string, env: ImportEnv): FormatReader<R>;
}
