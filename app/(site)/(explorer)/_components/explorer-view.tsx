import { Pager } from '@/components/site/pager';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import type { ExplorerView as View } from '@/lib/explorer/load-explorer';
import { explorerCsvHref, explorerHref, PAGE_SIZE, type ExplorerParams } from '@/lib/explorer/params';
import { formatAgo, formatWeek } from '@/lib/format';
import { ChartPicker } from './chart-picker';
import { ExplorerToolbar } from './explorer-toolbar';
import { SongsTable } from './songs-table';

/** How to read the table's numbers, below it. */
function ReadingGuide() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
      <span>Chance still charting:</span>
      <span className="inline-flex items-center gap-1.5"><span aria-hidden className="h-1.5 w-4 rounded-full bg-band-high" /> 60% or more</span>
      <span className="inline-flex items-center gap-1.5"><span aria-hidden className="h-1.5 w-4 rounded-full bg-band-mid" /> 30–59%</span>
      <span className="inline-flex items-center gap-1.5"><span aria-hidden className="h-1.5 w-4 rounded-full bg-band-low" /> under 30%</span>
      <span>Score: #1 = 100, off the chart = 0; the median forecast (p50), its 80% range (p10–p90) in small figures.</span>
    </p>
  );
}

/** The explorer for one URL state: the chart week's header, filters, table and pager, or the empty states. */
export function ExplorerView({ params, view }: { params: ExplorerParams; view: View }) {
  if (view.kind === 'no-data') {
    return (
      <EmptyState heading="h1" title="No chart data yet">
        <p>Load the bundled sample (about 2,000 songs over three years), train a model and forecast:</p>
        <pre className="mt-4 overflow-x-auto rounded-lg bg-surface-2 px-4 py-3 text-left font-mono text-xs text-fg">
          {'npm run job -- migrate\nnpm run job -- sample-data\nnpm run job -- train\nnpm run job -- predict'}
        </pre>
        <p className="mt-3">Or import real chart files with <code className="font-mono">npm run job -- import</code>. Then reload this page (this view is kept for a minute).</p>
      </EmptyState>
    );
  }

  const { chart, run } = view;
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-medium text-accent">Latest week: {formatWeek(chart.latestDate)}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{chart.name}</h1>
          <p className="mt-1 text-sm text-muted">
            {view.weekTotal} songs
            {run ? (
              <>
                , forecast by model v{run.version}
                {run.status === 'active' ? '' : ` (${run.status})`}, trained {formatAgo(run.trainedAt)}
              </>
            ) : (
              <>
                . No forecasts for this week yet: run <code className="font-mono">npm run job -- predict</code>.
              </>
            )}
          </p>
        </div>
        <ChartPicker charts={view.charts.map(({ slug, name }) => ({ slug, name }))} current={chart.slug} />
      </header>

      <ExplorerToolbar params={params} chartSlug={chart.slug} />

      {view.rows.length === 0 ? (
        <EmptyState
          title={params.q ? `No songs on this chart match “${params.q}”` : 'No songs match this filter'}
          action={<ButtonLink href={explorerHref(params, { q: undefined, filter: 'all' })}>Show all songs</ButtonLink>}
        >
          {params.page > 1 ? <p>This page is past the end of the list.</p> : <p>Try another filter, or search every song with the box at the top.</p>}
        </EmptyState>
      ) : (
        <>
          <SongsTable rows={view.rows} params={params} chartSlug={chart.slug} />
          <ReadingGuide />
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <a href={explorerCsvHref(params)} className="text-sm font-medium text-accent hover:underline" download>
              Download this view as CSV ({view.total} songs)
            </a>
            <Pager page={params.page} pageSize={PAGE_SIZE} total={view.total} href={(page) => explorerHref(params, { page })} />
          </div>
        </>
      )}
    </div>
  );
}
