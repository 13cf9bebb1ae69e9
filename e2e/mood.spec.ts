import { expect, test } from '@playwright/test';

test('mood: compare two countries, shade a period, download the table', async ({ page, request }) => {
  await page.goto('/trends/mood');
  await expect(page.getByRole('heading', { level: 1, name: 'Mood by country' })).toBeVisible();
  await expect(page.getByText(/songs without audio features/)).toBeVisible();

  // Compare Germany with the United Kingdom, weighted by chart position.
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: 'Germany' }).check();
  await page.getByRole('checkbox', { name: 'United Kingdom' }).check();
  await page.getByLabel('Weighted by').selectOption('rank');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/weight=rank/);
  const table = page.getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: 'Germany' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'United Kingdom' })).toBeVisible();
  await expect(page.locator('.recharts-line')).toHaveCount(4);

  // Shade a period: it lands in the URL, on both charts and as table columns.
  expect(new URL(page.url()).searchParams.getAll('country').sort()).toEqual(['de', 'gb']);
  await page.getByLabel('Period from').fill('2026-06-01');
  await page.getByLabel('to', { exact: true }).fill('2026-08-31');
  await page.getByLabel('Name').fill('Summer');
  await page.getByRole('button', { name: 'Shade period' }).click();
  await expect(page).toHaveURL(/mark=2026-06-01\.\.2026-08-31%3ASummer/);
  await expect(page.getByRole('columnheader', { name: /Summer/ })).toBeVisible();
  await expect(page.getByText(/Summer: 1 Jun 2026 – 31 Aug 2026/)).toBeVisible();

  const href = await page.getByRole('link', { name: /Download the weekly values as CSV/ }).getAttribute('href');
  const response = await request.get(href ?? '');
  expect(response.headers()['content-type']).toContain('text/csv');
  const [header, ...lines] = (await response.text()).trim().split('\r\n');
  expect(header).toBe('week,country,chart,weight,valence,energy,songs,songs_without_features,songs_without_streams');
  expect(new Set(lines.map((l) => l.split(',')[1]))).toEqual(new Set(['de', 'gb']));
});

test('mood: a malformed period is explained, not a failure', async ({ page }) => {
  const response = await page.goto('/trends/mood?mark=2026-04-01..2026-03-01:Backwards&country=zz');
  expect(response?.status()).toBe(200);
  const alert = page.getByRole('alert').filter({ hasText: 'ends before it starts' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('No chart for the country “zz”');
});
