import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '@/tests/support/test-db';
import { openAppDb } from './app-db';
import { apiGet } from './call';
import { validate } from './json-schema';
import { SONG_IDS, WEEKS } from './seed';

type Doc = {
  paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: Record<string, unknown> } } }> } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

let app: { t: TestDb; close(): Promise<void> };
let doc: Doc;
beforeAll(async () => {
  app = await openAppDb('api');
  doc = (await (await apiGet('/openapi.json')).json()) as Doc;
});
afterAll(async () => app?.close());

/** The document's path template that a concrete path matches. */
function templateOf(path: string): string {
  const template = Object.keys(doc.paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  if (!template) throw new Error(`${path} is not in the OpenAPI document`);
  return template;
}

/** GETs a path and checks the status and the body against the document's schema for that status. */
async function getChecked(pathAndQuery: string, status = 200): Promise<Record<string, unknown>> {
  const response = await apiGet(pathAndQuery);
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(status);
  const path = pathAndQuery.split('?')[0] ?? '';
  const documented = doc.paths[templateOf(path)]?.get.responses[String(status)];
  expect(documented, `${status} of ${path} is documented`).toBeDefined();
  expect(validate(body, documented!.content['application/json'].schema, doc.components.schemas)).toEqual([]);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe(status === 200 ? 'public, s-maxage=3600, stale-while-revalidate=86400' : 'no-store');
  return body;
}

/** Follows nextCursor to the end, returning every page's data. */
async function allPages(first: string): Promise<{ pages: number; rows: Record<string, unknown>[] }> {
  const rows: Record<string, unknown>[] = [];
  let url: string | null = first;
  let pages = 0;
  while (url) {
    const body = await getChecked(url);
    rows.push(...(body.data as Record<string, unknown>[]));
    pages += 1;
    const next = body.nextCursor as string | null;
    url = next ? `${first}&cursor=${encodeURIComponent(next)}` : null;
  }
  return { pages, rows };
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and its schemas reject a wrong body (so the checks below can fail)', async () => {
    const body = await getChecked('/charts');
    expect(body.data).toHaveLength(2);
    expect((await (await apiGet('/openapi.json')).json()).openapi).toBe('3.1.0');
    const schema = doc.paths['/charts']!.get.responses['200']!.content['application/json'].schema;
    expect(validate({ data: [{ id: '1' }] }, schema, doc.components.schemas).length).toBeGreaterThan(0);
    expect(validate({ data: [], extra: 1 }, schema, doc.components.schemas)).toEqual(['$.extra: not in the schema']);
  });
});

