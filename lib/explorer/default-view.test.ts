import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_PATH, defaultViewRewrite, EXPLORER_QUERY_KEYS, type ExplorerQueryKey } from './default-view';
import { explorerHref, parseExplorerParams } from './params';

const DEFAULT = parseExplorerParams({});
/** For each key, a value showing something other than the default view. */
const OTHER: Record<ExplorerQueryKey, string> = { chart: 'spotify-weekly-us', q: 'rain', filter: 'new', sort: 'title', dir: 'desc', page: '2' };

describe('the default view rewrite (next.config.ts)', () => {
  it('sends only `/` without any explorer key to the kept default view', () => {
    expect(defaultViewRewrite).toMatchObject({ source: '/', destination: DEFAULT_VIEW_PATH });
    expect(defaultViewRewrite.missing.map((m) => m.key).sort()).toEqual([...EXPLORER_QUERY_KEYS].sort());
  });

  it('lists every key that changes what the explorer shows, so such a query is rendered per request', () => {
    for (const key of EXPLORER_QUERY_KEYS) expect(parseExplorerParams({ [key]: OTHER[key] }), key).not.toEqual(DEFAULT);
  });

  it('may serve the default view for other keys, which the explorer ignores', () => {
    expect(parseExplorerParams({ utm_source: 'x', debug: 'true' })).toEqual(DEFAULT);
  });

  it('is where the explorer’s own links to its default view lead', () => {
    expect(explorerHref(parseExplorerParams({ filter: 'new', page: '3' }), { filter: 'all' })).toBe('/');
  });
});
