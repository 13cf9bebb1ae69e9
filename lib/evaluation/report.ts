/**
 * Plain-text tables of an evaluation: one per horizon, the model and the baselines on the
 * same test rows, with the reference results beside ours.
 */
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
