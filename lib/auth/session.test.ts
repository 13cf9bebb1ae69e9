import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminAuthConfig } from './config';
import { passwordMatches } from './password';
import { createSessionToken, SESSION_TTL_SECONDS, verifySessionToken } from './session';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const now = Date.UTC(2026, 10, 23, 12, 0, 0);

const forge = (payload: unknown, signWith: Buffer) => {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', signWith).update(body).digest('base64url')}`;
};

describe('session tokens', () => {
  it('accepts a fresh token signed with the key', () => {
    const token = createSessionToken(key, now);
    expect(verifySessionToken(key, token, now + 1000)).toMatchObject({ sub: 'admin', exp: now / 1000 + SESSION_TTL_SECONDS });
  });

  it('refuses an expired token', () => {
    const token = createSessionToken(key, now, 60);
    expect(verifySessionToken(key, token, now + 59_000)).not.toBeNull();
    expect(verifySessionToken(key, token, now + 60_000)).toBeNull();
  });

  it('refuses a token signed with another key (forged)', () => {
    expect(verifySessionToken(key, createSessionToken(otherKey, now), now)).toBeNull();
    const iat = now / 1000;
    expect(verifySessionToken(key, forge({ sub: 'admin', iat, exp: iat + 3600 }, otherKey), now)).toBeNull();
  });

  it('refuses a tampered payload (expiry stretched, signature kept)', () => {
    const token = createSessionToken(key, now, 60);
    const [, mac] = token.split('.');
    const iat = now / 1000;
    const stretched = Buffer.from(JSON.stringify({ sub: 'admin', iat, exp: iat + 10 * 365 * 86400 })).toString('base64url');
    expect(verifySessionToken(key, `${stretched}.${mac}`, now)).toBeNull();
  });

  it('refuses a tampered signature, garbage and empty values', () => {
    const token = createSessionToken(key, now);
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [flipped, '', 'abc', 'a.b.c', `${token}.x`, token.split('.')[0], undefined, null, 'x'.repeat(5000)]) {
      expect(verifySessionToken(key, bad, now)).toBeNull();
    }
  });

  it('refuses a correctly signed payload of the wrong shape or issued in the future', () => {
    const iat = now / 1000;
    expect(verifySessionToken(key, forge({ sub: 'root', iat, exp: iat + 60 }, key), now)).toBeNull();
    expect(verifySessionToken(key, forge({ sub: 'admin', iat, exp: iat + 60, role: 'x' }, key), now)).toBeNull();
    expect(verifySessionToken(key, forge({ sub: 'admin', iat: iat + 3600, exp: iat + 7200 }, key), now)).toBeNull();
  });
});

describe('passwordMatches', () => {
  it('matches only the exact password', () => {
    expect(passwordMatches('correct horse', 'correct horse')).toBe(true);
    expect(passwordMatches('correct hors', 'correct horse')).toBe(false);
    expect(passwordMatches('', 'correct horse')).toBe(false);
    expect(passwordMatches('Correct horse', 'correct horse')).toBe(false);
  });
});

describe('adminAuthConfig', () => {
  const secret = 'x'.repeat(32);
  it('is disabled without a password or with a short secret, and says how to enable it', () => {
    const noPassword = adminAuthConfig({ SESSION_SECRET: secret });
    expect(noPassword).toMatchObject({ enabled: false });
    expect(noPassword.enabled ? '' : noPassword.reason).toMatch(/ADMIN_PASSWORD/);
    const shortSecret = adminAuthConfig({ ADMIN_PASSWORD: 'pw', SESSION_SECRET: 'short' });
    expect(shortSecret.enabled ? '' : shortSecret.reason).toMatch(/SESSION_SECRET \(at least 32/);
    expect(adminAuthConfig({}).enabled).toBe(false);
  });

  it('derives a signing key that changes with the password, so a new password ends old sessions', () => {
    const a = adminAuthConfig({ ADMIN_PASSWORD: 'one', SESSION_SECRET: secret });
    const b = adminAuthConfig({ ADMIN_PASSWORD: 'two', SESSION_SECRET: secret });
    if (!a.enabled || !b.enabled) throw new Error('expected enabled');
    const token = createSessionToken(a.sessionKey, now);
    expect(verifySessionToken(a.sessionKey, token, now)).not.toBeNull();
    expect(verifySessionToken(b.sessionKey, token, now)).toBeNull();
  });
});
