/**
 * audit — scores forecasts whose target week has arrived against what really happened.
 * Trigger: the weekly order (after update), the admin console. Schedule: weekly; idempotent.
 */
import { z } from 'zod';
import { auditDueForecasts, countPendingAudits } from '@/lib/audit/score-forecasts';
import { defineJob } from './types';

const BATCH = 5_000;

export const auditJob = defineJob({
  name: 'audit',
  summary: 'Score forecasts whose target week has been observed against what happened.',
  help: [
    'For every forecast not yet audited whose target date has chart data, stores the actual score (0 when the song',
    'is off the chart), whether it was still charting, the absolute error of p50 and whether p10–p90 held the',
    'outcome. Forecasts whose target week is not in the database yet stay pending. Re-running changes nothing.',
  ].join('\n'),
  options: {
    today: { type: 'string', description: 'YYYY-MM-DD: audit targets up to this date (default: today)' },
  },
  input: z.object({ today: z.iso.date().optional() }).strict(),
  async run(ctx, input) {
    const today = input.today ?? new Date().toISOString().slice(0, 10);
    const pendingBefore = await countPendingAudits(ctx.db);
    let audited = 0;
    let inside = 0;
    let charting = 0;
    let absError = 0;
    for (;;) {
      const batch = await auditDueForecasts(ctx.db, ctx.pool, { today, limit: BATCH });
      if (batch.length === 0) break;
      audited += batch.length;
      for (const f of batch) {
        inside += f.insideInterval ? 1 : 0;
        charting += f.actualCharting ? 1 : 0;
        absError += f.absError;
      }
      ctx.progress(audited, pendingBefore, 'scoring');
    }
    return {
      audited,
      stillPending: pendingBefore - audited,
      coverage: audited ? inside / audited : null,
      stillChartingRate: audited ? charting / audited : null,
      meanAbsError: audited ? absError / audited : null,
    };
  },
});
