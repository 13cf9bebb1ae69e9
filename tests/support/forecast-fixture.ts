/** A forecast model made in seconds for tests that need an active one but do not test training. */
import type { Db } from '@/lib/db/client';
import { loadForecastRows } from '@/lib/models/forecast-dataset';
import { insertForecastCandidate } from '@/lib/models/forecast-registry';
import { defaultCutoffDay, fitForecastModel, timeSplit } from '@/lib/models/forecast-training';
import { promoteModel } from '@/lib/models/registry-actions';

/**
 * Fits one epoch on the first `rows` training rows of the database's weekly charts and stores it as the
 * active forecast model. Its forecasts are poor but real: predict and publish treat it like any other.
 */
export async function storeActiveForecastModel(db: Db, { rows: limit = 2_000, seed = 1 } = {}): Promise<{ id: number; version: number }> {
  const { rows } = await loadForecastRows(db);
  const train = timeSplit(rows, defaultCutoffDay(rows)).train.slice(0, limit);
  const fit = await fitForecastModel(rows, train, { seed, epochs: 1, members: 1 });
  try {
    const stored = await insertForecastCandidate(db, {
      model: fit.model,
      trainedRows: train.length,
      metrics: { fixture: true },
      baselineMetrics: {},
      decision: 'test fixture',
    });
    await promoteModel(db, stored.id);
    return stored;
  } finally {
    fit.model.network.dispose();
  }
}
