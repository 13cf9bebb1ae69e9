import 'server-only';
import { createHash, createHmac } from 'node:crypto';

/** Minimum SESSION_SECRET length: 32 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_SECRET_LENGTH = 32;

export type AdminAuthConfig =
  | { enabled: true; password: string; sessionKey: Buffer }
  | { enabled: false; reason: string };

/**
 * Admin settings from ADMIN_PASSWORD and SESSION_SECRET. There is no default
 * password and no derived secret: without both, admin is disabled and `reason`
 * says how to enable it. The signing key also depends on the password, so
 * changing either one ends every session.
 */
export function adminAuthConfig(env: Record<string, string | undefined> = process.env): AdminAuthConfig {
  const password = env.ADMIN_PASSWORD ?? '';
  const secret = env.SESSION_SECRET ?? '';
  const missing: string[] = [];
  if (password === '') missing.push('ADMIN_PASSWORD (the password to log in with)');
  if (secret.length < MIN_SECRET_LENGTH) {
    missing.push(`SESSION_SECRET (at least ${MIN_SECRET_LENGTH} random characters, e.g. the output of \`openssl rand -hex 32\`)`);
  }
  if (missing.length > 0) {
    return {
      enabled: false,
      reason: `Admin is disabled. To enable it, set ${missing.join(' and ')} in the server's environment (or .env.local) and restart it.`,
    };
  }
  const passwordDigest = createHash('sha256').update(password, 'utf8').digest('hex');
  const sessionKey = createHmac('sha256', secret).update(`songcast-admin-session:${passwordDigest}`).digest();
  return { enabled: true, password, sessionKey };
}
