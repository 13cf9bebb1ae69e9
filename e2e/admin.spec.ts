import { expect, test, type Page } from '@playwright/test';
import mysql from 'mysql2/promise';
import { E2E_ADMIN_PASSWORD } from './admin-env';
import { adminPage, captureAction, COOKIE, refusedSessions, replay, signedSession } from './admin-support';
import { E2E_DATABASE_URL } from './database-url';

// In order, in one worker: the action tests count job_runs rows, which the queue test adds to.
test.describe.configure({ mode: 'default' });
const KIND = 'attributes';
const [OLD, NEW] = [9001, 9002];
// Client addresses unique to this run: the login limiter lives as long as the (possibly reused) server.
const NET = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

let db: mysql.Connection;
test.beforeAll(async () => {
  db = await mysql.createConnection({ uri: E2E_DATABASE_URL });
});
test.afterAll(async () => {
  await db?.end();
});

/**
 * Waits until the login form has finished with its last answer: React resets an action's form when the
 * action settles, so a password typed before that reset is wiped, and the required field then blocks the
 * next submit (the flake this prevents: a click that sent nothing).
 */
async function formSettled(page: Page) {
  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await expect(page.getByLabel('Admin password')).toHaveValue('');
}

const countRuns = async () => ((await db.query('SELECT COUNT(*) AS n FROM job_runs'))[0] as { n: number }[])[0]!.n;

