import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { initJob } from './init';

afterEach(() => vi.unstubAllEnvs());

describe('init options', () => {
  it('defaults to deezer, adding spotify when its credentials are set', () => {
    vi.stubEnv('SPOTIFY_CLIENT_ID', '');
    expect(initJob.input.parse({})).toMatchObject({ sources: ['deezer'], limit: undefined, skipTo: undefined });
    vi.stubEnv('SPOTIFY_CLIENT_ID', 'id');
    vi.stubEnv('SPOTIFY_CLIENT_SECRET', 'secret');
    expect(initJob.input.parse({ limit: '20', 'skip-to': 'tracks' })).toMatchObject({ sources: ['deezer', 'spotify'], limit: 20, skipTo: 'tracks' });
  });

  it('refuses sources it cannot set up, unknown phases and bad limits', () => {
    const problems = (input: unknown) => {
      const r = initJob.input.safeParse(input);
      return r.success ? '' : z.prettifyError(r.error);
    };
    expect(problems({ sources: 'sample' })).toMatch(/init sets up the live sources only: deezer, spotify/);
    expect(problems({ sources: 'deezer', 'skip-to': 'playlists' })).toMatch(/source "deezer" has no phase "playlists"/);
    expect(problems({ sources: 'deezer', limit: '0' })).toMatch(/limit/);
    expect(problems({ sources: 'deezer', extra: 1 })).not.toBe('');
  });
});
