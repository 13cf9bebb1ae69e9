/** One number of a metrics report, with the path that leads to it ("26 · auc"). */
export interface MetricEntry {
  key: string;
  value: number;
}

const MAX_DEPTH = 4;

/**
 * The finite numbers of a metrics report of any shape, in key order, with their
 * paths; arrays (calibration bins, curves) are left out: they do not fit a table cell.
 */
export function flattenMetrics(report: unknown, prefix = '', depth = 0): MetricEntry[] {
  if (typeof report === 'number') return Number.isFinite(report) ? [{ key: prefix || 'value', value: report }] : [];
  if (!report || typeof report !== 'object' || Array.isArray(report) || depth >= MAX_DEPTH) return [];
  return Object.entries(report as Record<string, unknown>).flatMap(([k, v]) => flattenMetrics(v, prefix ? `${prefix} · ${k}` : k, depth + 1));
}

/** Metric rows for several versions side by side: the union of keys, in first-seen order. */
export function sideBySide(reports: unknown[]): { key: string; values: (number | null)[] }[] {
  const flat = reports.map((r) => new Map(flattenMetrics(r).map((e) => [e.key, e.value])));
  const keys = [...new Set(flat.flatMap((m) => [...m.keys()]))];
  return keys.map((key) => ({ key, values: flat.map((m) => m.get(key) ?? null) }));
}

/** Up to four significant decimals, no trailing noise. */
export function formatMetric(value: number | null): string {
  if (value === null) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(4)).toString();
}
