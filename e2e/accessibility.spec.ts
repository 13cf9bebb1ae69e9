import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { adminPage } from './admin-support';

// UI.md: keyboard reachable, labels on every input, contrast that passes WCAG AA. axe-core checks what a
// machine can (contrast, names, roles, structure) on every public page, in both colour schemes.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_AA);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test(`public pages pass axe's WCAG 2.1 AA checks (${colorScheme})`, async ({ page }) => {
      await page.goto('/');
      const song = await page.getByRole('table').locator('a[href^="/songs/"]').first().getAttribute('href');
      expect(song).toMatch(/^\/songs\/\d+/);
      for (const path of ['/', song ?? '', '/trends', '/trends/mood', '/what-if', '/themes', '/models', '/admin/login']) {
        await page.goto(path);
        await expect(page.locator('footer')).toBeVisible();
        // The song page streams its body in behind a skeleton: check the page, not the skeleton.
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        expect(await violations(page), path).toEqual([]);
      }
    });
  });
}

test("the admin console passes axe's WCAG 2.1 AA checks in both schemes", async ({ browser }) => {
  const page = await adminPage(browser, '10.77.0.1');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page), colorScheme).toEqual([]);
  }
});
