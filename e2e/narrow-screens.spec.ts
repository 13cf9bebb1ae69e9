import { expect, test } from '@playwright/test';

// UI.md: pages read well at 360 px. Wide content (tables, the chart's tabs, the nav) scrolls inside its own
// box; the page itself never scrolls sideways, and every chart keeps its height.
test.use({ viewport: { width: 360, height: 780 } });

test('no page scrolls sideways at 360 px and every chart has its height', async ({ page }) => {
  await page.goto('/');
  const song = await page.getByRole('table').locator('a[href^="/songs/"]').first().getAttribute('href');
  // The chance columns are off to the right of the scrolling table: each row says its chances beside the title.
  await expect(page.locator('.chance-chips').first()).toBeInViewport();
  await expect(page.locator('.chance-chips').first()).toHaveText(/^6 mo (<1|>99|\d{1,2})%12 mo (<1|>99|\d{1,2})%$/);
  expect(song).toMatch(/^\/songs\/\d+/);
  // The longest-running song also has a table of audited forecasts.
  await page.goto('/?sort=weeks');
  const audited = await page.getByRole('table').locator('a[href^="/songs/"]').first().getAttribute('href');
  const withCharts = [song ?? '', audited ?? '', '/trends', '/trends/mood', '/models'];
  for (const path of ['/', ...withCharts, '/what-if', '/themes', '/admin/login']) {
    await page.goto(path);
    await expect(page.locator('footer')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(360);
    if (withCharts.includes(path)) await expect(page.locator('.recharts-responsive-container').first()).toBeVisible();
    const heights = await page.locator('.recharts-responsive-container').evaluateAll((charts) => charts.map((c) => c.getBoundingClientRect().height));
    expect(heights.filter((h) => h < 100), `${path}: chart heights ${heights.join(', ')}`).toEqual([]);
  }
});

test('an audited song’s past forecasts stack on a phone, each outcome in view under its label', async ({ page }) => {
  await page.goto('/?sort=weeks');
  await page.goto((await page.getByRole('table').locator('a[href^="/songs/"]').first().getAttribute('href')) ?? '');
  const audit = page.getByRole('region', { name: 'Past forecasts vs what happened' });
  // Still a table to assistive technology, its header row only visually hidden.
  await expect(audit.getByRole('columnheader')).toHaveText(['Made', 'For', 'Chance', 'Forecast', 'Actual', 'Result']);
  const rows = audit.getByRole('row').filter({ has: page.getByRole('cell') });
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  for (const row of await rows.all()) {
    const result = row.getByRole('cell').last();
    await expect(result).toHaveText(/(inside|outside) range/);
    const box = await result.boundingBox();
    expect(box && box.x + box.width, 'the outcome ends inside the screen').toBeLessThanOrEqual(360);
    expect(await result.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Result"');
  }
});
