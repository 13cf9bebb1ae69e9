/**
 * GET /api/v1/charts/{slug}/weeks?limit=&cursor=: a chart's weeks (dates with entries), newest first,
 * with how many songs each lists. Trigger: API clients. Cacheable for an hour; an unknown chart is a 404.
 */
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { chartSlugSchema, chartWeeksParamsSchema } from '@/lib/api/params';
import { parsePathParam, parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { listChartWeeks } from '@/lib/queries/api-lists';
import { listCharts } from '@/lib/queries/charts';

const positionSchema = z.strictObject({ before: z.iso.date() });

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return answer(async () => {
    const { limit, cursor } = parseQuery(new URL(request.url), chartWeeksParamsSchema);
    const slug = parsePathParam((await params).slug, chartSlugSchema, 'chart');
    const db = getDb();
    const chart = (await listCharts(db)).find((c) => c.slug === slug);
    if (!chart) throw new AppError('NOT_FOUND', `No chart "${slug}".`);
    const before = cursor ? decodeCursor(cursor, positionSchema).before : undefined;
    const rows = await listChartWeeks(db, chart.id, { before, limit: limit + 1 });
    const data = rows.slice(0, limit);
    const last = data.at(-1);
    return jsonOk({ chart: chart.slug, data, nextCursor: rows.length > limit && last ? encodeCursor({ before: last.date }) : null });
  });
}
