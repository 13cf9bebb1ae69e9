'use client';

import { NavSelect, NoScriptSubmit } from '@/components/ui/nav-select';

/** The chart select; switches chart on change (a plain GET form without JavaScript). */
export function ChartPicker({ charts, current }: { charts: { slug: string; name: string }[]; current: string }) {
  return (
    <form action="/" method="get" className="flex min-w-0 max-w-full items-center gap-2">
      <NavSelect
        id="chart-picker"
        label="Chart"
        name="chart"
        value={current}
        options={charts.map((c) => ({ value: c.slug, label: c.name }))}
        href={(slug) => `/?chart=${encodeURIComponent(slug)}`}
      />
      <NoScriptSubmit />
    </form>
  );
}
