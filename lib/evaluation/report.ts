/**
 * Plain-text tables of an evaluation: one per horizon, the model and the baselines on the
 * same test rows, with the reference results beside ours.
 */
import { HORIZONS, type Horizon } from '@/lib/features/forecast-rows';
import type { FeatureImportance } from '@/lib/models/importance';
import type { HorizonMetrics } from '@/lib/models/metrics';
import type { ReferenceResults } from './datasets';

const COLUMNS = ['AUC', 'Brier', 'skill', 'MAE p50', 'RMSE p50', 'RMSE mean', 'cover', 'cover>0', 'interval'] as const;

const fmt = (v: number | undefined, digits: number) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));

function cells(m: HorizonMetrics): string[] {
  return [
    fmt(m.auc, 3),
    fmt(m.brier, 4),
    fmt(m.brierSkill, 3),
    fmt(m.maeP50, 2),
    fmt(m.rmseP50, 2),
    fmt(m.rmseMean, 2),
    fmt(m.coverage, 3),
    fmt(m.coverageNonZero, 3),
    fmt(m.intervalScore, 1),
  ];
}

/** A Markdown table of one horizon: `rows` in order, then the reference line when there is one. */
export function horizonTable(horizon: number, rows: [string, HorizonMetrics][], reference?: ReferenceResults): string {
  const first = rows[0]?.[1];
  const head = `h = ${horizon} weeks · ${first?.rows ?? 0} test rows · base rate ${fmt(first?.baseRate, 4)} · ${first?.nonZeroRows ?? 0} non-zero outcomes`;
  const lines = [`| model | ${COLUMNS.join(' | ')} |`, `|---|${COLUMNS.map(() => '---:').join('|')}|`];
  for (const [name, m] of rows) lines.push(`| ${name} | ${cells(m).join(' | ')} |`);
  if (reference) {
    const r = reference;
    lines.push(`| reference (GBM) | ${[fmt(r.auc, 3), '—', fmt(r.brierSkill, 3), '—', fmt(r.rmseP50, 2), '—', '—', '—', fmt(r.intervalScore, 1)].join(' | ')} |`);
  }
  return [head, '', ...lines].join('\n');
}

/** A Markdown table of one horizon's permutation importance, most important group first. */
export function importanceTable(horizon: number, groups: readonly FeatureImportance[]): string {
  const lines = [`permutation importance at h = ${horizon} weeks (test rows, one seeded shuffle per group)`, '', '| feature group | AUC drop | Brier rise | MAE p50 rise |', '|---|---:|---:|---:|'];
  for (const g of groups) lines.push(`| ${g.group} | ${fmt(g.aucDrop, 3)} | ${fmt(g.brierRise, 4)} | ${fmt(g.maeRise, 2)} |`);
  return lines.join('\n');
}

/** One line of a rolling-origin validation: one model (one seed of ours, or a baseline) on one fold's validation weeks. */
export interface RollingLine {
  fold: number;
  /** The summary groups lines by this: `forecast (ours)` over folds × seeds, a baseline over folds. */
  group: string;
  /** The line's name in the table (the group and, for ours, the seed). */
  model: string;
  trainRows: number;
  metrics: Record<`${Horizon}`, HorizonMetrics>;
  /** Best epoch, CPU seconds: free text. */
  note: string;
}

/** A Markdown table of every fold's lines, then each group's mean and min–max of AUC and Brier skill per horizon. */
export function rollingTable(lines: readonly RollingLine[]): string {
  const heads = HORIZONS.flatMap((h) => [`h=${h} rows`, `h=${h} base rate`, `h=${h} AUC`, `h=${h} skill`]);
  const out = [`| fold | model | train rows | ${heads.join(' | ')} | note |`, `|---|---|---:|${heads.map(() => '---:').join('|')}|---|`];
  for (const l of lines) {
    const m = HORIZONS.flatMap((h) => {
      const v = l.metrics[`${h}`];
      return [String(v.rows), fmt(v.baseRate, 3), fmt(v.auc, 3), fmt(v.brierSkill, 3)];
    });
    out.push(`| ${l.fold} | ${l.model} | ${l.trainRows} | ${m.join(' | ')} | ${l.note} |`);
  }
  const spread = (v: number[]) => `${fmt(v.reduce((a, b) => a + b, 0) / v.length, 3)} (${fmt(Math.min(...v), 3)} – ${fmt(Math.max(...v), 3)})`;
  const summary = ['| model | lines | ' + HORIZONS.flatMap((h) => [`h=${h} AUC`, `h=${h} skill`]).join(' | ') + ' |', `|---|---:|${HORIZONS.map(() => '---:|---:').join('|')}|`];
  for (const group of [...new Set(lines.map((l) => l.group))]) {
    const of = lines.filter((l) => l.group === group);
    const cols = HORIZONS.flatMap((h) => [spread(of.map((l) => l.metrics[`${h}`].auc)), spread(of.map((l) => l.metrics[`${h}`].brierSkill))]);
    summary.push(`| ${group} | ${of.length} | ${cols.join(' | ')} |`);
  }
  return [...out, '', 'mean (min–max) over the lines above', '', ...summary].join('\n');
}
