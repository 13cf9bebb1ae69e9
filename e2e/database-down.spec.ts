/**
 * The built app while its database is down: a second `next start` of the same build, on its own port, reads a
 * private MariaDB holding a copy of the e2e database. The test crashes that MariaDB, checks the pages that read
 * it show the error page (no driver text), the explorer's default view is still served from its kept render,
 * /api/health says the database is down and the API answers 503; then starts it again and checks the same
 * server process recovers on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { unusedPort } from '../tests/support/mqtt';
import { copyDatabaseInto, startPrivateMariaDb, type PrivateMariaDb } from '../tests/support/private-services';
import { E2E_ADMIN_PASSWORD, E2E_SESSION_SECRET } from './admin-env';
import { E2E_DATABASE_URL } from './database-url';

test.describe.configure({ mode: 'serial' });

/** app/error.tsx's heading. */
const ERROR_HEADING = 'Something went wrong loading this page';

let database: PrivateMariaDb;
let server: ChildProcess;
let base: string;
let serverLog = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await startPrivateMariaDb('e2e');
  await copyDatabaseInto(database, E2E_DATABASE_URL, 'songcast_down');
  const port = await unusedPort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: database.urlOf('songcast_down'), ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, SESSION_SECRET: E2E_SESSION_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (serverLog += String(chunk)));
  server.stderr!.on('data', (chunk) => (serverLog += String(chunk)));
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000, message: `second server did not start:\n${serverLog}` })
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await database?.remove();
});

const health = async (request: APIRequestContext) => {
  const response = await request.get(`${base}/api/health`);
  return { status: response.status(), body: await response.json() };
};

test('pages show the error page while the database is down, and recover without a restart', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto(`${base}/`);
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  const songUrl = await table.getByRole('row').nth(1).getByRole('link').first().getAttribute('href');
  expect(songUrl).toMatch(/^\/songs\/\d+/);
  expect(await health(request)).toMatchObject({ status: 200, body: { db: 'up' } });

  await database.stop('SIGKILL');
  // `/` without a query is rendered once and kept (lib/explorer/default-view.ts): while the database is down
  // the kept render is still served. Any other explorer view, and a song, is rendered per request.
  await page.goto(`${base}/`);
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);
  for (const path of ['/?sort=title', songUrl!]) {
    await page.goto(`${base}${path}`);
    const errorPage = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ERROR_HEADING }) });
    await expect(errorPage, path).toBeVisible();
    await expect(errorPage).toContainText('/api/health');
    await expect(page.locator('body')).not.toContainText(/ECONNREFUSED|Failed query|mysql|select /i);
  }
  expect(await health(request)).toMatchObject({ status: 503, body: { status: 'down', db: 'down' } });
  const api = await request.get(`${base}/api/v1/forecasts`);
  expect(api.status()).toBe(503);
  expect(api.headers()['retry-after']).toBe('5');
  expect((await api.json()).error.code).toBe('UNAVAILABLE');

  await database.start();
  // The pool drops the dead connections and opens new ones: no restart of the web server.
  await expect.poll(async () => (await health(request)).status, { timeout: 20_000 }).toBe(200);
  expect((await health(request)).body).toMatchObject({ db: 'up' });
  await page.goto(`${base}${songUrl}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: ERROR_HEADING })).toHaveCount(0);
  await page.goto(`${base}/?sort=title`);
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);
  expect((await request.get(`${base}/api/v1/forecasts`)).status()).toBe(200);
  expect(server.exitCode, serverLog).toBeNull();
});
