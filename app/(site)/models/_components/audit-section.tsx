import { AuditChart, type AuditPoint } from '@/components/charts/audit-chart';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, formatShare } from '@/lib/format';
import type { AuditWeek } from '@/lib/queries/model-report';

/** Forecast weeks listed before the rest fold away: a year of weekly audits is over a hundred rows. */
export const RECENT_WEEKS = 8;

/** The rows newest forecast week first, split into those of the latest `recent` forecast weeks and the older ones. */
export function splitRecent(weeks: AuditWeek[], recent = RECENT_WEEKS): { latest: AuditWeek[]; older: AuditWeek[] } {
  const newestFirst = [...weeks].sort((a, b) => b.asOf.localeCompare(a.asOf) || a.horizonWeeks - b.horizonWeeks);
  const latestWeeks = new Set<string>();
  const latest: AuditWeek[] = [];
  const older: AuditWeek[] = [];
  for (const w of newestFirst) {
    if (latestWeeks.size < recent) latestWeeks.add(w.asOf);
    (latestWeeks.has(w.asOf) ? latest : older).push(w);
  }
  return { latest, older };
}

/** One chart point per as-of week, the two horizons side by side. */
function toPoints(weeks: AuditWeek[]): AuditPoint[] {
  const byWeek = new Map<string, AuditPoint>();
  for (const w of weeks) {
    const point = byWeek.get(w.asOf) ?? { asOf: w.asOf, insideShare26: null, insideShare52: null };
    if (w.horizonWeeks === 26) point.insideShare26 = w.insideShare;
    if (w.horizonWeeks === 52) point.insideShare52 = w.insideShare;
    byWeek.set(w.asOf, point);
  }
  return [...byWeek.values()];
}

/** Audited forecasts as a table, one row per forecast week and horizon. */
function AuditTable({ rows, caption }: { rows: AuditWeek[]; caption: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium">Forecast of</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Horizon</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Songs</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Mean |error|</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Inside p10–p90</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Still charting</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Predicted chance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={`${w.asOf}-${w.horizonWeeks}`} className="border-t border-border">
              <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">{formatDate(w.asOf)}</th>
              <td className="px-2 py-1.5 text-right">{w.horizonWeeks} wk</td>
              <td className="px-2 py-1.5 text-right">{w.count.toLocaleString('en')}</td>
              <td className="px-2 py-1.5 text-right">{w.meanAbsError.toFixed(1)}</td>
              <td className="px-2 py-1.5 text-right">{formatShare(w.insideShare)}</td>
              <td className="px-2 py-1.5 text-right">{formatShare(w.chartingShare)}</td>
              <td className="px-2 py-1.5 text-right">{formatShare(w.meanPredicted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Live audit: published forecasts whose target week has come, per forecast week and horizon; an empty state until then. */
export function AuditSection({ weeks }: { weeks: AuditWeek[] }) {
  if (weeks.length === 0) {
    return (
      <EmptyState title="Nothing audited yet">
        <p>
          A forecast is audited once its target week (26 or 52 weeks after it was made) is on the chart. Run{' '}
          <code className="font-mono">npm run job -- audit</code> after importing newer chart weeks.
        </p>
      </EmptyState>
    );
  }
  const { latest, older } = splitRecent(weeks);
  return (
    <div className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4">
      <AuditChart points={toPoints(weeks)} />
      <AuditTable rows={latest} caption="Audited forecasts of the latest forecast weeks, per horizon" />
      {older.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-accent">
            Older forecast weeks ({new Set(older.map((w) => w.asOf)).size})
          </summary>
          <AuditTable rows={older} caption="Audited forecasts of the older forecast weeks, per horizon" />
        </details>
      ) : null}
      <p className="text-xs text-muted">Mean |error| is in score points (0–100). A well-calibrated model has about 80% inside p10–p90 and a predicted chance close to the share still charting.</p>
    </div>
  );
}
