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

  // The e2e setup predicts but never audits (no target week has come yet), so the designed empty state shows.
  const audit = page.getByRole('region', { name: 'Live audit' });
  await expect(audit.getByRole('heading', { name: 'Nothing audited yet' })).toBeVisible();
  await expect(audit.locator('code', { hasText: 'npm run job -- audit' })).toBeVisible();

  // The setup also trains the theme and what-if models: their headline numbers are listed.
  await expect(page.getByRole('region', { name: 'Theme model' }).getByRole('definition').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'What-if (attributes) model' }).getByRole('definition').first()).toBeVisible();

  // A version that does not exist falls back to the active one and says so.
  await page.goto('/models?version=999');
  await expect(page.getByText('There is no forecast version 999')).toBeVisible();
});
