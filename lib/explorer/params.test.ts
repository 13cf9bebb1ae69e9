import { describe, expect, it } from 'vitest';
import { explorerCsvHref, explorerHref, parseExplorerParams } from './params';

describe('parseExplorerParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseExplorerParams({})).toEqual({ chart: undefined, q: undefined, filter: 'all', sort: 'rank', dir: 'asc', page: 1 });
  });

  it('keeps valid values and uses the first of repeated keys', () => {
    const p = parseExplorerParams({ chart: 'spotify-weekly-us', q: ' golden ', filter: 'fade', sort: 'chance26', page: ['3', '9'] });
    expect(p).toEqual({ chart: 'spotify-weekly-us', q: 'golden', filter: 'fade', sort: 'chance26', dir: 'desc', page: 3 });
  });

  it('falls back field by field on bad values instead of failing', () => {
    const p = parseExplorerParams({ chart: 'DROP TABLE', filter: 'x', sort: 'nope', dir: 'up', page: '-2', q: '' });
    expect(p).toEqual({ chart: undefined, q: undefined, filter: 'all', sort: 'rank', dir: 'asc', page: 1 });
    expect(parseExplorerParams({ page: '1.5' }).page).toBe(1);
    expect(parseExplorerParams({ page: 'abc' }).page).toBe(1);
  });
});

describe('explorerHref', () => {
  const base = parseExplorerParams({ chart: 'c1', q: 'rain', page: '4' });

  it('leaves defaults out and resets the page when something else changes', () => {
    expect(explorerHref(base, { filter: 'last' })).toBe('/?chart=c1&q=rain&filter=last');
    expect(explorerHref(parseExplorerParams({}), {})).toBe('/');
  });

  it('keeps the page when the page is what changes, and writes a non-default direction', () => {
    expect(explorerHref(base, { page: 5 })).toBe('/?chart=c1&q=rain&page=5');
    expect(explorerHref(base, { sort: 'weeks', dir: 'asc' })).toBe('/?chart=c1&q=rain&sort=weeks&dir=asc');
  });
});

describe('explorerCsvHref', () => {
  it('carries the view but not the page', () => {
    expect(explorerCsvHref(parseExplorerParams({ chart: 'c1', filter: 'new', page: '3' }))).toBe('/explorer.csv?chart=c1&filter=new');
    expect(explorerCsvHref(parseExplorerParams({}))).toBe('/explorer.csv');
  });
});
