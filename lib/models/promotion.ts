/**
 * When a newly trained forecast model may replace the active one. All comparisons are on
 * the same held-out rows. A candidate is promoted when, at every horizon:
 *   1. its AUC is higher than every baseline's, and
 *   2. its interval score (p10–p90) is lower than every baseline's;
 * and, if a comparable active model exists, it is not worse than that model on the
 * held-out score: mean AUC over horizons ≥ active − 0.005 and mean interval score
 * ≤ active × 1.01 (the tolerances let a retrain on the same data through).
 */
import type { HorizonMetrics } from './metrics';

export const AUC_TOLERANCE = 0.005;
export const INTERVAL_TOLERANCE = 1.01;

export interface PromotionInput {
  candidate: Record<string, HorizonMetrics>;
  baselines: Record<string, Record<string, HorizonMetrics>>;
  /** The active model scored on the same rows; null when there is none; 'incomparable' when its features differ. */
  active: Record<string, HorizonMetrics> | null | 'incomparable';
}

export interface PromotionDecision {
  promote: boolean;
  /** One sentence per check that failed (or the reason it passed); joined into `models.decision`. */
  reasons: string[];
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));
const meanOf = (m: Record<string, HorizonMetrics>, key: 'auc' | 'intervalScore') => {
  const values = Object.values(m).map((x) => x[key]);
  return values.reduce((a, b) => a + b, 0) / values.length;
};

/** Applies the promotion rule above. */
export function decidePromotion({ candidate, baselines, active }: PromotionInput): PromotionDecision {
  const failures: string[] = [];
  for (const [h, m] of Object.entries(candidate)) {
    if (m.rows === 0) {
      failures.push(`h=${h}: no held-out rows`);
      continue;
    }
    if (!Number.isFinite(m.auc)) failures.push(`h=${h}: AUC undefined (held-out rows have a single outcome)`);
    for (const [name, b] of Object.entries(baselines[h] ?? {})) {
      if (Number.isFinite(b.auc) && !(m.auc > b.auc)) failures.push(`h=${h}: AUC ${fmt(m.auc)} ≤ ${name} ${fmt(b.auc)}`);
      if (!(m.intervalScore < b.intervalScore)) failures.push(`h=${h}: interval score ${fmt(m.intervalScore)} ≥ ${name} ${fmt(b.intervalScore)}`);
    }
  }
  const notes: string[] = [];
  if (active === 'incomparable') {
    notes.push('the active model uses other features, so it was not re-scored; decided on the baselines');
  } else if (active) {
    const [aucC, aucA] = [meanOf(candidate, 'auc'), meanOf(active, 'auc')];
    const [isC, isA] = [meanOf(candidate, 'intervalScore'), meanOf(active, 'intervalScore')];
    if (!(aucC >= aucA - AUC_TOLERANCE)) failures.push(`mean AUC ${fmt(aucC)} < active model's ${fmt(aucA)}`);
    if (!(isC <= isA * INTERVAL_TOLERANCE)) failures.push(`mean interval score ${fmt(isC)} > active model's ${fmt(isA)}`);
  } else {
    notes.push('no active model yet');
  }
  if (failures.length) return { promote: false, reasons: failures };
  return {
    promote: true,
    reasons: [`beats every baseline on AUC and interval score at every horizon${active && active !== 'incomparable' ? ' and is not worse than the active model' : ''}`, ...notes],
  };
}
