/**
 * GET /api/v1/audit?horizon=: how the published forecasts did once their target week came, per forecast
 * week (as-of) and horizon, newest first: songs audited, mean |error|, share inside p10–p90, share still
 * charting and the mean predicted chance (the live audit /models shows, from the audit job's sums).
 * Trigger: API clients. Cacheable for an hour.
 */
import { auditParamsSchema } from '@/lib/api/params';
import { parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { getLiveAudit } from '@/lib/queries/model-report';

export function GET(request: Request) {
  return answer(async () => {
    const { horizon } = parseQuery(new URL(request.url), auditParamsSchema);
    const weeks = await getLiveAudit(getDb());
    const data = weeks.filter((w) => horizon === undefined || w.horizonWeeks === horizon).reverse();
    return jsonOk({ data });
  });
}
