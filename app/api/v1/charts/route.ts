/** GET /api/v1/charts: every chart with its latest imported week. Trigger: API clients. Cacheable for an hour. */
import { chartsParamsSchema } from '@/lib/api/params';
import { parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { listCharts } from '@/lib/queries/charts';

export function GET(request: Request) {
  return answer(async () => {
    parseQuery(new URL(request.url), chartsParamsSchema);
    return jsonOk({ data: await listCharts(getDb()) });
  });
}