test('the console asks for a login, refuses a wrong password and lets the right one in', async ({ browser }) => {
  const page = await adminPage(browser, `${NET}.1`, { login: false });
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel('Admin password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#login-error')).toHaveText('Wrong password.');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await formSettled(page);

  await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs and models' })).toBeVisible();
  // Versions side by side by their named figures; every stored number one click away.
  const forecastModels = page.locator('section[data-model-kind="forecast"]');
  await expect(forecastModels.getByRole('rowheader', { name: 'AUC, 26 weeks' })).toBeVisible();
  await expect(forecastModels.getByRole('row', { name: /^AUC, 52 weeks/ })).toContainText(/0\.\d{3}\s*logistic on rank \d\.\d{3}/);
  await expect(forecastModels.getByRole('table', { name: /every stored number/ })).toBeHidden();
  await forecastModels.getByText('Every number stored with these versions').click();
  await expect(forecastModels.getByRole('table', { name: /every stored number/ }).getByRole('rowheader', { name: 'horizons · 26 · auc' })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('after 5 attempts in a minute the login says to wait, even for the right password', async ({ browser }) => {
  const page = await adminPage(browser, `${NET}.2`, { login: false });
  await page.goto('/admin/login');
  // One attempt = one server action round trip (the button is disabled while it runs).
  const attempt = async (password: string) => {
    await page.getByLabel('Admin password').fill(password);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin/login'));
    await page.getByRole('button', { name: 'Log in' }).click();
    await answered;
    await formSettled(page);
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`guess ${i}`);
    await expect(page.locator('#login-error')).toHaveText('Wrong password.');
  }
  await attempt(E2E_ADMIN_PASSWORD);
  await expect(page.locator('#login-error')).toContainText(/Too many login attempts from your address\. Wait \d+ s/);
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('forged, tampered and expired session cookies are refused; a well-signed fresh one is accepted', async ({ browser, baseURL }) => {
  const page = await adminPage(browser, `${NET}.3`, { login: false });
  for (const value of refusedSessions()) {
    await page.context().clearCookies();
    if (value !== undefined) await page.context().addCookies([{ name: COOKIE, value, url: baseURL! }]);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login$/);
  }
  // The control: the same construction, unexpired, opens the console (so the refusals above are meaningful).
  const now = Math.floor(Date.now() / 1000);
  await page.context().addCookies([{ name: COOKIE, value: signedSession(now, now + 600), url: baseURL! }]);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Jobs and models' })).toBeVisible();
});

test('queueing an audit run starts it in another process and the console follows it to the end', async ({ browser }) => {
  const page = await adminPage(browser, `${NET}.4`);
  await page.getByRole('button', { name: 'Queue audit forecasts' }).click();
  const status = page.getByRole('status').filter({ hasText: /Queued run #\d+/ });
  await expect(status).toBeVisible();
  const runId = Number((await status.textContent())!.match(/#(\d+)/)![1]);
  const row = page.locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toContainText('admin');
  // No reload: the page refreshes itself while the run is queued or running.
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(row).toContainText('audited');
  const [[run]] = (await db.query('SELECT status, requested_by FROM job_runs WHERE id = ?', [runId])) as unknown as [[{ status: string; requested_by: string }]];
  expect(run).toMatchObject({ status: 'succeeded', requested_by: 'admin' });
  await expect(page.getByText('Queued').first()).toBeVisible();
});

test('queueing a training run starts it in another process and the console follows it until the new version exists', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await adminPage(browser, `${NET}.7`);
  const [[before]] = (await db.query("SELECT COUNT(*) AS n FROM models WHERE kind = 'theme'")) as unknown as [[{ n: number }]];
  await page.getByRole('button', { name: 'Queue train theme model' }).click();
  const status = page.getByRole('status').filter({ hasText: /Queued run #\d+/ });
  await expect(status).toBeVisible();
  const runId = Number((await status.textContent())!.match(/#(\d+)/)![1]);
  const row = page.locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 150_000 });
  const [[after]] = (await db.query("SELECT COUNT(*) AS n FROM models WHERE kind = 'theme'")) as unknown as [[{ n: number }]];
  expect(Number(after.n)).toBe(Number(before.n) + 1);
});

test('the queue action refuses a foreign Origin and every request without a valid session', async ({ browser, playwright, baseURL }) => {
  const page = await adminPage(browser, `${NET}.5`);
  const action = await captureAction(page, () => page.getByRole('button', { name: 'Queue audit forecasts' }).click());
  const session = (await page.context().cookies()).find((c) => c.name === COOKIE)!.value;
  const own = new URL(baseURL!).origin;
  const api = await playwright.request.newContext({ baseURL });
  const before = await countRuns();

  // A valid session but another site's Origin: Next refuses the action before it runs.
  expect((await replay(api, action, 'https://evil.example', session)).status()).toBe(500);
  expect(await countRuns()).toBe(before);
  // Our Origin without a valid session: requireAdmin() refuses it (a redirect to the login, never a 5xx).
  for (const refused of refusedSessions()) {
    expect((await replay(api, action, own, refused)).status()).toBeLessThan(500);
  }
  expect(await countRuns()).toBe(before);
  // The control: the same request with the session and our Origin does queue a run.
  expect((await replay(api, action, own, session)).status()).toBe(200);
  expect(await countRuns()).toBe(before + 1);
  await api.dispose();
});

test('candidates are promoted and rolled back after a confirmation, and never without a session', async ({ browser, playwright, baseURL }) => {
  type Row = { id: number; version: number; status: string; activated_at: Date | null };
  const select = async (where: string, args: unknown[]) =>
    (await db.query(`SELECT id, version, status, activated_at FROM models WHERE kind = ? AND ${where}`, [KIND, ...args]))[0] as Row[];
  const statuses = async () => Object.fromEntries((await select('version IN (?, ?)', [OLD, NEW])).map((r) => [r.version, r.status]));
  // The test's two versions copy the artifact of the kind's real active version (if any), so a page that
  // loads the active model while this runs still gets a working one; the real version is restored after.
  const [real] = await select("status = 'active'", []);
  await db.query('DELETE FROM models WHERE kind = ? AND version IN (?, ?)', [KIND, OLD, NEW]);
  for (const version of [OLD, NEW]) {
    const metrics = JSON.stringify({ mae: version / 1000, coverage: 0.8 });
    await db.query(
      real
        ? "INSERT INTO models (kind, version, status, trained_rows, feature_spec, metrics, baseline_metrics, artifact) SELECT kind, ?, 'candidate', trained_rows, feature_spec, ?, baseline_metrics, artifact FROM models WHERE id = ?"
        : "INSERT INTO models (kind, version, status, trained_rows, feature_spec, metrics, baseline_metrics, artifact) VALUES (?, ?, 'candidate', 100, '{}', ?, '{}', 'x')",
      real ? [version, metrics, real.id] : [KIND, version, metrics],
    );
  }
  const api = await playwright.request.newContext({ baseURL });
  const own = new URL(baseURL!).origin;
  try {
    const page = await adminPage(browser, `${NET}.6`);
    const section = page.locator(`section[data-model-kind="${KIND}"]`);
    const heading = section.getByRole('heading');
    const promote = (version: number) => section.locator(`th[data-model-version="${version}"]`).getByRole('button', { name: 'Promote' });
    await expect(section).toContainText('9.002');

    // The promote action sent without a valid session changes nothing.
    await promote(OLD).click();
    const promoteAction = await captureAction(page, () => section.getByRole('button', { name: 'Yes, promote' }).click());
    for (const refused of refusedSessions()) expect((await replay(api, promoteAction, own, refused)).status()).toBeLessThan(500);
    expect(await statuses()).toEqual({ [OLD]: 'candidate', [NEW]: 'candidate' });
    await page.reload();

    for (const version of [OLD, NEW]) {
      await promote(version).click();
      await expect(section).toContainText(`Make ${KIND} v${version} the active model`);
      await section.getByRole('button', { name: 'Yes, promote' }).click();
      await expect(heading).toContainText(`v${version} active`);
    }
    expect(await statuses()).toEqual({ [OLD]: 'retired', [NEW]: 'active' });

    const rollback = section.getByRole('button', { name: `Roll back to v${OLD}` });
    await rollback.click();
    await section.getByRole('button', { name: 'Cancel' }).click();
    await rollback.click();
    const rollbackAction = await captureAction(page, () => section.getByRole('button', { name: `Yes, roll back to v${OLD}` }).click());
    for (const refused of refusedSessions()) expect((await replay(api, rollbackAction, own, refused)).status()).toBeLessThan(500);
    expect(await statuses()).toEqual({ [OLD]: 'retired', [NEW]: 'active' });
    await page.reload();

    await rollback.click();
    await section.getByRole('button', { name: `Yes, roll back to v${OLD}` }).click();
    await expect(heading).toContainText(`v${OLD} active`);
    expect(await statuses()).toEqual({ [OLD]: 'active', [NEW]: 'retired' });
    await expect(page.getByText('Rolled back').first()).toBeVisible();
  } finally {
    await api.dispose();
    await db.query('DELETE FROM models WHERE kind = ? AND version IN (?, ?)', [KIND, OLD, NEW]);
    if (real) await db.query("UPDATE models SET status = 'active', activated_at = ? WHERE id = ?", [real.activated_at, real.id]);
  }
});
