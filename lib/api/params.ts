/** The query parameters of each /api/v1 endpoint (strict: parseQuery refuses any other). */
import { z } from 'zod';
import { MODEL_KINDS } from '@/lib/db/schema';
import { FORECAST_SORTS } from '@/lib/queries/api-lists';
import { cursorParam, limitParam } from './cursor';

/** A chart's slug, as the charts table stores them. */
export const chartSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/, 'not a chart slug');

/** Internal song ids: positive integers written plainly. */
export const songIdSchema = z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).pipe(z.number().int().max(2_147_483_647));

export const songsParamsSchema = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  limit: limitParam,
  cursor: cursorParam,
});

export const songParamsSchema = z.object({ chart: chartSlugSchema.optional() });

export const chartsParamsSchema = z.object({});

export const chartWeeksParamsSchema = z.object({ limit: limitParam, cursor: cursorParam });

/** A forecast horizon in weeks, as the query string writes it. */
const horizonParam = z.enum(['26', '52']).transform((h) => (h === '26' ? 26 : 52) as 26 | 52);

export const forecastsParamsSchema = z.object({
  chart: chartSlugSchema.optional(),
  horizon: horizonParam.default(26),
  minChance: z
    .string()
    .regex(/^\d(\.\d{1,6})?$/, 'a number from 0 to 1')
    .transform(Number)
    .pipe(z.number().min(0).max(1))
    .optional(),
  sort: z.enum(FORECAST_SORTS).default('chance'),
  dir: z.enum(['asc', 'desc']).optional(),
  limit: limitParam,
  cursor: cursorParam,
});

export const modelsParamsSchema = z.object({ kind: z.enum(MODEL_KINDS).optional() });

export const auditParamsSchema = z.object({ horizon: horizonParam.optional() });
