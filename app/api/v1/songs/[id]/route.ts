/**
 * GET /api/v1/songs/{id}?chart=: one song with its chart runs, its weekly score history and latest
 * forecast on one chart (the `chart` slug, 404 when it never was on it; else its best current chart) and its audited forecasts.
 * Trigger: API clients. Cacheable for an hour; an unknown or malformed id is a 404.
 */
import { songIdSchema, songParamsSchema } from '@/lib/api/params';
import { parsePathParam, parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { loadSongCharts } from '@/lib/explorer/load-song';
import { getSong } from '@/lib/queries/songs';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const { chart } = parseQuery(new URL(request.url), songParamsSchema);
    const rawId = (await params).id;
    const id = parsePathParam(rawId, songIdSchema, 'song');
    const db = getDb();
    const [song, charts] = await Promise.all([getSong(db, id), loadSongCharts(db, id, chart)]);
    if (!song) throw new AppError('NOT_FOUND', `No song ${id}.`);
    if (chart !== undefined && charts.run?.slug !== chart) throw new AppError('NOT_FOUND', `Song ${id} has never been on chart "${chart}".`);
    const { runs, run, history, forecast, audits } = charts;
    return jsonOk({ song, charts: runs, chart: run?.slug ?? null, history, forecast, audits });
  });
}
