import { formatDecimal, formatShare } from '@/lib/format';
import { REPORT_ROWS, type HorizonReport, type ReportRowKey } from '@/lib/queries/model-report';

type Column = {
  key: keyof Omit<HorizonReport, 'calibration' | 'predictedVsActual' | 'rows' | 'baseRate'>;
  label: string;
  hint: string;
  /** Picks the best of the values: highest, lowest, or closest to the nominal 80% of a p10–p90 interval. */
  best: 'max' | 'min' | 'nominal';
  format: (v: number) => string;
};

const COLUMNS: Column[] = [
  { key: 'auc', label: 'AUC', hint: 'ranking of still-charting songs; higher is better', best: 'max', format: (v) => v.toFixed(3) },
  { key: 'brierSkill', label: 'Brier skill', hint: 'above 0 beats the base rate', best: 'max', format: (v) => formatDecimal(v, 3) },
  { key: 'maeP50', label: 'MAE p50', hint: 'score points; lower is better', best: 'min', format: (v) => v.toFixed(2) },
  { key: 'rmseP50', label: 'RMSE p50', hint: 'score points; lower is better', best: 'min', format: (v) => v.toFixed(2) },
  { key: 'rmseMean', label: 'RMSE mean', hint: 'of the expected score, in score points; lower is better', best: 'min', format: (v) => v.toFixed(2) },
  { key: 'coverage', label: 'p10–p90 cover', hint: 'share inside the interval; 80% is right', best: 'nominal', format: formatShare },
  { key: 'coverageNonZero', label: 'Cover, charting', hint: 'the same over songs still on the chart', best: 'nominal', format: formatShare },
  { key: 'intervalScore', label: 'Interval score', hint: 'width plus misses; lower is better', best: 'min', format: (v) => v.toFixed(2) },
];

/** Distance from "best" (0 is best) so one comparison serves every column. */
function badness(column: Column, v: number): number {
  if (column.best === 'max') return -v;
  if (column.best === 'min') return v;
  return Math.abs(v - 0.8);
}

/** The row key(s) holding the best value of a column (ties all win); none when no row has a value. */
function bestRows(column: Column, rows: Record<ReportRowKey, HorizonReport | null>): Set<ReportRowKey> {
  let best = Infinity;
  const winners = new Set<ReportRowKey>();
  for (const { key } of REPORT_ROWS) {
    const v = rows[key]?.[column.key];
    if (v === null || v === undefined) continue;
    const b = badness(column, v);
    if (b < best - 1e-12) {
      best = b;
      winners.clear();
    }
    if (Math.abs(b - best) <= 1e-12) winners.add(key);
  }
  return winners;
}

/** One horizon's test-set metrics of the model beside the four baselines, the best value per column highlighted. */
export function MetricsTable({ horizon, rows }: { horizon: string; rows: Record<ReportRowKey, HorizonReport | null> }) {
  const best = new Map(COLUMNS.map((c) => [c.key, bestRows(c, rows)]));
  const model = rows.model;
  return (
    <div className="relative overflow-x-auto rounded-xl border border-border bg-surface p-4">
      <table className="w-full text-sm tabular-nums">
        <caption className="mb-2 text-left text-sm font-semibold">
          {horizon} weeks ahead
          {model?.rows != null ? (
            <span className="font-normal text-muted">
              {' '}· {model.rows.toLocaleString('en')} test songs{model.baseRate != null ? `, ${formatShare(model.baseRate)} still charting` : ''}
            </span>
          ) : null}
        </caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium">Predictor</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" title={c.hint} className="px-2 py-1 text-right font-medium whitespace-nowrap">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {REPORT_ROWS.map(({ key, label }) => (
            <tr key={key} className={`border-t border-border ${key === 'model' ? 'font-semibold' : ''}`}>
              <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">{label}</th>
              {COLUMNS.map((c) => {
                const v = rows[key]?.[c.key];
                const isBest = best.get(c.key)?.has(key) ?? false;
                return (
                  <td key={c.key} className={`px-2 py-1.5 text-right ${isBest ? 'rounded bg-accent-soft text-fg' : ''}`}>
                    {v === null || v === undefined ? <span className="text-muted">–</span> : c.format(v)}
                    {isBest ? <span className="sr-only"> (best)</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted">Highlighted: the best value in each column (coverage: closest to 80%). A dash: not defined for that predictor on this test set.</p>
    </div>
  );
}
