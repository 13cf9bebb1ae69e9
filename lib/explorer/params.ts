import { z } from 'zod';
import type { ExplorerQueryKey } from './default-view';

export const SORT_KEYS = ['rank', 'move', 'title', 'weeks', 'chance26', 'chance52', 'score26', 'score52'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const FILTERS = ['all', 'last', 'fade', 'new'] as const;
export type ExplorerFilter = (typeof FILTERS)[number];
export const PAGE_SIZE = 50;

/** The direction a column sorts in when first clicked: best first. */
export const DEFAULT_DIR: Record<SortKey, 'asc' | 'desc'> = {
  rank: 'asc',
  move: 'desc',
  title: 'asc',
  weeks: 'desc',
  chance26: 'desc',
  chance52: 'desc',
  score26: 'desc',
  score52: 'desc',
};

// Each field falls back to its default on a bad value, so a hand-edited URL never fails the page.
const explorerParamsSchema = z.object({
  chart: z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined).transform((q) => (q ? q : undefined)),
  filter: z.enum(FILTERS).catch('all'),
  sort: z.enum(SORT_KEYS).catch('rank'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
} satisfies Record<ExplorerQueryKey, z.ZodType>);
export type ExplorerParams = Omit<z.infer<typeof explorerParamsSchema>, 'dir'> & { dir: 'asc' | 'desc' };

type RawParams = Record<string, string | string[] | undefined>;

/** Parses the explorer's searchParams; repeated keys use the first value, bad values their defaults. */
export function parseExplorerParams(raw: RawParams): ExplorerParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = explorerParamsSchema.parse(first);
  return { ...parsed, dir: parsed.dir ?? DEFAULT_DIR[parsed.sort] };
}

/**
 * The explorer URL for `params` with `change` applied; defaults are left out so links stay short.
 * Changing anything but the page goes back to page 1.
 */
export function explorerHref(params: ExplorerParams, change: Partial<ExplorerParams>): string {
  const next = { ...params, ...change };
  if (!('page' in change)) next.page = 1;
  const query = new URLSearchParams();
  if (next.chart) query.set('chart', next.chart);
  if (next.q) query.set('q', next.q);
  if (next.filter !== 'all') query.set('filter', next.filter);
  if (next.sort !== 'rank') query.set('sort', next.sort);
  if (next.dir !== DEFAULT_DIR[next.sort]) query.set('dir', next.dir);
  if (next.page > 1) query.set('page', String(next.page));
  const text = query.toString();
  return text ? `/?${text}` : '/';
}

/** The CSV download of the view (every page of it). */
export function explorerCsvHref(params: ExplorerParams): string {
  return `/explorer.csv${explorerHref(params, { page: 1 }).slice(1)}`;
}
