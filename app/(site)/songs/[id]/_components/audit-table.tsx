'use client';

import { formatDate, formatPercent, formatScore } from '@/lib/format';
import type { AuditedForecast } from '@/lib/queries/forecasts';

/**
 * Past forecasts of the song next to what happened, once the audit job has scored them. A client
 * component although it only renders: the page's RSC payload then carries the rows as data rather than
 * as their markup a second time beside the HTML (up to 50 rows; docs/scaling.md). On a phone the six
 * columns would put the outcome off to the right of a scrolling table, so there each row stacks under
 * its cells' labels (`.audit-table` in globals.css: the markup stays short); the explicit roles keep it
 * a table for assistive technology whatever its display.
 */
export function AuditTable({ audits }: { audits: AuditedForecast[] }) {
  return (
    <section aria-labelledby="audit-heading" className="rounded-xl border border-border bg-surface p-5">
      <h2 id="audit-heading" className="text-base font-semibold">
        Past forecasts vs what happened
      </h2>
      {audits.length === 0 ? (
        <p className="mt-3 text-sm text-muted">
          No forecast of this song has reached its target week yet. Once one does, the weekly audit job scores it and it shows up
          here: what was forecast, what happened, and whether it landed inside the 80% range.
        </p>
      ) : (
        <div className="relative mt-3 overflow-x-auto">
          <table role="table" className="audit-table w-full text-sm sm:min-w-[560px]">
            <thead role="rowgroup" className="text-left text-xs uppercase tracking-wide text-muted max-sm:sr-only">
              <tr role="row">
                <th role="columnheader" scope="col" className="py-2 pr-3 font-medium">Made</th>
                <th role="columnheader" scope="col" className="py-2 pr-3 font-medium">For</th>
                <th role="columnheader" scope="col" className="py-2 pr-3 text-right font-medium">Chance</th>
                <th role="columnheader" scope="col" className="py-2 pr-3 text-right font-medium">Forecast</th>
                <th role="columnheader" scope="col" className="py-2 pr-3 text-right font-medium">Actual</th>
                <th role="columnheader" scope="col" className="py-2 font-medium">Result</th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="divide-y divide-border">
              {audits.map((a) => (
                <tr role="row" key={`${a.chartName}-${a.asOf}-${a.horizonWeeks}-${a.modelVersion}`}>
                  <td role="cell" data-label="Made" className="py-2 pr-3">
                    {formatDate(a.asOf)}
                    <span className="block text-xs text-muted">{a.chartName} · v{a.modelVersion}</span>
                  </td>
                  <td role="cell" data-label="For" className="py-2 pr-3">
                    {formatDate(a.targetDate)}
                    <span className="block text-xs text-muted">+{a.horizonWeeks} weeks</span>
                  </td>
                  <td role="cell" data-label="Chance" className="py-2 pr-3 text-right">
                    {formatPercent(a.pCharting)}
                  </td>
                  <td role="cell" data-label="Forecast" className="py-2 pr-3 text-right">
                    {formatScore(a.p50)}
                    <span className="block text-xs text-muted">
                      {formatScore(a.p10)}–{formatScore(a.p90)}
                    </span>
                  </td>
                  <td role="cell" data-label="Actual" className="py-2 pr-3 text-right font-medium">
                    {formatScore(a.actual)}
                    <span className="block text-xs font-normal text-muted">{a.actual === 0 ? 'off the chart' : 'charting'}</span>
                  </td>
                  <td role="cell" data-label="Result" className="py-2">
                    {a.insideInterval === null ? (
                      <span className="text-muted">–</span>
                    ) : a.insideInterval ? (
                      <span className="text-band-high">✓ inside range</span>
                    ) : (
                      <span className="text-band-low">✗ outside range</span>
                    )}
                    {a.absError !== null ? <span className="block text-xs text-muted">off by {formatScore(a.absError)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
