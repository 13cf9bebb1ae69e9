import { describe, expect, it } from 'vitest';
import type { AuditWeek } from '@/lib/queries/model-report';
import { splitRecent } from './audit-section';

const week = (asOf: string, horizonWeeks: number): AuditWeek => ({
  asOf,
  horizonWeeks,
  count: 10,
  meanAbsError: 5,
  insideShare: 0.8,
  chartingShare: 0.1,
  meanPredicted: 0.12,
});

describe('splitRecent', () => {
  // Oldest first, as getLiveAudit returns them; the 2025 weeks have both horizons, the older ones only +52.
  const weeks = [
    week('2024-11-07', 52),
    week('2024-11-14', 52),
    week('2025-05-01', 26),
    week('2025-05-01', 52),
    week('2025-05-08', 26),
    week('2025-05-08', 52),
    week('2025-05-15', 26),
  ];

  it('lists the latest forecast weeks newest first, both horizons of a week together, and folds the rest', () => {
    const { latest, older } = splitRecent(weeks, 2);
    expect(latest.map((w) => `${w.asOf}/${w.horizonWeeks}`)).toEqual(['2025-05-15/26', '2025-05-08/26', '2025-05-08/52']);
    expect(older.map((w) => `${w.asOf}/${w.horizonWeeks}`)).toEqual(['2025-05-01/26', '2025-05-01/52', '2024-11-14/52', '2024-11-07/52']);
  });

  it('folds nothing when there are no more weeks than shown', () => {
    const { latest, older } = splitRecent(weeks, 5);
    expect(latest.map((w) => `${w.asOf}/${w.horizonWeeks}`)).toEqual([
      '2025-05-15/26',
      '2025-05-08/26',
      '2025-05-08/52',
      '2025-05-01/26',
      '2025-05-01/52',
      '2024-11-14/52',
      '2024-11-07/52',
    ]);
    expect(older).toEqual([]);
    expect(splitRecent([], 8)).toEqual({ latest: [], older: [] });
  });
});
