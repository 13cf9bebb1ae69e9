import type { Metadata } from 'next';
import { connection } from 'next/server';
import { BumpChart } from '@/components/charts/bump-chart';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db/client';
import { formatDate, formatWeek } from '@/lib/format';
import { loadTrends } from '@/lib/trends/load-trends';
import { parseTrendParams, trendsCsvHref } from '@/lib/trends/params';
import { TrendList } from './_components/trend-list';
import { TrendsControls } from './_components/trends-controls';

export const metadata: Metadata = { title: 'Trends' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const places = (n: number) => `${n} place${n === 1 ? '' : 's'}`;
const weeks = (n: number) => `${n} wk${n === 1 ? '' : 's'}`;

/** `/trends`: how this week's top songs on a chart moved over the last N weeks, and who moved most. */
export default async function TrendsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = parseTrendParams(await searchParams);
  const view = await loadTrends(getDb(), params);
  if (view.kind === 'no-data') {
    return (
      <EmptyState heading="h1" title="No chart data yet">
        <p>
          Load the sample with <code className="font-mono">npm run job -- sample-data</code> or import chart files with{' '}
          <code className="font-mono">npm run job -- import</code>, then reload this page.
        </p>
      </EmptyState>
    );
  }
  const { chart, trends } = view;
  const from = trends.dates[0] ?? chart.latestDate;
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-medium text-accent">Latest week: {formatWeek(chart.latestDate)}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">Trends · {chart.name}</h1>
          <p className="mt-1 text-sm text-muted">
            This week’s top {trends.bump.length} over {trends.dates.length} chart weeks ({formatDate(from)} to {formatDate(chart.latestDate)}).
            Hover a song to follow its line.
          </p>
        </div>
        <TrendsControls charts={view.charts.map(({ slug, name }) => ({ slug, name }))} params={{ ...params, chart: chart.slug }} />
      </header>

      <section aria-label="Bump chart" className="rounded-xl border border-border bg-surface p-4">
        {trends.dates.length < 2 ? (
          <p className="text-sm text-muted">This chart has only one week so far: come back next week to see movement.</p>
        ) : (
          <BumpChart dates={trends.dates} songs={trends.bump} chartSize={chart.size} />
        )}
      </section>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TrendList title="Biggest climbers" songs={trends.climbers} empty="Nobody climbed this week." detail={(s) => `▲ ${places((s.previousRank ?? s.rank) - s.rank)}`} />
        <TrendList title="Biggest fallers" songs={trends.fallers} empty="Nobody fell this week." detail={(s) => `▼ ${places(s.rank - (s.previousRank ?? s.rank))}`} />
        <TrendList title="New entries" songs={trends.newEntries} empty="No new songs this week." detail={() => 'debut'} />
        <TrendList title="Re-entries" songs={trends.reEntries} empty="No songs came back this week." detail={(s) => `${weeks(s.weeksOnChart)} in all`} />
        <TrendList title="Longest runs" songs={trends.longestRuns} empty="No songs on the chart." detail={(s) => weeks(s.weeksOnChart)} />
      </div>

      <a href={trendsCsvHref({ ...params, chart: chart.slug })} className="text-sm font-medium text-accent hover:underline" download>
        Download this view as CSV
      </a>
    </div>
  );
}
