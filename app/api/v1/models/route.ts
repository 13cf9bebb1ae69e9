/**
 * GET /api/v1/models?kind=: every model version (forecast, theme, attributes) with its metrics and its
 * baselines' metrics on the same held-out rows, newest first per kind; never the weights.
 * Trigger: API clients. Cacheable for an hour.
 */
import { modelsParamsSchema } from '@/lib/api/params';
import { parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { listModelVersions } from '@/lib/queries/model-versions';

export function GET(request: Request) {
  return answer(async () => {
    const { kind } = parseQuery(new URL(request.url), modelsParamsSchema);
    const rows = await listModelVersions(getDb());
    const data = rows
      .filter((m) => kind === undefined || m.kind === kind)
      .map((m) => ({ ...m, activatedAt: m.activatedAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString() }));
    return jsonOk({ data });
  });
}