describe('songs', () => {
  it('pages through every song once by cursor, and searches literally', async () => {
    const { pages, rows } = await allPages('/songs?limit=2');
    expect(pages).toBe(4);
    expect(rows.map((r) => r.id)).toEqual(SONG_IDS);
    expect((await getChecked('/songs?q=100%25')).data).toMatchObject([{ id: 3 }]);
    const ann = await allPages('/songs?q=ann&limit=3');
    expect(ann.rows.map((r) => r.id)).toEqual([1, 3, 5, 7]);
  });

  it('gives a song with its runs, history, forecast and audits, and 404 for unknown or malformed ids', async () => {
    const body = await getChecked('/songs/2');
    expect(body).toMatchObject({ song: { id: 2, title: 'Song 2' }, chart: 'test-weekly-global' });
    expect((body.history as unknown[]).length).toBe(3);
    expect(body.forecast).toMatchObject({ asOf: WEEKS[2], modelVersion: 1 });
    expect((body.audits as unknown[]).length).toBe(1);
    expect((await getChecked('/songs/3')).forecast).toBeNull();
    expect((await getChecked('/songs/7?chart=test-weekly-us')).chart).toBe('test-weekly-us');
    await getChecked('/songs/1?chart=test-weekly-us', 404);
    for (const id of ['999', '0', '-1', '1.5', 'abc', '99999999999', "1'%20OR%201=1"]) {
      expect((await getChecked(`/songs/${id}`, 404)).error).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('forecasts', () => {
  it('lists the active model’s current forecasts, sorted, filtered and paged without gaps or repeats', async () => {
    const first = await getChecked('/forecasts');
    expect(first).toMatchObject({ chart: 'test-weekly-global', asOf: WEEKS[2], model: { version: 1, status: 'active' }, horizonWeeks: 26 });
    expect((first.data as { trackId: number }[]).map((r) => r.trackId)).toEqual([1, 4, 5, 2, 6]);
    for (const [query, ids] of [
      ['sort=chance&dir=desc&limit=2', [1, 4, 5, 2, 6]],
      ['sort=chance&dir=asc&limit=2', [6, 2, 4, 5, 1]],
      ['sort=rank&limit=2', [1, 2, 4, 5, 6]],
      ['sort=score&dir=desc&limit=1', [1, 4, 5, 2, 6]],
      ['minChance=0.5&limit=1', [1, 4, 5]],
      ['horizon=52&minChance=0.25&limit=10', [1, 4, 5]],
    ] as const) {
      const { rows } = await allPages(`/forecasts?chart=test-weekly-global&${query}`);
      expect(rows.map((r) => r.trackId), query).toEqual(ids);
    }
    const us = await getChecked('/forecasts?chart=test-weekly-us');
    expect(us).toMatchObject({ chart: 'test-weekly-us', model: null, data: [], nextCursor: null });
  });

  it('refuses a cursor of another query, a forged cursor and an unknown chart', async () => {
    const { nextCursor } = await getChecked('/forecasts?limit=1');
    expect((await getChecked(`/forecasts?limit=1&sort=rank&cursor=${nextCursor}`, 422)).error).toMatchObject({ code: 'INVALID_INPUT' });
    const forged = Buffer.from(JSON.stringify({ id: "1 OR 1=1" })).toString('base64url');
    await getChecked(`/forecasts?cursor=${forged}`, 422);
    await getChecked('/forecasts?chart=no-such-chart', 404);
  });
});

describe('charts and models', () => {
  it('lists a chart’s weeks newest first by cursor, and every model with its metrics', async () => {
    const { rows } = await allPages('/charts/test-weekly-global/weeks?limit=2');
    expect(rows).toEqual([{ date: WEEKS[2], entries: 5 }, { date: WEEKS[1], entries: 3 }, { date: WEEKS[0], entries: 3 }]);
    await getChecked('/charts/nope/weeks', 404);
    await getChecked('/charts/Not%20A%20Slug/weeks', 404);
    const models = (await getChecked('/models?kind=forecast')).data as Record<string, unknown>[];
    expect(models.map((m) => [m.version, m.status])).toEqual([[2, 'candidate'], [1, 'active']]);
    expect(models[1]).toMatchObject({ metrics: { auc: 0.8 }, activatedAt: '2026-01-16T00:00:00.000Z' });
    expect(models[0]).not.toHaveProperty('artifact');
    expect((await getChecked('/models?kind=theme')).data).toEqual([]);
  });
});

describe('audit', () => {
  it('gives the audited forecasts per forecast week and horizon, and only one horizon when asked', async () => {
    // Newest forecast week first.
    const weeks = [
      { asOf: WEEKS[1], horizonWeeks: 26, count: 1, meanAbsError: 41, insideShare: 0, chartingShare: 1, meanPredicted: 0.9 },
      { asOf: WEEKS[0], horizonWeeks: 26, count: 1, meanAbsError: 2, insideShare: 1, chartingShare: 1, meanPredicted: 0.2 },
    ];
    expect((await getChecked('/audit')).data).toEqual(weeks);
    expect((await getChecked('/audit?horizon=26')).data).toEqual(weeks);
    expect((await getChecked('/audit?horizon=52')).data).toEqual([]);
    expect((await getChecked('/audit?horizon=13', 422)).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await getChecked('/audit?chart=x', 400)).error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('bad parameters', () => {
  it('answers 400 for unknown or repeated parameters and 422 for bad values, as JSON errors', async () => {
    for (const url of ['/songs?page=2', '/charts?x=1', '/songs?q=a&q=b', '/models?kind=forecast&kind=theme', '/songs/1?foo=bar']) {
      expect((await getChecked(url, 400)).error, url).toMatchObject({ code: 'BAD_REQUEST' });
    }
    for (const url of ['/songs?limit=201', '/songs?limit=0', '/songs?limit=abc', '/forecasts?horizon=13', '/forecasts?minChance=2', '/forecasts?sort=title', '/models?kind=x', '/songs?cursor=%%%']) {
      expect((await getChecked(url, 422)).error, url).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});
