'use client';

import { NavSelect, NoScriptSubmit } from '@/components/ui/nav-select';
import { TREND_WEEKS, trendsHref, type TrendParams } from '@/lib/trends/params';

/** Chart and window pickers; each change loads the new URL (a plain GET form without JavaScript). */
export function TrendsControls({ charts, params }: { charts: { slug: string; name: string }[]; params: TrendParams & { chart: string } }) {
  return (
    <form action="/trends" method="get" className="flex flex-wrap items-center gap-3">
      <NavSelect
        id="trends-chart"
        label="Chart"
        name="chart"
        value={params.chart}
        options={charts.map((c) => ({ value: c.slug, label: c.name }))}
        href={(chart) => trendsHref(params, { chart })}
      />
      <NavSelect
        id="trends-weeks"
        label="Weeks"
        name="weeks"
        value={params.weeks}
        options={TREND_WEEKS.map((w) => ({ value: w, label: `last ${w}` }))}
        href={(weeks) => trendsHref(params, { weeks: Number(weeks) })}
      />
      <NoScriptSubmit />
    </form>
  );
}
