/**
 * GET /api/v1/forecasts?chart=&horizon=26|52&minChance=&sort=chance|score|rank&dir=&limit=&cursor=:
 * the current forecasts of the songs on a chart (its latest week, the model the explorer shows), one
 * keyset page at a time. A cursor pins the week and model it started on, so paging through stays
 * consistent across a weekly update. Trigger: API clients. Cacheable for an hour; unknown chart 404.
 * Repeats within 30 s are answered from this process's memory (lib/api/answer-cache.ts).
 */
import { z } from 'zod';
import { createAnswerCache } from '@/lib/api/answer-cache';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { forecastsParamsSchema } from '@/lib/api/params';
import { parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { loadChartWeek } from '@/lib/explorer/load-explorer';
import { listCurrentForecasts, type CurrentForecastRow, type ForecastSort } from '@/lib/queries/api-lists';

const positionSchema = z.strictObject({
  view: z.string(),
  asOf: z.iso.date(),
  modelId: z.number().int().positive(),
  value: z.number(),
  trackId: z.number().int().positive(),
});

const SORT_VALUE: Record<ForecastSort, (row: CurrentForecastRow) => number> = {
  chance: (r) => r.pCharting,
  score: (r) => r.p50,
  rank: (r) => r.rank,
};

const cachedAnswer = createAnswerCache();

export function GET(request: Request) {
  return cachedAnswer(request.url, () => answer(async () => {
    const params = parseQuery(new URL(request.url), forecastsParamsSchema);
    const { horizon, minChance, sort, limit } = params;
    const dir = params.dir ?? (sort === 'rank' ? 'asc' : 'desc');
    const db = getDb();
    const week = await loadChartWeek(db, params.chart);
    const slug = week.chart?.slug ?? week.charts.find((c) => c.slug === params.chart)?.slug;
    if (params.chart !== undefined && slug !== params.chart) throw new AppError('NOT_FOUND', `No chart "${params.chart}".`);
    // The view a cursor belongs to: a cursor from another query is refused rather than misread.
    const view = [slug, horizon, sort, dir, minChance ?? ''].join('|');
    const after = params.cursor ? decodeCursor(params.cursor, positionSchema) : undefined;
    if (after && after.view !== view) throw new AppError('INVALID_INPUT', 'cursor: it belongs to another query (chart, horizon, sort or filter changed).');
    const empty = { chart: slug ?? '', asOf: week.chart?.latestDate ?? null, model: null, horizonWeeks: horizon, data: [], nextCursor: null };
    if (week.chart === null) return jsonOk(empty);
    const { chart, run } = week;
    const asOf = after?.asOf ?? chart.latestDate;
    const modelId = after?.modelId ?? run?.modelId;
    if (modelId === undefined) return jsonOk(empty);
    const rows = await listCurrentForecasts(db, {
      chartId: chart.id,
      asOf,
      modelId,
      horizonWeeks: horizon,
      minChance,
      sort,
      dir,
      after: after && { value: after.value, trackId: after.trackId },
      limit: limit + 1,
    });
    const data = rows.slice(0, limit);
    const last = data.at(-1);
    const model = run?.modelId === modelId ? { version: run.version, status: run.status } : null;
    const nextCursor =
      rows.length > limit && last ? encodeCursor({ view, asOf, modelId, value: SORT_VALUE[sort](last), trackId: last.trackId }) : null;
    return jsonOk({ ...empty, asOf, model, data, nextCursor });
  }));
}
