import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllEnvs());

describe('outside API settings', () => {
  it('Spotify: names the missing credentials, reads playlist URLs as ids', async () => {
    vi.stubEnv('SPOTIFY_CLIENT_ID', '');
    const { spotifyEnv } = await import('@/lib/spotify/env');
    expect(() => spotifyEnv()).toThrow(/Spotify settings are incomplete:[\s\S]*SPOTIFY_CLIENT_ID[\s\S]*SPOTIFY_CLIENT_SECRET is required/);
    vi.resetModules();
    vi.stubEnv('SPOTIFY_CLIENT_ID', 'id');
    vi.stubEnv('SPOTIFY_CLIENT_SECRET', 'secret');
    vi.stubEnv('SPOTIFY_PLAYLISTS', 'https://open.spotify.com/playlist/3cEYpjA9oz9GiPac4AsH4n?si=x, spotify:playlist:37i9dQZEVXbMDoHDwVN2tF');
    const again = await import('@/lib/spotify/env');
    expect(again.spotifyEnv()).toMatchObject({
      SPOTIFY_API_URL: 'https://api.spotify.com/v1',
      SPOTIFY_PLAYLISTS: ['3cEYpjA9oz9GiPac4AsH4n', '37i9dQZEVXbMDoHDwVN2tF'],
    });
  });

  it('Deezer: defaults need nothing, a bad country is named', async () => {
    vi.stubEnv('DEEZER_COUNTRIES', 'us,xx');
    const { deezerEnv } = await import('@/lib/deezer/env');
    expect(() => deezerEnv()).toThrow(/Deezer settings are incomplete:[\s\S]*no known Deezer top list for "xx"[\s\S]*DEEZER_COUNTRIES/);
    vi.resetModules();
    vi.stubEnv('DEEZER_COUNTRIES', undefined);
    const again = await import('@/lib/deezer/env');
    expect(again.deezerEnv()).toMatchObject({ apiUrl: 'https://api.deezer.com', topLists: [{ country: 'global' }, { country: 'us' }, { country: 'gb' }, { country: 'de' }, { country: 'fr' }, { country: 'br' }] });
  });
});
