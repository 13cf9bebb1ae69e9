/**
 * GET /trends/mood/csv?country=&weight=&weeks=&mark=: the mood view's weekly rows as CSV.
 * Trigger: the "Download CSV" link on the mood page.
 */
import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/client';
import { moodCsv } from '@/lib/trends/csv';
import { loadMood } from '@/lib/trends/load-mood';
import { parseMoodParams } from '@/lib/trends/mood-params';

export async function GET(request: NextRequest) {
  const search = request.nextUrl.searchParams;
  const params = parseMoodParams({ country: search.getAll('country'), weight: search.get('weight') ?? undefined, weeks: search.get('weeks') ?? undefined });
  const view = await loadMood(getDb(), params);
  if (view.kind === 'no-data') {
    return new Response('No country charts yet: load some with `npm run job -- sample-data`.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(moodCsv(view.selected, view.weeks, params.weight), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="songcast-mood-${view.selected.map((c) => c.country).join('-')}-${view.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
