/**
 * The OpenAPI 3.1 document of /api/v1, written as a TypeScript object. Response schemas come from the
 * zod schemas the tests check real responses with (z.toJSONSchema, JSON Schema 2020-12 as 3.1 uses);
 * parameters are written here and a test compares them with the handlers' parameter schemas.
 */
import { z } from 'zod';
import * as bodies from './schemas';

const registry = z.registry<{ id: string }>();
const NAMED = {
  Error: bodies.errorBodySchema,
  SongSummary: bodies.songSummarySchema,
  SongsPage: bodies.songsPageSchema,
  SongDetail: bodies.songDetailSchema,
  Chart: bodies.chartSchema,
  ChartList: bodies.chartsListSchema,
  ChartWeeksPage: bodies.chartWeeksPageSchema,
  ForecastsPage: bodies.forecastsPageSchema,
  ModelList: bodies.modelsListSchema,
  AuditList: bodies.auditListSchema,
} as const;
for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id });

type SchemaName = keyof typeof NAMED;
const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

interface Param {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: Record<string, unknown>;
}

const limit: Param = { name: 'limit', in: 'query', description: 'Page size (default 50).', schema: { type: 'integer', minimum: 1, maximum: 200 } };
const cursor: Param = { name: 'cursor', in: 'query', description: '`nextCursor` of the previous page.', schema: { type: 'string', maxLength: 512 } };
const chartSlug = { type: 'string', pattern: '^[a-z0-9][a-z0-9:_-]{0,63}$' };

const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const ERRORS = {
  '400': error('Unknown or repeated query parameter.'),
  '422': error('A parameter has a bad value (type, range, cursor).'),
  '500': error('Unexpected server error.'),
  '503': error('The database is not answering (code UNAVAILABLE); Retry-After says when to ask again.'),
};

function operation(summary: string, parameters: Param[], body: SchemaName, notFound = false) {
  return {
    get: {
      summary,
      parameters,
      responses: {
        '200': {
          description: 'OK. Cache-Control: public, s-maxage=3600, stale-while-revalidate=86400.',
          content: { 'application/json': { schema: ref(body) } },
        },
        ...ERRORS,
        ...(notFound ? { '404': error('Not found.') } : {}),
      },
    },
  };
}

/** The document served at /api/v1/openapi.json. */
export function openApiDocument() {
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // Each component carries its own id and dialect; OpenAPI 3.1 names them by key and defaults the dialect.
  const components = Object.fromEntries(Object.entries(schemas).map(([name, { $id: _id, $schema: _dialect, ...schema }]) => [name, schema]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'songcast API',
      version: '1.0.0',
      description: 'Read-only JSON: songs, their history and forecasts, charts and their weeks, model versions and their metrics, and the audit of published forecasts. Errors are `{ error: { code, message } }`.',
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/songs': operation('Songs in id order, optionally matching a search', [
        { name: 'q', in: 'query', description: 'Text in the title or the artists (1–100 characters).', schema: { type: 'string', minLength: 1, maxLength: 100 } },
        limit,
        cursor,
      ], 'SongsPage'),
      '/songs/{id}': operation('A song with its chart runs, history, latest forecast and audited forecasts', [
        { name: 'id', in: 'path', required: true, description: 'Internal song id.', schema: { type: 'integer', minimum: 1 } },
        { name: 'chart', in: 'query', description: 'Slug of the chart to show history and forecast on.', schema: chartSlug },
      ], 'SongDetail', true),
      '/forecasts': operation("Current forecasts of the songs on a chart's latest week", [
        { name: 'chart', in: 'query', description: 'Chart slug (default: the first global weekly chart).', schema: chartSlug },
        { name: 'horizon', in: 'query', description: 'Weeks ahead (default 26).', schema: { type: 'string', enum: ['26', '52'] } },
        { name: 'minChance', in: 'query', description: 'Least chance (0–1) of still charting.', schema: { type: 'number', minimum: 0, maximum: 1 } },
        { name: 'sort', in: 'query', description: 'chance (default), score (p50) or rank.', schema: { type: 'string', enum: ['chance', 'score', 'rank'] } },
        { name: 'dir', in: 'query', description: 'Default desc, asc for rank.', schema: { type: 'string', enum: ['asc', 'desc'] } },
        limit,
        cursor,
      ], 'ForecastsPage', true),
      '/charts': operation('Every chart with its latest week', [], 'ChartList'),
      '/charts/{slug}/weeks': operation("A chart's weeks, newest first", [
        { name: 'slug', in: 'path', required: true, description: 'Chart slug.', schema: chartSlug },
        limit,
        cursor,
      ], 'ChartWeeksPage', true),
      '/models': operation('Model versions with their metrics and baselines', [
        { name: 'kind', in: 'query', description: 'Only this kind.', schema: { type: 'string', enum: ['forecast', 'theme', 'attributes'] } },
      ], 'ModelList'),
      '/audit': operation('How the published forecasts did once their target week came: per forecast week and horizon, newest first', [
        { name: 'horizon', in: 'query', description: 'Only this horizon, in weeks (default both).', schema: { type: 'string', enum: ['26', '52'] } },
      ], 'AuditList'),
    },
    components: { schemas: components },
  };
}
