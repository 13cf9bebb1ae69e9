import { eq } from 'drizzle-orm';
import { Readable } from 'node:stream';
import type { Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import { checkChartRank } from '@/lib/charts/score';
import type { Db } from '@/lib/db/client';
import { chunks } from '@/lib/db/chunks';
import { retryDeadlocks } from '@/lib/db/deadlock';
import { inTransaction } from '@/lib/db/transaction';
import { charts } from '@/lib/db/schema';

/** Rows per INSERT statement: well under max_allowed_packet, few round trips. */
const CHUNK = 5_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ChartSpec {
  slug: string;
  name: string;
  source: string;
  country: string;
  frequency: 'weekly' | 'daily';
  size: number;
}

export interface ChartRow {
  date: string;
  rank: number;
  trackId: number;
  streams?: number | null;
}

export interface SnapshotRow {
  trackId: number;
  observedOn: string;
  source: string;
  popularity: number;
}

/** Creates or updates a chart by slug and returns its id. */
export async function upsertChart(db: Db, chart: ChartSpec): Promise<number> {
  const { slug, ...rest } = chart;
  await db.insert(charts).values(chart).onDuplicateKeyUpdate({ set: rest });
  const [row] = await db.select({ id: charts.id }).from(charts).where(eq(charts.slug, slug));
  if (!row) throw new Error(`chart "${slug}" was upserted but cannot be found`);
  return row.id;
}

/** Runs `body` in a transaction; one an import's concurrent batch writes chose as a deadlock victim is run again. */
const inRetriedTransaction = (pool: Pool, body: (conn: PoolConnection) => Promise<void>) => retryDeadlocks(() => inTransaction(pool, body));

async function insertChunks(conn: PoolConnection, sql: string, rows: unknown[][]) {
  for (const chunk of chunks(rows, CHUNK)) await conn.query(sql, [chunk]);
}

function checkDate(date: string) {
  if (!DAY.test(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
}

export interface ChartRef {
  id: number;
  size: number;
}

/**
 * Bulk-upserts chart_entries in one transaction. Idempotent: a re-written
 * place takes the new track, and a known stream count is never replaced by a
 * missing one. A chart's popularity score is not stored: readers derive it
 * from the rank (chartScore), so one row per chart line is all a chart costs.
 */
export async function writeChartRows(pool: Pool, chart: ChartRef, rows: ChartRow[]): Promise<void> {
  await writeChartGroups(pool, [{ chart, rows }]);
}

/** {@link writeChartRows} for the rows of several charts, still in one transaction (one commit per batch). */
export async function writeChartGroups(pool: Pool, groups: { chart: ChartRef; rows: ChartRow[] }[]): Promise<void> {
  const entries: unknown[][] = [];
  for (const { chart, rows } of groups) {
    let checked = '';
    for (const r of rows) {
      if (r.date !== checked) checkDate((checked = r.date));
      checkChartRank(r.rank, chart.size);
      entries.push([chart.id, r.date, r.rank, r.trackId, r.streams ?? null]);
    }
  }
  if (entries.length === 0) return;
  // A place listed twice in one batch is upserted twice in one statement: the same as in two batches.
  await inRetriedTransaction(pool, async (conn) => {
    if (!valuesOnly.has(pool) && entries.every((e) => Number.isInteger(e[4]))) {
      try {
        for (const chunk of chunks(entries, CHUNK)) await loadEntries(conn, chunk);
        return;
      } catch (err) {
        if (!LOCAL_INFILE_REFUSED.has((err as { errno?: number }).errno ?? 0)) throw err;
        valuesOnly.add(pool);
      }
    }
    await insertChunks(conn, UPSERT_ENTRIES, entries);
  });
}

const UPSERT_ENTRIES =
  'INSERT INTO chart_entries (chart_id, chart_date, `rank`, track_id, streams) VALUES ? ON DUPLICATE KEY UPDATE track_id = VALUES(track_id), streams = COALESCE(VALUES(streams), streams)';
/**
 * The same upsert when every stream count is known and whole (LOAD DATA would warn where INSERT rounds):
 * REPLACE updates a listed place in place (the primary key is chart_entries' only unique key; no triggers,
 * no foreign keys), and the server has no SQL to parse per row: about a fifth less of its CPU per entry on
 * MariaDB 10.11 (docs/ingest.md).
 */
const LOAD_ENTRIES = "LOAD DATA LOCAL INFILE 'chart_entries.tsv' REPLACE INTO TABLE chart_entries (chart_id, chart_date, `rank`, track_id, streams)";
/** A server or client that takes no LOAD DATA LOCAL (MySQL 8 ships with local_infile off; MariaDB, the client's flag). */
const LOCAL_INFILE_REFUSED = new Set([1148, 3948, 4166]);
/** Pools whose server refused LOAD DATA LOCAL once: their entries go as INSERT … VALUES from then on. */
const valuesOnly = new WeakSet<Pool>();

/** Sends checked entries (whole numbers and YYYY-MM-DD dates: nothing to escape) as the tab-separated file LOAD_ENTRIES reads. */
async function loadEntries(conn: PoolConnection, entries: unknown[][]) {
  const file = Buffer.from(entries.map((e) => e.join('\t')).join('\n'));
  const [result] = await conn.query<ResultSetHeader>({ sql: LOAD_ENTRIES, infileStreamFactory: () => Readable.from([file]) });
  // Without strict mode a value the column cannot take is a warning, not an error: refuse it all the same.
  if (result.warningStatus > 0) throw new Error(`chart entries not loaded as given (${result.info})`);
}

/**
 * Upserts external popularity snapshots (source 'spotify', 'deezer', 'top50:<market>').
 * The latest value written for a (track, date, source) wins.
 */
export async function writeSnapshots(pool: Pool, rows: SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  const unique = new Map<string, unknown[]>();
  for (const r of rows) {
    checkDate(r.observedOn);
    if (!Number.isFinite(r.popularity)) throw new Error(`popularity of track ${r.trackId} on ${r.observedOn} is not a number`);
    unique.set(`${r.trackId}|${r.observedOn}|${r.source}`, [r.trackId, r.observedOn, r.source, r.popularity]);
  }
  await inRetriedTransaction(pool, (conn) =>
    insertChunks(
      conn,
      'INSERT INTO popularity_snapshots (track_id, observed_on, source, popularity) VALUES ? ON DUPLICATE KEY UPDATE popularity = VALUES(popularity)',
      [...unique.values()],
    ),
  );
}
