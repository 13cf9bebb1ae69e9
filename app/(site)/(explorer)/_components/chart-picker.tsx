'use client';

import { useRouter } from 'next/navigation';

interface Option {
  slug: string;
  name: string;
}

/** The chart select; switches chart on change (a plain GET form without JavaScript). */
export function ChartPicker({ charts, current }: { charts: Option[]; current: string }) {
  const router = useRouter();
  return (
    <form action="/" method="get" className="flex items-center gap-2">
      <label htmlFor="chart-picker" className="text-sm text-muted">
        Chart
      </label>
      <select
        id="chart-picker"
        name="chart"
        defaultValue={current}
        onChange={(e) => router.push(`/?chart=${encodeURIComponent(e.target.value)}`)}
        className="h-9 rounded-md border border-border bg-surface px-2 text-sm font-medium focus:border-accent focus:outline-none"
      >
        {charts.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
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
