import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { auditWeeks } from '@/lib/db/schema';
import { formatDecimal, formatMs, formatShare } from '@/lib/format';
import type { ModelVersionRow } from '@/lib/queries/model-versions';

/** The forecast horizons the report shows, in weeks (as stored in the metrics JSON keys). */
export const REPORT_HORIZONS = ['26', '52'] as const;
export type ReportHorizon = (typeof REPORT_HORIZONS)[number];

/** Rows of the metrics table: the model first, then the baselines in training's order. */
export const REPORT_ROWS = [
  { key: 'model', label: 'Model' },
  { key: 'baseRate', label: 'Base rate' },
  { key: 'persistence', label: 'Persistence' },
  { key: 'zero', label: 'Predict 0' },
  { key: 'logisticRank', label: 'Logistic on rank' },
] as const;
export type ReportRowKey = (typeof REPORT_ROWS)[number]['key'];

// NaN metrics are stored as JSON null; a field an older version did not write reads as null too.
const metric = z.number().nullable().catch(null);
const bin = z.object({ lo: z.number(), hi: z.number(), count: z.number(), meanPredicted: z.number(), observedRate: z.number() });
const scoreBin = z.object({ lo: z.number(), hi: z.number(), count: z.number(), meanPredicted: z.number(), meanActual: z.number() });
const horizonSchema = z.object({
  rows: metric,
  baseRate: metric,
  auc: metric,
  brierSkill: metric,
  maeP50: metric,
  rmseP50: metric,
  rmseMean: metric,
  coverage: metric,
  coverageNonZero: metric,
  intervalScore: metric,
  calibration: z.array(bin).catch([]),
  predictedVsActual: z.array(scoreBin).catch([]),
});
export type HorizonReport = z.infer<typeof horizonSchema>;
export type CalibrationPoint = z.infer<typeof bin>;
export type ScoreBinPoint = z.infer<typeof scoreBin>;

const importanceSchema = z.object({ group: z.string(), aucDrop: metric, brierRise: metric, maeRise: metric });
const importanceReport = z
  .object({ importance: z.record(z.string(), z.array(importanceSchema).catch([])).catch({}) })
  .catch({ importance: {} });

/** One feature group's permutation importance, keyed by horizon ("26"): AUC drop, Brier and MAE-of-p50 rises. */
export interface ImportanceBar {
  group: string;
  aucDrop: Partial<Record<ReportHorizon, number | null>>;
  brierRise: Partial<Record<ReportHorizon, number | null>>;
  maeRise: Partial<Record<ReportHorizon, number | null>>;
}

/**
 * The permutation importance stored with a forecast model (`metrics.importance`), one entry per
 * feature group, ordered by the largest AUC drop over the horizons; [] when the version has none.
 */
export function readImportance(metrics: unknown): ImportanceBar[] {
  const stored = importanceReport.parse(metrics).importance;
  const bars = new Map<string, ImportanceBar>();
  for (const h of REPORT_HORIZONS) {
    for (const row of stored[h] ?? []) {
      const bar = bars.get(row.group) ?? { group: row.group, aucDrop: {}, brierRise: {}, maeRise: {} };
      bar.aucDrop[h] = row.aucDrop;
      bar.brierRise[h] = row.brierRise;
      bar.maeRise[h] = row.maeRise;
      bars.set(row.group, bar);
    }
  }
  const top = (b: ImportanceBar) => Math.max(...REPORT_HORIZONS.map((h) => b.aucDrop[h] ?? -Infinity));
  return [...bars.values()].sort((a, b) => top(b) - top(a));
}

const modelHorizons = z.object({ horizons: z.record(z.string(), z.unknown()).catch({}) }).catch({ horizons: {} });

