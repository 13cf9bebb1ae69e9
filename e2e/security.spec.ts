import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mysql from 'mysql2/promise';
import { ALL_HOSTILE, SQL_INJECTION } from '../tests/security/hostile-values';
import { tableChecksums } from '../tests/security/table-checksums';
import { E2E_ADMIN_PASSWORD, E2E_SESSION_SECRET } from './admin-env';
import { adminPage, captureAction, refusedSessions, replay } from './admin-support';
import { E2E_DATABASE_URL } from './database-url';

// Tables the admin tests running in parallel change (runs, trail, promotions, the audit they queue).
const CHANGED_BY_ADMIN_TESTS = new Set(['job_runs', 'admin_events', 'models', 'forecasts']);
const publicTableChecksums = async () =>
  Object.fromEntries(Object.entries(await tableChecksums(E2E_DATABASE_URL)).filter(([table]) => !CHANGED_BY_ADMIN_TESTS.has(table)));

async function someSongId(): Promise<number> {
  const db = await mysql.createConnection({ uri: E2E_DATABASE_URL });
  try {
    const [[row]] = (await db.query('SELECT MIN(track_id) AS id FROM forecasts')) as unknown as [[{ id: number }]];
    return row.id;
  } finally {
    await db.end();
  }
}

test('every kind of page carries the security headers', async ({ request }) => {
  const id = await someSongId();
  for (const url of ['/', '/songs?q=a', `/songs/${id}`, '/songs/0', '/no-such-page', '/admin/login', '/explorer.csv', '/api/v1/charts', '/api/v1/nope']) {
    const headers = (await request.get(url, { maxRedirects: 0 })).headers();
    expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], url).toContain("object-src 'none'");
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], url).toContain('camera=()');
    expect(headers['x-powered-by'], url).toBeUndefined();
  }
});

test('the app’s own pages run under the CSP without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const id = await someSongId();
  await page.goto('/');
  await expect(page.getByRole('table')).toBeVisible();
  await page.goto(`/songs/${id}`);
  // The recharts chart is a client component: it only draws after hydration, i.e. when scripts ran.
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  for (const url of ['/songs?q=a', '/no-such-page', '/admin/login']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
  // The control: a script from another origin is refused and the refusal is seen here.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { src: 'https://evil.example/x.js' })));
  await expect.poll(() => violations.some((v) => v.includes('evil.example'))).toBe(true);
});

test('hostile values in every page input: no 5xx, no changed row', async ({ request }) => {
  test.setTimeout(480_000);
  const id = await someSongId();
  const urls: string[] = [];
  for (const value of ALL_HOSTILE) {
    const v = encodeURIComponent(value);
    for (const param of ['chart', 'q', 'filter', 'sort', 'dir', 'page']) urls.push(`/?${param}=${v}`);
    urls.push(`/songs?q=${v}`, `/songs/${id}?chart=${v}`, `/explorer.csv?q=${v}&sort=${v}`);
    urls.push(`/trends?chart=${v}&weeks=${v}`, `/trends/csv?chart=${v}&weeks=${v}`);
    for (const param of ['country', 'weight', 'weeks', 'mark']) urls.push(`/trends/mood?${param}=${v}`);
    urls.push(`/trends/mood/csv?country=${v}&weight=${v}&weeks=${v}`);
  }
  for (const value of [...SQL_INJECTION, '0', '-1', '1.5', 'abc', '1e3', 'a'.repeat(300), '99999999999', '%00']) {
    urls.push(`/songs/${encodeURIComponent(value)}`);
  }
  urls.push('/?unknown=1&debug=true', `/?${'k'.repeat(3000)}=1`, '/?q=a&q=b&page=1&page=99999', '/songs?q[]=a');

  const before = await publicTableChecksums();
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  for (const url of urls) {
    const status = (await request.get(url, { maxRedirects: 0 })).status();
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 500) failures.push(`${status} ${url.slice(0, 100)}`);
  }
  console.log(`hostile page inputs: ${urls.length} tried, by status ${JSON.stringify(statuses)}`);
  expect(failures).toEqual([]);
  expect(urls.length).toBeGreaterThan(300);
  expect(await publicTableChecksums()).toEqual(before);
});

test('the built client bundle holds none of the server’s secrets', async () => {
  const dir = path.resolve('.next/static');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  expect(files.length).toBeGreaterThan(10);
  const databasePassword = decodeURIComponent(new URL(E2E_DATABASE_URL).password);
  const secrets = [E2E_ADMIN_PASSWORD, E2E_SESSION_SECRET, E2E_DATABASE_URL, ...(databasePassword ? [databasePassword] : [])];
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(file.parentPath, file.name), 'latin1');
    for (const secret of secrets) if (text.includes(secret)) found.push(`${file.name} holds ${secret.slice(0, 4)}…`);
  }
  expect(found).toEqual([]);
});

test('the logout action refuses every request without a valid session: no logout is recorded without one', async ({ browser, playwright, baseURL }) => {
  const ip = `10.250.${Math.floor(Math.random() * 250)}.7`;
  const page = await adminPage(browser, ip);
  const action = await captureAction(page, () => page.getByRole('button', { name: 'Log out' }).click());
  const db = await mysql.createConnection({ uri: E2E_DATABASE_URL });
  const logouts = async () =>
    ((await db.query("SELECT COUNT(*) AS n FROM admin_events WHERE action = 'logout' AND ip = ?", [ip]))[0] as { n: number }[])[0]!.n;
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  try {
    const own = new URL(baseURL!).origin;
    for (const refused of refusedSessions()) expect((await replay(api, action, own, refused)).status()).toBeLessThan(500);
    expect(await logouts()).toBe(0);
    // The control: the same request with the page's own session does log out, and is recorded.
    const session = (await page.context().cookies()).find((c) => c.name === 'songcast_admin')!.value;
    expect((await replay(api, action, own, session)).status()).toBeLessThan(500);
    await expect.poll(logouts).toBe(1);
  } finally {
    await api.dispose();
    await db.end();
  }
});
