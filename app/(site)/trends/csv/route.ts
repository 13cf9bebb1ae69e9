/**
 * GET /trends/csv?chart=&weeks=: what `/trends` shows for the same URL state, as CSV.
 * Trigger: the "Download CSV" link on the trends page.
 */
import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/client';
import { trendsCsv } from '@/lib/trends/csv';
import { loadTrends } from '@/lib/trends/load-trends';
import { parseTrendParams } from '@/lib/trends/params';

export async function GET(request: NextRequest) {
  const params = parseTrendParams(Object.fromEntries(request.nextUrl.searchParams));
  const view = await loadTrends(getDb(), params);
  if (view.kind === 'no-data') {
    return new Response('No chart data yet: load some with `npm run job -- sample-data`.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(trendsCsv(view.trends), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="songcast-trends-${view.chart.slug}-${view.chart.latestDate}-${params.weeks}w.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
