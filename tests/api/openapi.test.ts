import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openApiDocument } from '@/lib/api/openapi';
import * as params from '@/lib/api/params';

// Each documented path and the schema its handler parses the query string with.
const HANDLER_PARAMS: Record<string, z.ZodObject> = {
  '/songs': params.songsParamsSchema,
  '/songs/{id}': params.songParamsSchema,
  '/forecasts': params.forecastsParamsSchema,
  '/charts': params.chartsParamsSchema,
  '/charts/{slug}/weeks': params.chartWeeksParamsSchema,
  '/models': params.modelsParamsSchema,
  '/audit': params.auditParamsSchema,
};

describe('openApiDocument', () => {
  const doc = openApiDocument();

  it('documents exactly the query parameters each handler accepts, and every path parameter', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(HANDLER_PARAMS).sort());
    for (const [path, { get }] of Object.entries(doc.paths)) {
      const query = get.parameters.filter((p) => p.in === 'query').map((p) => p.name).sort();
      expect(query, path).toEqual(Object.keys(HANDLER_PARAMS[path]!.shape).sort());
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(get.parameters.filter((p) => p.in === 'path').map((p) => p.name), path).toEqual(inPath);
    }
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
  });
});
