/**
 * EXPLAIN of captured statements (see sql-capture.ts with `keepLiterals`), and the plans that read a
 * table without using an index: a full table scan (type ALL), a full index scan (type index) or a
 * filesort over more than a few rows. Used by the load bench and the index test.
 */
import type { Connection, RowDataPacket } from 'mysql2/promise';

export interface PlanRow {
  id: number | null;
  selectType: string;
  table: string | null;
  type: string | null;
  key: string | null;
  rows: number | null;
  extra: string;
}

export interface StatementPlan {
  sql: string;
  plan: PlanRow[];
}

/** The tables that grow with the catalog and the weeks; the rest (charts, models) stay small. */
export const GROWING_TABLES = ['chart_entries', 'popularity_snapshots', 'forecasts', 'tracks', 'artists', 'track_artists'];

/** Reads only: the statements a page or route sends that EXPLAIN can show (not locks, not `SELECT 1`). */
export const isExplainable = (sql: string) => /^\s*(select|with)\b/i.test(sql) && /\bfrom\b/i.test(sql) && !/\bget_lock\b|\bis_used_lock\b/i.test(sql);

/** EXPLAIN of each statement on `conn`, in order. */
export async function explainAll(conn: Connection, statements: string[]): Promise<StatementPlan[]> {
  const plans: StatementPlan[] = [];
  for (const sql of statements.filter(isExplainable)) {
    const [rows] = await conn.query<RowDataPacket[]>(`EXPLAIN ${sql}`);
    plans.push({
      sql,
      plan: rows.map((r) => ({
        id: r.id === null ? null : Number(r.id),
        selectType: String(r.select_type),
        table: r.table ?? null,
        type: r.type ?? null,
        key: r.key ?? null,
        rows: r.rows === null ? null : Number(r.rows),
        extra: String(r.Extra ?? ''),
      })),
    });
  }
  return plans;
}

/**
 * What in a plan reads one of `tables` without an index: a full scan (ALL), a full index scan
 * (index), or a filesort over more than `filesortRows` estimated rows. Empty when every read is indexed.
 */
export function scanProblems(plan: PlanRow[], { tables = GROWING_TABLES, filesortRows = 1_000 } = {}): string[] {
  const problems: string[] = [];
  for (const row of plan) {
    if (!row.table || !tables.includes(row.table)) continue;
    if (row.type === 'ALL') problems.push(`full scan of ${row.table} (~${row.rows} rows)`);
    if (row.type === 'index') problems.push(`full index scan of ${row.table} via ${row.key} (~${row.rows} rows)`);
    // A loose index scan ("index for group-by") reads one entry per group: its sort is of the groups, whatever `rows` says.
    const loose = row.extra.includes('Using index for group-by');
    if (row.extra.includes('Using filesort') && !loose && (row.rows ?? 0) > filesortRows) problems.push(`filesort of ~${row.rows} ${row.table} rows`);
  }
  return problems;
}

/** One line per table read: `table type key rows extra`. */
export const formatPlan = (plan: PlanRow[]) =>
  plan.map((r) => `${r.selectType.padEnd(12)} ${String(r.table).padEnd(22)} ${String(r.type).padEnd(7)} ${String(r.key ?? '-').padEnd(36)} ${String(r.rows ?? '').padStart(8)}  ${r.extra}`);

/** The session's Handler_read_* counters summed: index and table rows the server has read so far. */
async function handlerReads(conn: Connection): Promise<number> {
  const [rows] = await conn.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Handler_read%'");
  return rows.reduce((sum, r) => sum + Number(r.Value), 0);
}

/**
 * Rows the server reads to run `sql` once (the Handler_read_* counters, MySQL and MariaDB alike): what
 * an index saves, measured rather than estimated, and unaffected by how busy the machine is.
 */
export async function rowsRead(conn: Connection, sql: string): Promise<number> {
  const a = await handlerReads(conn);
  const b = await handlerReads(conn); // what reading the counters itself adds, if anything
  await conn.query(sql);
  const c = await handlerReads(conn);
  return c - b - (b - a);
}
