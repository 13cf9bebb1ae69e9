/**
 * audit — scores forecasts whose target week has arrived against what really happened, then publishes
 * each song's latest audit retained to `<prefix>/audits/<song>`.
 * Trigger: the weekly order (after update), the admin console. Schedule: weekly; idempotent.
 */
import { z } from 'zod';
import { refreshAuditWeeks } from '@/lib/audit/audit-weeks';
import { publishAudits } from '@/lib/audit/publish-audits';
import { auditDueForecasts, countPendingAudits } from '@/lib/audit/score-forecasts';
import { publishSettingsFromEnv } from './publish';
import { defineJob } from './types';

const BATCH = 5_000;

export const auditJob = defineJob({
  name: 'audit',
  summary: 'Score forecasts whose target week has been observed against what happened.',
  help: [
    'For every forecast not yet audited whose target date has chart data, stores the actual score (0 when the song',
    'is off the chart), whether it was still charting, the absolute error of p50 and whether p10–p90 held the',
    'outcome. Forecasts whose target week is not in the database yet stay pending. The sums per forecast week',
    'and horizon that /models and /api/v1/audit show are then recomputed. Then each song with new',
    'audits gets its latest one published retained, QoS 1, to <prefix>/audits/<song> on MQTT_URL; rows are',
    'marked only on the broker\'s acknowledgement, so audits a failed run could not send go out with the next.',
    'Re-running changes nothing.',
  ].join('\n'),
  options: {
    today: { type: 'string', description: 'YYYY-MM-DD: audit targets up to this date (default: today)' },
    'skip-publish': { type: 'boolean', description: 'score only; leave the MQTT messages for a later run' },
  },
  input: z.object({ today: z.iso.date().optional(), 'skip-publish': z.boolean().default(false) }).strict(),
  async run(ctx, input) {
    const today = input.today ?? new Date().toISOString().slice(0, 10);
    // The progress bar's whole is what this run may score; later targets are pending but not this run's work.
    const { pending: pendingBefore, due } = await countPendingAudits(ctx.db, today);
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
      ctx.progress(audited, due, 'scoring');
    }
    // The per-week sums /models and /api/v1/audit read; recomputed whole, so a run that died after scoring heals here.
    ctx.progress(audited, due, 'summing the audit per week');
    await refreshAuditWeeks(ctx.db);
    ctx.progress(audited, due, 'publishing audits');
    const published = input['skip-publish'] ? null : await publishAudits(ctx.db, publishSettingsFromEnv(false));
    return {
      audited,
      auditsPublished: published?.published ?? 0,
      stillPending: pendingBefore - audited,
      coverage: audited ? inside / audited : null,
      stillChartingRate: audited ? charting / audited : null,
      meanAbsError: audited ? absError / audited : null,
    };
  },
});
