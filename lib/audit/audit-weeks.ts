import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';

/**
 * Recomputes `audit_weeks` (the live audit's sums per forecast week and horizon) from every audited forecast:
 * one set-based statement, run by the audit job after scoring. Audited forecasts are never un-audited, so an
 * upsert of the fresh sums is the whole table; re-running changes nothing.
 */
export async function refreshAuditWeeks(db: Db): Promise<void> {
  await db.execute(sql`
    INSERT INTO audit_weeks (as_of, horizon_weeks, forecasts, abs_error_sum, inside_count, charting_count, p_charting_sum)
    SELECT as_of, horizon_weeks, COUNT(*), SUM(abs_error), SUM(inside_interval), SUM(actual_charting), SUM(p_charting)
    FROM forecasts WHERE audited_at IS NOT NULL GROUP BY as_of, horizon_weeks
    ON DUPLICATE KEY UPDATE forecasts = VALUES(forecasts), abs_error_sum = VALUES(abs_error_sum),
      inside_count = VALUES(inside_count), charting_count = VALUES(charting_count), p_charting_sum = VALUES(p_charting_sum)`);
}
