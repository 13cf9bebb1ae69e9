import Link from 'next/link';
import { explorerHref, type ExplorerFilter, type ExplorerParams } from '@/lib/explorer/params';

const FILTER_LABELS: Record<ExplorerFilter, string> = {
  all: 'All songs',
  last: 'Likely to last',
  fade: 'Likely to fade',
  new: 'New this week',
};

/** Quick filters and the title/artist search; both keep the rest of the URL state. */
export function ExplorerToolbar({ params, chartSlug }: { params: ExplorerParams; chartSlug: string }) {
  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
      <ul aria-label="Quick filters" className="flex flex-wrap gap-1.5">
        {(Object.keys(FILTER_LABELS) as ExplorerFilter[]).map((filter) => {
          const on = params.filter === filter;
          return (
            <li key={filter}>
              <Link
                href={explorerHref(params, { filter })}
                aria-current={on ? 'true' : undefined}
                className={`inline-flex h-8 items-center rounded-full border px-3 text-sm ${
                  on ? 'border-accent bg-accent text-accent-fg' : 'border-border bg-surface hover:bg-surface-2'
                }`}
              >
                {FILTER_LABELS[filter]}
              </Link>
            </li>
          );
        })}
      </ul>
      <form action="/" method="get" role="search" className="flex gap-2">
        <input type="hidden" name="chart" value={chartSlug} />
        {params.filter !== 'all' ? <input type="hidden" name="filter" value={params.filter} /> : null}
        {params.sort !== 'rank' ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.sort !== 'rank' ? <input type="hidden" name="dir" value={params.dir} /> : null}
        <label htmlFor="explorer-search" className="sr-only">
          Search this chart by title or artist
        </label>
        <input
          id="explorer-search"
          name="q"
          type="search"
          defaultValue={params.q ?? ''}
          maxLength={100}
          placeholder="Title or artist"
          className="h-9 w-full rounded-md border border-border bg-surface px-3 text-sm placeholder:text-muted focus:border-accent focus:outline-none lg:w-64"
        />
        <button type="submit" className="h-9 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90">
          Search
        </button>
      </form>
    </div>
  );
}