/** One horizon's metrics of a stored report, or null when that horizon is missing or unreadable. */
function readHorizon(value: unknown): HorizonReport | null {
  const parsed = horizonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Per horizon: the model's and each baseline's metrics (null where the stored report lacks them). */
export type MetricsReport = Record<ReportHorizon, Record<ReportRowKey, HorizonReport | null>>;

/**
 * Reads a forecast model's `metrics` and `baseline_metrics` JSON (shape in docs/forecast.md) into
 * per-horizon rows for the model and the four baselines.
 */
export function readMetricsReport(metrics: unknown, baselineMetrics: unknown): MetricsReport {
  const model = modelHorizons.parse(metrics).horizons;
  const baselines = modelHorizons.parse(baselineMetrics).horizons;
  const out = {} as MetricsReport;
  for (const h of REPORT_HORIZONS) {
    const base = z.record(z.string(), z.unknown()).catch({}).parse(baselines[h]);
    out[h] = {
      model: readHorizon(model[h]),
      baseRate: readHorizon(base.baseRate),
      persistence: readHorizon(base.persistence),
      zero: readHorizon(base.zero),
      logisticRank: readHorizon(base.logisticRank),
    };
  }
  return out;
}

/** The forecast version to report on: `?version=N` when it exists, else the active one, else the newest. */
export function pickVersion(versions: readonly ModelVersionRow[], requested: number | null): ModelVersionRow | null {
  const forecastVersions = versions.filter((v) => v.kind === 'forecast');
  return (
    (requested !== null ? forecastVersions.find((v) => v.version === requested) : undefined) ??
    forecastVersions.find((v) => v.status === 'active') ??
    forecastVersions[0] ??
    null
  );
}

/** One labelled figure of a model's report, formatted, with what it is measured against. */
export interface ModelFigure {
  label: string;
  value: string;
  against?: string;
}

const num = z.number().finite();
const optional = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const themeReport = z.object({
  folds: optional(num),
  cv: optional(z.object({ accuracy: num })),
  occasions: optional(z.array(z.string())),
});
const themeBaseline = z.object({ majorityAccuracy: optional(num) });
const scores = z.object({ r2: num, mae: num });
const attributesReport = z.object({
  r2: optional(num),
  mae: optional(num),
  coverage80: optional(num),
  testRows: optional(num),
});
const attributesBaseline = z.object({ mean: optional(scores), linear: optional(scores) });
const timing = z.object({ inferenceMs: optional(z.object({ p95: num.nullable() })) });

const joined = (parts: (string | null)[]) => parts.filter((p) => p !== null).join(' · ') || undefined;

/** An attributes model's figure beside the same figure of its two baselines ("linear model 0.074 · always the average −0.013"). */
function againstAttributeBaselines(b: z.infer<typeof attributesBaseline>, key: keyof z.infer<typeof scores>, digits: number): string | undefined {
  return joined([
    b.linear ? `linear model ${formatDecimal(b.linear[key], digits)}` : null,
    b.mean ? `always the average ${formatDecimal(b.mean[key], digits)}` : null,
  ]);
}

const FORECAST_FIGURES = [
  { key: 'auc', label: 'AUC', format: (v: number) => v.toFixed(3) },
  { key: 'brierSkill', label: 'Brier skill', format: (v: number) => formatDecimal(v, 3) },
  { key: 'rmseMean', label: 'RMSE of the mean', format: (v: number) => v.toFixed(2) },
  { key: 'coverage', label: 'Inside p10–p90', format: formatShare },
  { key: 'intervalScore', label: 'Interval score', format: (v: number) => v.toFixed(2) },
] as const;

/** A forecast model's test figures per horizon, each beside logistic on rank (the strongest simple baseline). */
function forecastFigures(metrics: unknown, baseline: unknown): (ModelFigure | null)[] {
  const report = readMetricsReport(metrics, baseline);
  return REPORT_HORIZONS.flatMap((h) =>
    FORECAST_FIGURES.map(({ key, label, format }) => {
      const value = report[h].model?.[key];
      const rank = report[h].logisticRank?.[key];
      if (value === null || value === undefined) return null;
      return {
        label: `${label}, ${h} weeks`,
        value: format(value),
        against: key === 'coverage' ? 'target 80%' : rank === null || rank === undefined ? undefined : `logistic on rank ${format(rank)}`,
      };
    }),
  );
}

/**
 * The headline figures of a model of any kind, each beside what it is measured against, read from its
 * stored metrics and baseline JSON. A figure an older report lacks is left out.
 */
export function modelFigures(kind: ModelVersionRow['kind'], metrics: unknown, baseline: unknown): ModelFigure[] {
  const out: (ModelFigure | null)[] = [];
  if (kind === 'forecast') {
    out.push(...forecastFigures(metrics, baseline));
  } else if (kind === 'theme') {
    const m = themeReport.catch({}).parse(metrics);
    const b = themeBaseline.catch({}).parse(baseline);
    out.push(
      m.cv
        ? {
            label: m.folds ? `Accuracy (${m.folds}-fold cross-validation)` : 'Accuracy (cross-validation)',
            value: formatShare(m.cv.accuracy),
            against: joined([b.majorityAccuracy === undefined ? null : `always the commonest occasion ${formatShare(b.majorityAccuracy)}`]),
          }
        : null,
      m.occasions ? { label: 'Occasions', value: String(m.occasions.length), against: m.occasions.join(', ') } : null,
    );
  } else {
    const m = attributesReport.catch({}).parse(metrics);
    const b = attributesBaseline.catch({}).parse(baseline);
    const on = m.testRows ? ` (${m.testRows.toLocaleString('en')} newer songs)` : '';
    out.push(
      m.r2 === undefined
        ? null
        : {
            label: `R²${on}`,
            value: formatDecimal(m.r2, 3),
            against: againstAttributeBaselines(b, 'r2', 3),
          },
      m.mae === undefined
        ? null
        : {
            label: 'Mean error (popularity points)',
            value: formatDecimal(m.mae, 1),
            against: againstAttributeBaselines(b, 'mae', 1),
          },
      m.coverage80 === undefined ? null : { label: 'Inside the 80% interval', value: formatShare(m.coverage80), against: 'target 80%' },
    );
  }
  const p95 = timing.catch({}).parse(metrics).inferenceMs?.p95;
  out.push(p95 == null ? null : { label: 'Time per song (p95)', value: formatMs(p95) });
  return out.filter((f): f is ModelFigure => f !== null);
}

/** One as-of week and horizon of audited forecasts. Shares are 0–1. */
export interface AuditWeek {
  asOf: string;
  horizonWeeks: number;
  count: number;
  /** Mean |actual − p50| in score points (0–100). */
  meanAbsError: number;
  /** Share of outcomes inside the p10–p90 interval. */
  insideShare: number;
  /** Share of songs still on the chart at the target week. */
  chartingShare: number;
  /** Mean predicted chance of still charting. */
  meanPredicted: number;
}

/** The audited forecasts per as-of week and horizon, oldest week first, from the audit job's sums (`audit_weeks`). */
export async function getLiveAudit(db: Db): Promise<AuditWeek[]> {
  const rows = await db.select().from(auditWeeks).orderBy(auditWeeks.asOf, auditWeeks.horizonWeeks);
  return rows.map((r) => ({
    asOf: r.asOf,
    horizonWeeks: r.horizonWeeks,
    count: r.forecasts,
    meanAbsError: r.absErrorSum / r.forecasts,
    insideShare: r.insideCount / r.forecasts,
    chartingShare: r.chartingCount / r.forecasts,
    meanPredicted: r.pChartingSum / r.forecasts,
  }));
}
