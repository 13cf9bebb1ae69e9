import { upsertChart, writeChartGroups, writeSnapshots, type ChartRef, type ChartRow, type ChartSpec, type SnapshotRow } from '@/lib/ingest/chart-writer';
import type { TrackInput } from '@/lib/ingest/types';
import { BadLine } from './fields';
import type { ImportEnv } from './types';

/** One parsed line of any chart file: a song at a rank of a chart on a date. */
export interface ChartLine {
  chart: ChartSpec;
  date: string;
  rank: number;
  streams: number | null;
  track: TrackInput;
  /** An external popularity observed with the chart line (Top-50 files carry Spotify's). */
  snapshot?: { source: string; popularity: number };
}

/** A rank that fits the chart, else a bad line. */
export function checkRank(rank: number, chart: ChartSpec): number {
  if (rank > chart.size) throw new BadLine(`rank ${rank} is beyond the ${chart.size} places of ${chart.slug}`);
  return rank;
}

/** Lower-case ISO alpha-2 or `global`, else a bad line. */
export function countryCode(value: string): string {
  const c = value.trim().toLowerCase();
  if (c === 'global' || c === 'world' || c === 'ww') return 'global';
  if (!/^[a-z]{2}$/.test(c)) throw new BadLine(`country "${value}" is not a two-letter code or "global"`);
  return c;
}

/**
 * Returns the batch writer chart formats share: resolves the batch's songs to
 * tracks and upserts each chart once per run, then hands back the writes of the
 * entries and any external snapshots, which may overlap the next batch's
 * (and later batches' resolving).
 */
export function chartLineWriter(env: ImportEnv) {
  const chartIds = new Map<string, number>();
  let last: { dates: Set<string>; stored: Promise<void> } | null = null;
  return async (lines: ChartLine[]) => {
    if (lines.length === 0) return;
    const ids = await env.resolver.resolve(lines.map((l) => l.track));
    const byChart = new Map<string, { chart: ChartSpec; rows: ChartRow[] }>();
    const snapshots: SnapshotRow[] = [];
    lines.forEach((l, i) => {
      const trackId = ids[i]!;
      const group = byChart.get(l.chart.slug) ?? { chart: l.chart, rows: [] };
      group.rows.push({ date: l.date, rank: l.rank, trackId, streams: l.streams });
      byChart.set(l.chart.slug, group);
      if (l.snapshot) snapshots.push({ trackId, observedOn: l.date, source: l.snapshot.source, popularity: l.snapshot.popularity });
    });
    const groups: { chart: ChartRef; rows: ChartRow[] }[] = [];
    for (const { chart, rows } of byChart.values()) {
      let id = chartIds.get(chart.slug);
      if (id === undefined) {
        id = await upsertChart(env.db, chart);
        chartIds.set(chart.slug, id);
        env.count('charts', 1);
      }
      groups.push({ chart: { id, size: chart.size }, rows });
    }
    const dates = new Set<string>();
    for (const { chart, rows } of groups) {
      let seen = '';
      for (const r of rows) if (r.date !== seen) dates.add(`${chart.id}|${(seen = r.date)}`);
    }
    return {
      store: () => {
        // Two batches store side by side only when they share no chart date: a place listed in
        // both must be written in file order.
        const before = last;
        const after = before && [...dates].some((d) => before.dates.has(d)) ? before.stored : null;
        const stored = (async () => {
          await after;
          await writeChartGroups(env.pool, groups);
          env.count('chartEntries', lines.length);
          await writeSnapshots(env.pool, snapshots);
          env.count('snapshots', snapshots.length);
        })();
        last = { dates, stored: stored.catch(() => undefined) };
        return stored;
      },
    };
  };
}
