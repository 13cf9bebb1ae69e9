import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { adminAuthConfig } from './config';
import { SESSION_COOKIE, verifySessionToken, type SessionPayload } from './session';

/** The admin session of the current request, or null (admin disabled, no cookie, forged or expired). */
export async function getAdminSession(): Promise<SessionPayload | null> {
  // Cookies first: it makes every caller render per request, even when admin is off at build time.
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const config = adminAuthConfig();
  if (!config.enabled) return null;
  return verifySessionToken(config.sessionKey, token);
}

/**
 * Guards every admin page, server action and route handler: returns the session
 * or redirects to /admin/login. Each caller checks for itself (no reliance on proxy.ts).
 */
export async function requireAdmin(): Promise<SessionPayload> {
  const session = await getAdminSession();
  if (!session) redirect('/admin/login');
  return session;
}
