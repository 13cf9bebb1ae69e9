import { expect, test } from '@playwright/test';

// UI.md: pages read well at 360 px. Wide content (tables, the chart's tabs, the nav) scrolls inside its own
// box; the page itself never scrolls sideways.
test.use({ viewport: { width: 360, height: 780 } });

test('no page scrolls sideways at 360 px', async ({ page }) => {
  await page.goto('/');
  const song = await page.getByRole('table').locator('a[href^="/songs/"]').first().getAttribute('href');
  expect(song).toMatch(/^\/songs\/\d+/);
  for (const path of ['/', song ?? '', '/trends', '/trends/mood', '/what-if', '/themes', '/models', '/admin/login']) {
    await page.goto(path);
    await expect(page.locator('footer')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(360);
  }
});
