import {
  bigint,
  date,
  double,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { timestamps } from './columns';

/** One row per chart a source provides (Spotify weekly global, Billboard Hot 100, …). */
export const charts = mysqlTable(
  'charts',
  {
    id: int('id').autoincrement().primaryKey(),
    /** Stable natural key, e.g. `spotify-weekly-global`, `billboard-hot-100`. */
    slug: varchar('slug', { length: 64 }).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    /** ISO 3166 alpha-2 in lower case, or `global`. */
    country: varchar('country', { length: 8 }).notNull(),
    frequency: mysqlEnum('frequency', ['weekly', 'daily']).notNull(),
    size: smallint('size').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('charts_slug_uq').on(t.slug)],
);
export type Chart = typeof charts.$inferSelect;
export type NewChart = typeof charts.$inferInsert;

export const chartEntries = mysqlTable(
  'chart_entries',
  {
    chartId: int('chart_id').notNull(),
    chartDate: date('chart_date', { mode: 'string' }).notNull(),
    rank: smallint('rank').notNull(),
    trackId: int('track_id').notNull(),
    streams: bigint('streams', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.chartId, t.chartDate, t.rank] }),
    // A song's run on a chart (history, features) and "charts it is on now".
    index('chart_entries_track_chart_date_idx').on(t.trackId, t.chartId, t.chartDate),
  ],
);
export type ChartEntry = typeof chartEntries.$inferSelect;
export type NewChartEntry = typeof chartEntries.$inferInsert;

/**
 * A source's own popularity of a song on a day: `spotify`, `deezer` or
 * `top50:<market>`. A chart's score (100·(size + 1 − rank)/size, so the Hot 100
 * gives 101 − rank) is not stored here: it is derived from chart_entries' rank.
 */
export const popularitySnapshots = mysqlTable(
  'popularity_snapshots',
  {
    trackId: int('track_id').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    source: varchar('source', { length: 64 }).notNull(),
    popularity: double('popularity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trackId, t.observedOn, t.source] }),
    index('popularity_snapshots_source_date_idx').on(t.source, t.observedOn),
  ],
);
export type PopularitySnapshot = typeof popularitySnapshots.$inferSelect;
