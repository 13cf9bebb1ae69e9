import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { adminAuthConfig } from './config';
import { SESSION_COOKIE, verifySessionToken, type SessionPayload } from './session';

/** The admin session of the current request, or null (admin disabled, no cookie, forged or expired). */
export async function getAdminSession(): Promise<SessionPayload | null> {
  const config = adminAuthConfig();
  if (!config.enabled) return null;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
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
