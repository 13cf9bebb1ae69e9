import { expect, test, type Browser, type Page } from '@playwright/test';
import mysql from 'mysql2/promise';
import { E2E_ADMIN_PASSWORD } from './admin-env';

// The database the e2e server uses (playwright.config.ts passes the same URL to webServer.env).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/songcast_e2e';
const KIND = 'attributes';
const [OLD, NEW] = [9001, 9002];

let db: mysql.Connection;
test.beforeAll(async () => {
  db = await mysql.createConnection({ uri: DATABASE_URL });
});
test.afterAll(async () => {
  await db?.query('DELETE FROM models WHERE kind = ? AND version IN (?, ?)', [KIND, OLD, NEW]);
  await db?.end();
});

const countRuns = async () => ((await db.query('SELECT COUNT(*) AS n FROM job_runs'))[0] as { n: number }[])[0]!.n;

/**
 * A page in its own browser context. Each test comes from its own client address
 * (X-Forwarded-For), so the per-address login limit of one test never blocks another.
 */
async function adminPage(browser: Browser, ip: string, { login = true } = {}): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  if (login) {
    await page.goto('/admin/login');
    await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
  }
  return page;
}

test('the console asks for a login, refuses a wrong password and lets the right one in', async ({ browser }) => {
  const page = await adminPage(browser, '10.9.0.1', { login: false });
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel('Admin password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong password.');
  await expect(page).toHaveURL(/\/admin\/login$/);

  await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs and models' })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'songcast_admin');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('after 5 attempts in a minute the login says to wait, even for the right password', async ({ browser }) => {
  const page = await adminPage(browser, '10.9.0.2', { login: false });
  await page.goto('/admin/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Admin password').fill(`guess ${i}`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong password.');
    await page.getByLabel('Admin password').fill('');
  }
  await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText(/Too many login attempts from your address\. Wait \d+ s/);
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('a forged or tampered session cookie is refused', async ({ browser, baseURL }) => {
  const page = await adminPage(browser, '10.9.0.3');
  const real = (await page.context().cookies()).find((c) => c.name === 'songcast_admin')!;
  const [body, mac] = real.value.split('.');
  const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
  const stretched = Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 86_400 * 365 })).toString('base64url');
  for (const value of ['forged', `${stretched}.${mac}`, `${body}.${'A'.repeat(mac!.length)}`]) {
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'songcast_admin', value, url: baseURL! }]);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login$/);
  }
});

test('queueing an audit run starts it in another process and the console follows it to the end', async ({ browser }) => {
  const page = await adminPage(browser, '10.9.0.4');
  await page.getByRole('button', { name: 'Queue audit forecasts' }).click();
  const status = page.getByRole('status').filter({ hasText: /Queued run #\d+/ });
  await expect(status).toBeVisible();
  const runId = Number((await status.textContent())!.match(/#(\d+)/)![1]);
  const row = page.locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toContainText('admin');
  // No reload: the page refreshes itself while the run is queued or running.
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(row).toContainText('audited');
  const [[run]] = (await db.query('SELECT status, requested_by, pid FROM job_runs WHERE id = ?', [runId])) as unknown as [[{ status: string; requested_by: string; pid: number }]];
  expect(run).toMatchObject({ status: 'succeeded', requested_by: 'admin' });
  await expect(page.getByText('Queued').first()).toBeVisible();
});

test('server actions refuse a foreign Origin and a request without a session', async ({ browser, playwright, baseURL }) => {
  const page = await adminPage(browser, '10.9.0.5');
  const before = await countRuns();

  // Replay the real "queue audit" action with another site's Origin: Next refuses it before it runs.
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await page.route('**/admin', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    captured = { headers: req.headers(), body: req.postData() ?? '' };
    await route.continue({ headers: { ...req.headers(), origin: 'https://evil.example' } });
  });
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin'));
  await page.getByRole('button', { name: 'Queue audit forecasts' }).click();
  expect((await response).status()).toBe(500);
  expect(await countRuns()).toBe(before);

  // The same action from our own Origin but without the session cookie: refused by requireAdmin().
  const anonymous = await playwright.request.newContext({ baseURL });
  const { cookie: _cookie, ...headers } = captured!.headers;
  const replay = await anonymous.post('/admin', { headers: { ...headers, origin: new URL(baseURL!).origin }, data: captured!.body, maxRedirects: 0 });
  expect(replay.status()).toBeLessThan(500);
  expect(await countRuns()).toBe(before);
  await anonymous.dispose();
});

test('a candidate is promoted and rolled back, each after a confirmation', async ({ browser }) => {
  await db.query('DELETE FROM models WHERE kind = ? AND version IN (?, ?)', [KIND, OLD, NEW]);
  const row = (version: number, status: string, activatedAt: Date | null) => [
    KIND, version, status, 1000 + version, '{}', JSON.stringify({ mae: version / 1000, coverage: 0.8 }), JSON.stringify({ persistence: { mae: 12 } }), Buffer.from('x'), activatedAt,
  ];
  // Other active versions of this kind (if any) are retired first, so the test owns the registry state of the kind.
  await db.query("UPDATE models SET status = 'retired' WHERE kind = ? AND status = 'active'", [KIND]);
  await db.query(
    'INSERT INTO models (kind, version, status, trained_rows, feature_spec, metrics, baseline_metrics, artifact, activated_at) VALUES (?), (?)',
    [row(OLD, 'active', new Date()), row(NEW, 'candidate', null)],
  );
  const statuses = async () =>
    Object.fromEntries(((await db.query('SELECT version, status FROM models WHERE kind = ? AND version IN (?, ?)', [KIND, OLD, NEW]))[0] as { version: number; status: string }[]).map((r) => [r.version, r.status]));

  const page = await adminPage(browser, '10.9.0.6');
  const section = page.locator(`section[data-model-kind="${KIND}"]`);
  await expect(section).toContainText(`v${OLD} active`);
  await expect(section).toContainText('9.002');

  await section.getByRole('button', { name: 'Promote' }).click();
  await expect(section).toContainText(`Make ${KIND} v${NEW} the active model (v${OLD} is retired)?`);
  await section.getByRole('button', { name: 'Yes, promote' }).click();
  await expect(section.getByRole('heading')).toContainText(`v${NEW} active`);
  expect(await statuses()).toEqual({ [OLD]: 'retired', [NEW]: 'active' });

  await section.getByRole('button', { name: `Roll back to v${OLD}` }).click();
  await section.getByRole('button', { name: 'Cancel' }).click();
  expect(await statuses()).toEqual({ [OLD]: 'retired', [NEW]: 'active' });
  await section.getByRole('button', { name: `Roll back to v${OLD}` }).click();
  await section.getByRole('button', { name: `Yes, roll back to v${OLD}` }).click();
  await expect(section.getByRole('heading')).toContainText(`v${OLD} active`);
  expect(await statuses()).toEqual({ [OLD]: 'active', [NEW]: 'retired' });
  await expect(page.getByText('Rolled back').first()).toBeVisible();
});
