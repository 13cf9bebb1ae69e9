import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export { SESSION_COOKIE } from './session-cookie';
/** How long a login lasts, in seconds (a working day). */
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

const payloadSchema = z.object({ sub: z.literal('admin'), iat: z.number().int(), exp: z.number().int() }).strict();
export type SessionPayload = z.infer<typeof payloadSchema>;

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

/**
 * Makes a session token `<base64url payload>.<base64url HMAC-SHA256>`; the expiry
 * (`exp`, unix seconds) sits inside the signed payload so it cannot be stretched.
 */
export function createSessionToken(key: Buffer, nowMs = Date.now(), ttlSeconds = SESSION_TTL_SECONDS): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: SessionPayload = { sub: 'admin', iat, exp: iat + ttlSeconds };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(key, body).toString('base64url')}`;
}

/**
 * Returns the payload of a token signed with `key` that has not expired, else null.
 * Signatures are compared in constant time; nothing in the payload is trusted before that.
 */
export function verifySessionToken(key: Buffer, token: string | undefined | null, nowMs = Date.now()): SessionPayload | null {
  if (!token || token.length > 1024) return null;
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body = '', mac = ''] = parts;
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return null;
  const now = Math.floor(nowMs / 1000);
  // A token issued in the future (clock games) or past its expiry is refused.
  if (parsed.data.exp <= now || parsed.data.iat > now + 60) return null;
  return parsed.data;
}
