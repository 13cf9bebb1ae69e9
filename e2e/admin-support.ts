/** Helpers of admin.spec.ts: logged-in pages, session cookies made by hand, captured server actions. */
import { createHash, createHmac } from 'node:crypto';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_SESSION_SECRET } from './admin-env';

export const COOKIE = 'songcast_admin';

/**
 * A page in its own browser context. Each test comes from its own client address
 * (X-Forwarded-For), so the per-address login limit of one test never blocks another.
 */
export async function adminPage(browser: Browser, ip: string, { login = true } = {}): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  if (login) {
    await page.goto('/admin/login');
    await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  }
  return page;
}

/**
 * A session token built from the documented format (docs/admin.md) with the e2e secrets:
 * `base64url(payload).base64url(HMAC-SHA256)`, key = HMAC(SESSION_SECRET, "songcast-admin-session:" + sha256(password)).
 */
export function signedSession(iatSeconds: number, expSeconds: number, secret = E2E_SESSION_SECRET): string {
  const digest = createHash('sha256').update(E2E_ADMIN_PASSWORD).digest('hex');
  const key = createHmac('sha256', secret).update(`songcast-admin-session:${digest}`).digest();
  const body = Buffer.from(JSON.stringify({ sub: 'admin', iat: iatSeconds, exp: expSeconds })).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/** Cookie values that must never open the console: none, garbage, expired, tampered, wrong secret. */
export function refusedSessions(): (string | undefined)[] {
  const now = Math.floor(Date.now() / 1000);
  const valid = signedSession(now, now + 600);
  const [body, mac = ''] = valid.split('.');
  const stretched = Buffer.from(JSON.stringify({ sub: 'admin', iat: now, exp: now + 86_400 * 365 })).toString('base64url');
  return [
    undefined,
    'forged',
    signedSession(now - 9 * 3600, now - 3600),
    `${stretched}.${mac}`,
    `${body}.${'A'.repeat(mac.length)}`,
    signedSession(now, now + 600, 'another-secret-of-at-least-32-characters!!'),
  ];
}

export interface CapturedAction {
  headers: Record<string, string>;
  body: string;
}

/** Clicks, captures the server action POST to /admin the click sends, and stops it before it reaches the server. */
export async function captureAction(page: Page, click: () => Promise<void>): Promise<CapturedAction> {
  let resolve!: (captured: CapturedAction) => void;
  const captured = new Promise<CapturedAction>((r) => (resolve = r));
  await page.route('**/admin', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    resolve({ headers: req.headers(), body: req.postData() ?? '' });
    await route.abort();
  });
  await click();
  const result = await captured;
  await page.unroute('**/admin');
  return result;
}

/** Sends a captured action again with another Origin and session cookie (undefined: none). */
export function replay(api: APIRequestContext, action: CapturedAction, origin: string, session: string | undefined) {
  const { cookie: _cookie, origin: _origin, ...headers } = action.headers;
  return api.post('/admin', {
    headers: { ...headers, origin, ...(session === undefined ? {} : { cookie: `${COOKIE}=${session}` }) },
    data: action.body,
    maxRedirects: 0,
  });
}
