import { expect, test } from '@playwright/test';

test('trends: switch chart and window, follow a song, download the view', async ({ page, request }) => {
  await page.goto('/trends');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trends');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  const songs = page.getByRole('list', { name: 'Songs on the bump chart' }).getByRole('button');
  await expect(songs).toHaveCount(20);

  // Hovering a song in the legend highlights its line (the others fade).
  await songs.first().hover();
  await expect(songs.first()).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('Chart', { exact: true }).selectOption({ label: 'Sample Weekly Top 100 · Germany' });
  await expect(page).toHaveURL(/[?&]chart=sample-weekly-de/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Germany');
  await page.getByLabel('Weeks', { exact: true }).selectOption('26');
  await expect(page).toHaveURL(/chart=sample-weekly-de&weeks=26/);
  await expect(page.getByText(/over 26 chart weeks/)).toBeVisible();
  for (const name of ['Biggest climbers', 'Biggest fallers', 'New entries', 'Re-entries', 'Longest runs']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }

  const href = await page.getByRole('link', { name: 'Download this view as CSV' }).getAttribute('href');
  expect(href).toBe('/trends/csv?chart=sample-weekly-de&weeks=26');
  const response = await request.get(href ?? '');
  expect(response.headers()['content-type']).toContain('text/csv');
  const [header, ...lines] = (await response.text()).trim().split('\r\n');
  expect(header?.split(',')).toHaveLength(7 + 26);
  expect(lines.filter((l) => l.startsWith('top,'))).toHaveLength(20);
});

test('trends: a bad URL falls back to defaults instead of failing', async ({ page }) => {
  const response = await page.goto('/trends?weeks=9999&chart=%3Cnope%3E');
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/over 12 chart weeks/)).toBeVisible();
});
