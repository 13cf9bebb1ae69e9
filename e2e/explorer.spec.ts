import { expect, test } from '@playwright/test';

test('explorer: search a song, open it, see its forecast chart', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  // On a desktop the chances have their own columns; the narrow screens' chips beside the title are hidden.
  await expect(table.getByRole('columnheader', { name: /Charting in 6 mo/ })).toBeInViewport();
  await expect(page.locator('.chance-chips').first()).toBeHidden();

  // Search the chart for the title of a song in the table.
  const firstSong = table.getByRole('row').nth(1).getByRole('link').first();
  const title = (await firstSong.textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  await page.getByLabel('Search this chart by title or artist').fill(title);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const match = page.getByRole('table').getByRole('link', { name: title, exact: true }).first();
  await expect(match).toBeVisible();

  await match.click();
  await expect(page).toHaveURL(/\/songs\/\d+/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The forecast summary and the recharts chart (a client component: an svg after hydration).
  await expect(page.getByText(/Still charting in 6 months/)).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(page.locator('.recharts-area')).toHaveCount(1);
  // The theme model's occasion mix (or the sentence saying why there is none).
  const themes = page.getByRole('region', { name: 'Theme mix' });
  await expect(themes).toBeVisible();
  await expect(themes.getByText(/workout|party|focus|chill|sleep|Needs the song/i).first()).toBeVisible();
  // The what-if model's popularity for the song's own attributes, and the same answer on /what-if through its link.
  const whatIf = page.getByRole('region', { name: 'Popularity from its sound' });
  await expect(whatIf).toContainText(/80% interval \d+–\d+|Needs the song/);
  if (await whatIf.getByTestId('song-what-if-popularity').isVisible()) {
    const onSongPage = Number(await whatIf.getByTestId('song-what-if-popularity').textContent());
    await whatIf.getByRole('link', { name: 'Try variations' }).click();
    await expect(page).toHaveURL(/\/what-if\?.*danceability=/);
    const answer = page.getByRole('region', { name: 'Prediction' });
    const onWhatIf = Number(await answer.getByTestId('what-if-popularity').textContent());
    // The link rounds the duration to whole seconds: at most a point apart.
    expect(Math.abs(onWhatIf - onSongPage)).toBeLessThanOrEqual(1);
    await expect(page.getByRole('spinbutton', { name: /^Danceability/ })).not.toHaveValue('0.68');
  }
});

test('song page: its past forecasts against what happened', async ({ page }) => {
  // The longest run on the chart: on it at both backtest weeks of the setup, so both horizons are audited.
  await page.goto('/?sort=weeks');
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/songs\/\d+/);
  const audit = page.getByRole('region', { name: 'Past forecasts vs what happened' });
  const headers = audit.getByRole('columnheader');
  await expect(headers).toHaveText(['Made', 'For', 'Chance', 'Forecast', 'Actual', 'Result']);
  const rows = audit.getByRole('row').filter({ has: page.getByRole('cell') });
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').first()).toHaveText(/^(21 May 2026|20 Nov 2025)/);
    await expect(row.getByRole('cell').nth(1)).toContainText(/\+(26|52) weeks/);
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^(<1|>99|\d{1,2})%$/);
    await expect(row.getByRole('cell').last()).toHaveText(/(inside|outside) range/);
  }
  await expect(audit.getByText('+52 weeks').first()).toBeVisible();
});

test('song pages: a malformed or unknown id shows the not-found page', async ({ page }) => {
  const malformed = await page.goto('/songs/not-a-number');
  expect(malformed?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We don’t know that song' })).toBeVisible();
  const unknown = await page.goto('/songs/2147483000');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We don’t know that song' })).toBeVisible();
});

test('explorer: bad URL state falls back to defaults instead of failing', async ({ page }) => {
  const response = await page.goto('/?sort=nope&page=-3&filter=zzz&dir=sideways');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('table')).toBeVisible();
});

test('health reports the database and the broker', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ db: 'up' });
});

test('explorer: the CSV download holds the view’s songs with their forecasts', async ({ page, request }) => {
  await page.goto('/?filter=new');
  const href = await page.getByRole('link', { name: /Download this view as CSV/ }).getAttribute('href');
  expect(href).toBe('/explorer.csv?filter=new');
  const response = await request.get(href ?? '');
  expect(response.headers()['content-type']).toContain('text/csv');
  const [header, ...lines] = (await response.text()).trim().split('\r\n');
  expect(header).toMatch(/^rank,previous_rank,track_id,title/);
  expect(lines.length).toBeGreaterThan(0);
});
