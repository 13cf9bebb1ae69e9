/**
 * The explorer's default view (`/` without any of its query keys: the main chart's latest week by
 * rank, page 1) is the same for everyone, so it is rendered once and kept for a minute at
 * `/latest/default` (app/(site)/(explorer)/latest/[view]) rather than per request. next.config.ts
 * rewrites `/` there with `defaultViewRewrite`; kept free of other imports so the config can load it.
 */

/** The query keys the explorer reads (lib/explorer/params.ts); it ignores any other. */
export const EXPLORER_QUERY_KEYS = ['chart', 'q', 'filter', 'sort', 'dir', 'page'] as const;
export type ExplorerQueryKey = (typeof EXPLORER_QUERY_KEYS)[number];

export const DEFAULT_VIEW = 'default';
export const DEFAULT_VIEW_PATH = `/latest/${DEFAULT_VIEW}`;

/** `/` with none of the explorer's keys is the default view (a rewrite before the page routes). */
export const defaultViewRewrite = {
  source: '/',
  missing: EXPLORER_QUERY_KEYS.map((key) => ({ type: 'query' as const, key })),
  destination: DEFAULT_VIEW_PATH,
};
