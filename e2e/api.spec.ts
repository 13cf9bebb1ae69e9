import { expect, test, type APIRequestContext } from '@playwright/test';
import { validate } from '../tests/api/json-schema';

type Doc = {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: Record<string, unknown> } } }> } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/** GETs an /api/v1 URL of the built app and checks its body against the served OpenAPI document. */
async function checked(request: APIRequestContext, doc: Doc, template: string, url: string, status = 200) {
  const response = await request.get(`/api/v1${url}`);
  const body = await response.json();
  expect(response.status(), url).toBe(status);
  const schema = doc.paths[template]!.get.responses[String(status)]!.content['application/json'].schema;
  expect(validate(body, schema, doc.components.schemas), url).toEqual([]);
  if (status === 200) expect(response.headers()['cache-control']).toBe('public, s-maxage=3600, stale-while-revalidate=86400');
  return body;
}

test('the API answers as its OpenAPI document says, on the real sample data', async ({ request }) => {
  const doc = (await (await request.get('/api/v1/openapi.json')).json()) as Doc;
  expect(doc.openapi).toBe('3.1.0');

  const charts = await checked(request, doc, '/charts', '/charts');
  const chart = charts.data[0].slug as string;
  const weeks = await checked(request, doc, '/charts/{slug}/weeks', `/charts/${chart}/weeks?limit=5`);
  expect(weeks.data).toHaveLength(5);
  await checked(request, doc, '/charts/{slug}/weeks', `/charts/${chart}/weeks?limit=5&cursor=${weeks.nextCursor}`);

  const first = await checked(request, doc, '/forecasts', `/forecasts?chart=${chart}&limit=20`);
  expect(first.model).not.toBeNull();
  expect(first.data).toHaveLength(20);
  const second = await checked(request, doc, '/forecasts', `/forecasts?chart=${chart}&limit=20&cursor=${first.nextCursor}`);
  const chances = [...first.data, ...second.data].map((r: { pCharting: number }) => r.pCharting);
  expect(chances).toEqual([...chances].sort((a, b) => b - a));
  await checked(request, doc, '/forecasts', `/forecasts?chart=${chart}&horizon=52&sort=rank&minChance=0.2`);

  const songs = await checked(request, doc, '/songs', '/songs?limit=3');
  await checked(request, doc, '/songs', `/songs?q=${encodeURIComponent(first.data[0].title.slice(0, 4))}`);
  const song = await checked(request, doc, '/songs/{id}', `/songs/${first.data[0].trackId}`);
  expect(song.forecast).not.toBeNull();
  await checked(request, doc, '/songs/{id}', `/songs/${songs.data[0].id}`);
  await checked(request, doc, '/songs/{id}', '/songs/2147483000', 404);

  const models = await checked(request, doc, '/models', '/models?kind=forecast');
  expect(models.data.some((m: { status: string }) => m.status === 'active')).toBe(true);
  await checked(request, doc, '/models', '/models?limit=1', 400);

  // The setup audits its backtest forecasts: three forecast weeks × horizons, newest first.
  const audit = await checked(request, doc, '/audit', '/audit');
  expect(audit.data.map((w: { asOf: string; horizonWeeks: number }) => `${w.asOf}/${w.horizonWeeks}`)).toEqual(['2026-05-21/26', '2025-11-20/52', '2025-11-20/26']);
  await checked(request, doc, '/audit', '/audit?horizon=104', 422);
  await checked(request, doc, '/songs', '/songs?limit=500', 422);
});
