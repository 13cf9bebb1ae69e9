import { expect, test } from '@playwright/test';

test('themes: classify a song from its features, see the model’s scores', async ({ page }) => {
  await page.goto('/themes');
  await expect(page.getByRole('heading', { level: 1, name: /Themes/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Confusion matrix/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Per occasion' }).getByRole('row')).toHaveCount(6);

  // A slow, quiet, acoustic song: the model should file it under sleep.
  await page.getByLabel('Energy').fill('0.2');
  await page.getByLabel('Loudness (dB)').fill('-16');
  await page.getByLabel('Tempo (BPM)').fill('72');
  await page.getByLabel('Acousticness').fill('0.8');
  await page.getByRole('button', { name: 'Classify' }).click();
  const mix = page.getByRole('region', { name: 'Theme mix' });
  await expect(mix).toContainText('Best fit: sleep');
  await expect(mix.getByRole('list', { name: 'Occasion probabilities' }).getByRole('listitem')).toHaveCount(5);

  // Bad values get an error under their field, not a failure.
  await page.getByLabel('Energy').fill('');
  await page.getByLabel('Valence (happiness)').fill('7');
  await page.getByRole('button', { name: 'Classify' }).click();
  await expect(page.getByText('Energy is required')).toBeVisible();
  await expect(page.getByText('Valence (happiness) must be between 0 and 1')).toBeVisible();
  await expect(page.getByLabel('Energy')).toHaveAttribute('aria-invalid', 'true');
});
