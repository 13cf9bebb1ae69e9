import { expect, test } from '@playwright/test';

test('what-if: fill the form, get a popularity with its interval and sensitivity charts', async ({ page }) => {
  await page.goto('/what-if');
  await expect(page.getByRole('heading', { level: 1, name: /What if/ })).toBeVisible();
  await expect(page.getByText(/R² .* MAE/).first()).toBeVisible();

  await page.getByLabel('Danceability').fill('0.82');
  await page.getByLabel('Energy').fill('0.74');
  await page.getByLabel('Tempo (BPM)').fill('124');
  await page.getByLabel('Key').selectOption({ label: 'A' });
  await page.getByLabel('Mode').selectOption('minor');
  await page.getByLabel('Release month').selectOption('November');
  await page.getByLabel('Artist popularity (optional, 0–100)').fill('80');
  await page.getByLabel('Explicit lyrics').check();
  await page.getByRole('button', { name: 'Predict popularity' }).click();

  const answer = page.getByRole('region', { name: 'Prediction' });
  const value = Number(await answer.getByTestId('what-if-popularity').textContent());
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(100);
  await expect(answer).toContainText(/80% interval \d+–\d+/);
  await expect(answer.getByRole('list', { name: 'Sensitivity per attribute' }).getByRole('listitem')).toHaveCount(10);
  await expect(answer.locator('.recharts-line').first()).toBeVisible();
});

test('what-if: bad values get field errors, never a failure', async ({ page }) => {
  await page.goto('/what-if');
  await page.getByLabel('Danceability').fill('');
  await page.getByLabel('Tempo (BPM)').fill('9000');
  await page.getByLabel('Artist popularity (optional, 0–100)').fill('-5');
  await page.getByRole('button', { name: 'Predict popularity' }).click();
  await expect(page.getByText('Danceability is required')).toBeVisible();
  await expect(page.getByText('Tempo (BPM) must be between 30 and 250')).toBeVisible();
  await expect(page.getByText('Artist popularity must be between 0 and 100')).toBeVisible();
  await expect(page.getByLabel('Tempo (BPM)')).toHaveAttribute('aria-invalid', 'true');
});
