import { formatShare } from '@/lib/format';
import type { ThemeMetrics } from '@/lib/themes/theme-registry';

const pct = (v: number | null) => (v === null ? '–' : formatShare(v));

/** The model's cross-validated confusion matrix (rows: true occasion) and per-class precision and recall. */
export function ThemeReport({ metrics }: { metrics: ThemeMetrics }) {
  const { cv, occasions } = metrics;
  const max = Math.max(1, ...cv.confusion.flat());
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <div className="relative overflow-x-auto rounded-xl border border-border bg-surface p-4">
        <table className="text-sm tabular-nums">
          <caption className="mb-2 text-left text-sm font-semibold">Confusion matrix ({metrics.folds}-fold cross-validation)</caption>
          <thead>
            <tr className="text-xs text-muted">
              <th scope="col" className="px-2 py-1 text-left font-medium">True ↓ / predicted →</th>
              {occasions.map((o) => (
                <th key={o} scope="col" className="px-2 py-1 font-medium capitalize">{o}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cv.confusion.map((row, a) => (
              <tr key={occasions[a]}>
                <th scope="row" className="px-2 py-1 text-left font-medium capitalize">{occasions[a]}</th>
                {row.map((count, p) => (
                  <td
                    key={p}
                    className={`px-2 py-1 text-center ${a === p ? 'font-semibold' : ''}`}
                    style={{ background: `color-mix(in srgb, var(--accent) ${Math.round((60 * count) / max)}%, transparent)` }}
                  >
                    {count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="relative overflow-x-auto rounded-xl border border-border bg-surface p-4">
        <table className="w-full text-sm tabular-nums">
          <caption className="mb-2 text-left text-sm font-semibold">Per occasion</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium">Occasion</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">Precision</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">Recall</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">Songs</th>
            </tr>
          </thead>
          <tbody>
            {cv.perClass.map((c, i) => (
              <tr key={occasions[i]} className="border-t border-border">
                <th scope="row" className="px-2 py-1 text-left font-medium capitalize">{occasions[i]}</th>
                <td className="px-2 py-1 text-right">{pct(c.precision)}</td>
                <td className="px-2 py-1 text-right">{pct(c.recall)}</td>
                <td className="px-2 py-1 text-right">{c.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
