import 'server-only';
import { cookies } from 'next/headers';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { recordAdminAction } from './admin-trail';
import { adminAuthConfig } from './config';
import { passwordMatches } from './password';
import { SlidingWindowLimiter } from './rate-limit';
import { requestInfo } from './request-info';
import { createSessionToken, SESSION_COOKIE, SESSION_TTL_SECONDS } from './session';

/** Login attempts allowed per client address: 5 in any minute. */
export const LOGIN_LIMIT = { attempts: 5, windowMs: 60_000 };

// One limiter per server process, kept across hot reloads.
const store = globalThis as typeof globalThis & { songcastLoginLimiter?: SlidingWindowLimiter };
const limiter = () => (store.songcastLoginLimiter ??= new SlidingWindowLimiter(LOGIN_LIMIT.attempts, LOGIN_LIMIT.windowMs));

/**
 * Checks the password (at most LOGIN_LIMIT attempts per client address, counted
 * whether right or wrong), records the attempt and, when right, sets the signed
 * session cookie. Throws AppError with a message for the login form otherwise.
 */
export async function logIn(db: Db, password: string): Promise<void> {
  const config = adminAuthConfig();
  if (!config.enabled) throw new AppError('UNAVAILABLE', config.reason);
  const info = await requestInfo();
  limiter().prune();
  const gate = limiter().hit(info.ip);
  if (!gate.allowed) {
    await recordAdminAction(db, 'login_limited');
    const seconds = Math.ceil(gate.retryAfterMs / 1000);
    throw new AppError('RATE_LIMITED', `Too many login attempts from your address. Wait ${seconds} s and try again.`);
  }
  if (!passwordMatches(password, config.password)) {
    await recordAdminAction(db, 'login_failed');
    throw new AppError('UNAUTHORIZED', 'Wrong password.');
  }
  (await cookies()).set(SESSION_COOKIE, createSessionToken(config.sessionKey), {
    httpOnly: true,
    sameSite: 'lax',
    secure: info.https,
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  });
  await recordAdminAction(db, 'login_ok');
}

/** Ends the session: deletes the cookie and records it. */
export async function logOut(db: Db): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  await recordAdminAction(db, 'logout');
}
