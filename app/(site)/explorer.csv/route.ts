/**
 * GET /explorer.csv?chart=&q=&filter=&sort=&dir=: the explorer's current view (all pages) as CSV.
 * Trigger: the "Download CSV" link above the explorer table. Same URL state and queries as `/`.
 */
import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/client';
import { chartSongsCsv } from '@/lib/explorer/csv';
import { chartSongsQuery, loadChartWeek } from '@/lib/explorer/load-explorer';
import { parseExplorerParams } from '@/lib/explorer/params';
import { listChartSongs } from '@/lib/queries/chart-songs';

/** A chart week never lists more songs than this; it bounds the export's size. */
const MAX_ROWS = 1_000;

export async function GET(request: NextRequest) {
  const params = parseExplorerParams(Object.fromEntries(request.nextUrl.searchParams));
  const db = getDb();
  const week = await loadChartWeek(db, params.chart);
  if (week.chart === null) {
    return new Response('No chart data yet: load some with `npm run job -- sample-data`.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { rows } = await listChartSongs(db, chartSongsQuery(week, params, { limit: MAX_ROWS, offset: 0 }));
  return new Response(chartSongsCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="songcast-${week.chart.slug}-${week.chart.latestDate}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
