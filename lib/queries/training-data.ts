/**
 * Reads the forecast's raw material: weekly charts, each chart's entries sorted by
 * (track, date) in one query, and the metadata of the tracks on them. No per-row queries:
 * rows are built in memory by lib/features/forecast-rows.ts.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { chartEntries, charts, tracks } from '@/lib/db/schema';
import { AUDIO_FEATURES, dayNumber, type TrackMeta } from '@/lib/features/forecast-features';
import type { ChartHistory } from '@/lib/features/forecast-rows';

export interface WeeklyChart {
  id: number;
  slug: string;
  size: number;
}

/** Every weekly chart, or only the one with `slug` (throws when that slug is not a weekly chart). */
export async function listWeeklyCharts(db: Db, slug?: string): Promise<WeeklyChart[]> {
  const rows = await db
    .select({ id: charts.id, slug: charts.slug, size: charts.size })
    .from(charts)
    .where(slug === undefined ? eq(charts.frequency, 'weekly') : and(eq(charts.frequency, 'weekly'), eq(charts.slug, slug)))
    .orderBy(asc(charts.id));
  if (slug !== undefined && rows.length === 0) throw new Error(`no weekly chart with slug "${slug}"`);
  return rows;
}

/** Metadata of every track that has an entry on one of the charts. */
export async function loadTrackMeta(db: Db, chartIds: number[]): Promise<Map<number, TrackMeta>> {
  const meta = new Map<number, TrackMeta>();
  if (chartIds.length === 0) return meta;
  const onCharts = db.selectDistinct({ id: chartEntries.trackId }).from(chartEntries).where(inArray(chartEntries.chartId, chartIds));
  const rows = await db
    .select({
      id: tracks.id,
      primaryArtistId: tracks.primaryArtistId,
      title: tracks.title,
      releaseDate: tracks.releaseDate,
      durationMs: tracks.durationMs,
      explicit: tracks.explicit,
      ...Object.fromEntries(AUDIO_FEATURES.map((k) => [k, tracks[k]])),
    })
    .from(tracks)
    .where(inArray(tracks.id, onCharts));
  for (const row of rows) {
    const r = row as typeof row & Record<(typeof AUDIO_FEATURES)[number], number | null>;
    const audio = AUDIO_FEATURES.map((k) => r[k]);
    meta.set(r.id, {
      primaryArtistId: r.primaryArtistId,
      title: r.title,
      releaseDay: releaseDay(r.releaseDate),
      durationMs: r.durationMs,
      explicit: r.explicit,
      audio: audio.every((v) => v === null) ? null : audio,
    });
  }
  return meta;
}

/** Release dates may be a year or a month only (Spotify's precision); anything unreadable is missing. */
function releaseDay(date: string | null): number | null {
  if (!date) return null;
  try {
    return dayNumber(date.slice(0, 10));
  } catch {
    return null;
  }
}

/**
 * One chart's entries sorted by (track, date), ready for buildChartRows. Where two chart lines
 * resolved to the same track in one week (e.g. two recordings credited alike), the better rank is kept.
 */
export async function loadChartHistory(db: Db, chart: WeeklyChart, trackMeta: ReadonlyMap<number, TrackMeta>): Promise<ChartHistory> {
  const rows = await db
    .select({ trackId: chartEntries.trackId, chartDate: chartEntries.chartDate, rank: chartEntries.rank })
    .from(chartEntries)
    .where(eq(chartEntries.chartId, chart.id))
    .orderBy(asc(chartEntries.trackId), asc(chartEntries.chartDate), asc(chartEntries.rank));
  const trackIds = new Int32Array(rows.length);
  const days = new Int32Array(rows.length);
  const ranks = new Int32Array(rows.length);
  const dayCache = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    let day = dayCache.get(r.chartDate);
    if (day === undefined) dayCache.set(r.chartDate, (day = dayNumber(r.chartDate)));
    if (n > 0 && trackIds[n - 1] === r.trackId && days[n - 1] === day) continue;
    trackIds[n] = r.trackId;
    days[n] = day;
    ranks[n] = r.rank;
    n++;
  }
  return { chartId: chart.id, size: chart.size, trackIds: trackIds.subarray(0, n), days: days.subarray(0, n), ranks: ranks.subarray(0, n), tracks: trackMeta };
}
