'use client';

import { useRouter } from 'next/navigation';
import { TREND_WEEKS, trendsHref, type TrendParams } from '@/lib/trends/params';

const selectClass = 'h-9 rounded-md border border-border bg-surface px-2 text-sm font-medium focus:border-accent focus:outline-none';

/** Chart and window pickers; each change loads the new URL (a plain GET form without JavaScript). */
export function TrendsControls({ charts, params }: { charts: { slug: string; name: string }[]; params: TrendParams & { chart: string } }) {
  const router = useRouter();
  return (
    <form action="/trends" method="get" className="flex flex-wrap items-center gap-3">
      <label htmlFor="trends-chart" className="text-sm text-muted">
        Chart
      </label>
      <select id="trends-chart" name="chart" defaultValue={params.chart} className={selectClass} onChange={(e) => router.push(trendsHref(params, { chart: e.target.value }))}>
        {charts.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor="trends-weeks" className="text-sm text-muted">
        Weeks
      </label>
      <select id="trends-weeks" name="weeks" defaultValue={params.weeks} className={selectClass} onChange={(e) => router.push(trendsHref(params, { weeks: Number(e.target.value) }))}>
        {TREND_WEEKS.map((w) => (
          <option key={w} value={w}>
            last {w}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="h-9 rounded-md border border-border px-3 text-sm">
          Show
        </button>
      </noscript>
    </form>
  );
}
