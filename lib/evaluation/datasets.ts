/**
 * The data sets `evaluate` scores the forecast on: where the files are, how they are
 * imported, how rows are built, the calendar split and the published reference results.
 */
import type { Db } from '@/lib/db/client';
import type { ForecastRows } from '@/lib/features/forecast-rows';
import type { ImportFormatName } from '@/lib/importers/formats';
import { loadForecastRows } from '@/lib/models/forecast-dataset';
import type { SplitWindows } from './split';
import { loadTop50Rows, TOP50_SLUGS } from './top50-rows';

/** Reference results (gradient-boosted trees on this split), per horizon; absent = not published. */
export interface ReferenceResults {
  auc?: number;
  brierSkill?: number;
  rmseP50?: number;
  intervalScore?: number;
}

export interface EvaluationDataset {
  name: 'billboard' | 'top50';
  /** Folder under the data directory. */
  folder: string;
  format: ImportFormatName;
  /** SQL LIKE pattern of the slugs of the charts the import writes. */
  chartSlugs: string;
  windows: SplitWindows;
  /**
   * A second split that validates and tests on streaming-era weeks only (`evaluate --split streaming`), to choose
   * settings on data that shows the drift the fixed split's test years have; reported apart, without references.
   */
  streamingWindows?: SplitWindows;
  /** What "still charting" and "score" mean here, printed above the tables. */
  describe: string;
  references: Partial<Record<'26' | '52', ReferenceResults>>;
  loadRows(db: Db): Promise<ForecastRows>;
}

export const EVALUATION_DATASETS: Record<EvaluationDataset['name'], EvaluationDataset> = {
  billboard: {
    name: 'billboard',
    folder: 'billboard-hot100-weekly',
    format: 'billboard',
    chartSlugs: 'billboard-hot-100',
    windows: { train: ['2000-01-01', '2017-12-31'], validation: ['2018-01-01', '2018-12-31'], test: ['2019-01-01', '2023-06-30'] },
    streamingWindows: { train: ['2000-01-01', '2018-12-31'], validation: ['2019-01-01', '2019-12-31'], test: ['2020-01-01', '2023-06-30'] },
    describe: 'Billboard Hot 100: on the chart at t + 26 / 52 weeks; score = 101 − rank, 0 off the chart',
    references: { 26: { auc: 0.717, brierSkill: 0.082, rmseP50: 22.96, intervalScore: 71.9 }, 52: { auc: 0.806, brierSkill: 0.17 } },
    loadRows: async (db) => (await loadForecastRows(db, { chart: 'billboard-hot-100' })).rows,
  },
  top50: {
    name: 'top50',
    folder: 'spotify-top50-daily-popularity',
    format: 'top50',
    chartSlugs: TOP50_SLUGS,
    // The data run 2023-05-18 … 2024-11-27, so +364-day outcomes exist only for as-of days up to 2023-11-29.
    windows: { train: ['2023-05-18', '2023-08-31'], validation: ['2023-09-01', '2023-09-30'], test: ['2023-10-01', '2024-11-27'] },
    describe: 'Spotify Top 50, 10 markets, sampled every 7 days: in that market\'s Top 50 at t + 182 / 364 days; score = Spotify popularity then, 0 out of the Top 50',
    references: {},
    loadRows: loadTop50Rows,
  },
};
