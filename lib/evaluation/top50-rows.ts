/**
 * Forecast rows from the daily Spotify Top-50 charts: each market's chart sampled every
 * 7 days from its first day (so 26/52 "weeks" are +182/+364 days), with the score being
 * that day's Spotify popularity (0–100) while the song is in the Top 50, 0 when it is not.
 */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { chartEntries, charts, popularitySnapshots } from '@/lib/db/schema';
import { dayNumber } from '@/lib/features/forecast-features';
import { buildChartRows, concatRows, type ForecastRows } from '@/lib/features/forecast-rows';
import { loadTrackMeta } from '@/lib/queries/training-data';

/** Slugs of the daily Top-50 charts the top50 importer writes. */
export const TOP50_SLUGS = 'spotify-top50-daily-%';

/** Rows of every imported Top-50 market; throws when none was imported. */
export async function loadTop50Rows(db: Db): Promise<ForecastRows> {
  const list = await db
    .select({ id: charts.id, slug: charts.slug, size: charts.size, country: charts.country })
    .from(charts)
    .where(like(charts.slug, TOP50_SLUGS))
    .orderBy(asc(charts.id));
  if (list.length === 0) throw new Error('no Spotify Top-50 chart was imported');
  const meta = await loadTrackMeta(db, list.map((c) => c.id));
  const parts: ForecastRows[] = [];
  for (const chart of list) {
    const entries = await db
      .select({ trackId: chartEntries.trackId, chartDate: chartEntries.chartDate, rank: chartEntries.rank, popularity: popularitySnapshots.popularity })
      .from(chartEntries)
      .leftJoin(
        popularitySnapshots,
        and(
          eq(popularitySnapshots.trackId, chartEntries.trackId),
          eq(popularitySnapshots.observedOn, chartEntries.chartDate),
          eq(popularitySnapshots.source, sql`${`top50:${chart.country}`}`),
        ),
      )
      .where(eq(chartEntries.chartId, chart.id))
      .orderBy(asc(chartEntries.trackId), asc(chartEntries.chartDate), asc(chartEntries.rank));
    const days = entries.map((e) => dayNumber(e.chartDate));
    const first = Math.min(...days);
    // Every 7th day; one line per (track, day), the better rank, when two lines resolved to one track.
    const keep = entries.flatMap((e, i) =>
      ((days[i] as number) - first) % 7 === 0 && e.popularity !== null && !(i > 0 && entries[i - 1]!.trackId === e.trackId && days[i - 1] === days[i]) ? [i] : [],
    );
    if (keep.length === 0) continue;
    parts.push(
      buildChartRows({
        chartId: chart.id,
        size: chart.size,
        trackIds: Int32Array.from(keep, (i) => entries[i]!.trackId),
        days: Int32Array.from(keep, (i) => days[i] as number),
        ranks: Int32Array.from(keep, (i) => entries[i]!.rank),
        scores: Float32Array.from(keep, (i) => entries[i]!.popularity as number),
        tracks: meta,
      }),
    );
  }
  return concatRows(parts);
}
