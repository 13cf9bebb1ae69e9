import { expect, test } from '@playwright/test';

test('models: versions, metrics beside the baselines, calibration, predicted against actual, feature importance, live audit', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Models', exact: true }).click();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByRole('heading', { level: 1, name: /Models/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Models', exact: true })).toHaveAttribute('aria-current', 'page');

  // The setup trains one forecast model and it becomes active.
  const versions = page.getByRole('table', { name: 'Forecast model versions' });
  await expect(versions.getByRole('row').filter({ has: page.getByText('active', { exact: true }) })).toHaveCount(1);

  for (const horizon of ['26', '52']) {
    const metrics = page.getByRole('table', { name: new RegExp(`^${horizon} weeks ahead`) });
    await expect(metrics.getByRole('columnheader', { name: 'AUC' })).toBeVisible();
    // Header row, the model and the four baselines.
    await expect(metrics.getByRole('row')).toHaveCount(6);
    for (const label of ['Model', 'Base rate', 'Persistence', 'Predict 0', 'Logistic on rank']) {
      await expect(metrics.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
    }
    await expect(metrics.getByText('(best)').first()).toBeAttached();
  }

  const calibration = page.getByRole('img', { name: /^Calibration/ });
  await expect(calibration.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(calibration.locator('.recharts-line')).toHaveCount(2);

  // Predicted against actual: one line per horizon over the bins of the predicted mean score.
  const predicted = page.getByRole('img', { name: /^Predicted against actual/ });
  await expect(predicted.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(predicted.locator('.recharts-line')).toHaveCount(2);
  await expect(predicted.getByText('Predicted score (mean, points)')).toBeVisible();

  // Permutation importance: a bar per feature group and horizon, the 14 groups named on the axis (long names wrap).
  const importance = page.getByRole('img', { name: /^Feature importance/ });
  await expect(importance.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(importance.locator('.recharts-yAxis .recharts-cartesian-axis-tick')).toHaveCount(14);
  for (const group of ['season', 'peak and debut', 'audio features']) {
    await expect(importance.getByText(group, { exact: true })).toBeVisible();
  }
  await expect(importance.locator('.recharts-bar')).toHaveCount(2);
  expect(await importance.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(10);

  // The e2e setup backtests as of 26 and 52 weeks before the sample's last week and audits: three forecast
  // weeks × horizons, each with its songs, errors and shares, and the share inside p10–p90 over time.
  const audit = page.getByRole('region', { name: 'Live audit' });
  await expect(audit.getByRole('img', { name: /inside the p10–p90 interval/ }).locator('.recharts-line')).toHaveCount(2);
  const weeks = audit.getByRole('table', { name: /latest forecast weeks/ });
  await expect(weeks.getByRole('row')).toHaveCount(4);
  await expect(weeks.getByRole('rowheader')).toHaveText(['21 May 2026', '20 Nov 2025', '20 Nov 2025']);
  for (const row of await weeks.getByRole('row').filter({ has: page.getByRole('rowheader') }).all()) {
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d{1,3}(\.\d)?%$/);
  }

  // The setup also trains the theme and what-if models: their headline figures, named and beside their baselines.
  const theme = page.getByRole('region', { name: 'Theme model' });
  await expect(theme.getByRole('term').first()).toHaveText(/^Accuracy \(\d+-fold cross-validation\)$/);
  await expect(theme.getByRole('definition').nth(1)).toContainText('always the commonest occasion');
  const whatIf = page.getByRole('region', { name: 'What-if (attributes) model' });
  await expect(whatIf.getByRole('term').first()).toHaveText(/^R² \([\d,]+ newer songs\)$/);
  await expect(whatIf.getByRole('definition').nth(1)).toContainText(/linear model −?\d\.\d{3} · always the average −?\d\.\d{3}/);

  // A version that does not exist falls back to the active one and says so.
  await page.goto('/models?version=999');
  await expect(page.getByText('There is no forecast version 999')).toBeVisible();
});
