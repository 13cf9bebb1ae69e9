import { expect, test } from '@playwright/test';

test('what-if: fill the form, get a popularity with its interval and sensitivity charts', async ({ page }) => {
  await page.goto('/what-if');
  await expect(page.getByRole('heading', { level: 1, name: /What if/ })).toBeVisible();
  await expect(page.getByText(/R² .* MAE/).first()).toBeVisible();

  await page.getByLabel('Danceability').fill('0.82');
  // Each number has a slider under it, the typical range of real songs shaded on its track; the two stay in step.
  await expect(page.getByTestId('danceability-slider')).toHaveValue('0.82');
  await expect(page.getByTestId('danceability-typical')).toBeVisible();
  await page.getByTestId('energy-slider').fill('0.3');
  await expect(page.getByLabel('Energy')).toHaveValue('0.3');
  await page.getByLabel('Energy').fill('0.74');
  await page.getByLabel('Tempo (BPM)').fill('124');
  await page.getByLabel('Key').selectOption({ label: 'A' });
  await page.getByLabel('Mode').selectOption('minor');
  await page.getByLabel('Release month').selectOption('November');
  await page.getByLabel('Earlier songs’ mean popularity (0–100)').fill('62');
  await page.getByLabel('Number of earlier songs').fill('4');
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
  await page.getByLabel('Earlier songs’ mean popularity (0–100)').fill('-5');
  await page.getByLabel('Number of earlier songs').fill('2.5');
  await page.getByRole('button', { name: 'Predict popularity' }).click();
  await expect(page.getByText('Danceability is required')).toBeVisible();
  await expect(page.getByText('Tempo (BPM) must be between 30 and 250')).toBeVisible();
  await expect(page.getByText('Earlier songs’ mean popularity must be between 0 and 100')).toBeVisible();
  await expect(page.getByText('Number of earlier songs must be a whole number')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: /^Tempo \(BPM\)/ })).toHaveAttribute('aria-invalid', 'true');
});

test('what-if: a link with attributes fills the form and answers at once; bad ones get field errors', async ({ page }) => {
  await page.goto('/what-if?danceability=0.55&energy=0.9&valence=0.3&tempo=150&loudness=-4&acousticness=0.05&speechiness=0.1&instrumentalness=0&liveness=0.2&durationSec=185&key=2&mode=0&genre=pop&releaseMonth=3&explicit=on');
  // (The sensitivity charts are labelled by attribute too: the form's fields are the spinbuttons.)
  await expect(page.getByRole('spinbutton', { name: /^Tempo \(BPM\)/ })).toHaveValue('150');
  await expect(page.getByLabel('Key')).toHaveValue('2');
  await expect(page.getByLabel('Explicit lyrics')).toBeChecked();
  const answer = page.getByRole('region', { name: 'Prediction' });
  await expect(answer).toContainText(/80% interval \d+–\d+/);

  const response = await page.goto('/what-if?tempo=fast&energy=7&artistPriorSongs=0&artistPriorMean=50');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Tempo (BPM) must be a number')).toBeVisible();
  await expect(page.getByText('Energy must be between 0 and 1')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: /^Tempo \(BPM\)/ })).toHaveAttribute('aria-invalid', 'true');
});
