import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SPOTIFY_CLIENT, startSpotifyFake, type FakeSpotify } from '@/tests/fakes/spotify-server';
import { detectCapabilities, unavailableCapabilities } from './capabilities';
import { createSpotifyClient } from './client';
import { spotifyArtistStats, spotifyPopularity, spotifyReleaseDate, spotifyTrackToInput } from './map';

const TRACK = '1Qrg8KqiBpW07V7PNxwwwL';
let dev: FakeSpotify;
let ext: FakeSpotify;
beforeAll(async () => {
  [dev, ext] = await Promise.all([startSpotifyFake({ mode: 'development' }), startSpotifyFake({ mode: 'extended' })]);
});
afterAll(async () => Promise.all([dev.close(), ext.close()]));

const client = (fake: FakeSpotify) => createSpotifyClient({ apiUrl: fake.apiUrl, accountsUrl: fake.accountsUrl, ...FAKE_SPOTIFY_CLIENT, maxRetries: 0 });

describe('detectCapabilities', () => {
  it('finds that a development-mode app has none of the extras', async () => {
    const caps = await detectCapabilities(client(dev), TRACK);
    expect(caps).toEqual({ popularity: false, audioFeatures: false, batch: false, editorialPlaylists: false });
    expect(unavailableCapabilities(caps)).toEqual(['popularity', 'audioFeatures', 'batch', 'editorialPlaylists']);
  });

  it('finds everything on an extended-quota app', async () => {
    const caps = await detectCapabilities(client(ext), TRACK);
    expect(caps).toEqual({ popularity: true, audioFeatures: true, batch: true, editorialPlaylists: true });
    expect(unavailableCapabilities(caps)).toEqual([]);
  });

  it('lets failures other than 403/404 through', async () => {
    dev.inject('/v1/audio-features/' + TRACK, { status: 500, body: { error: { status: 500, message: 'Server error' } } });
    await expect(detectCapabilities(client(dev), TRACK)).rejects.toThrow(/Server error 500/);
  });
});

describe('Spotify mapping', () => {
  it('keeps what a development-mode app does not get as null, never 0', async () => {
    const track = await client(dev).getTrack(TRACK);
    expect(spotifyPopularity(track)).toBeNull();
    const artist = await client(dev).getArtist('7tYKF4w9nC0nq9CsPZTHyP');
    expect(spotifyArtistStats(artist)).toEqual({ spotifyId: '7tYKF4w9nC0nq9CsPZTHyP', name: 'SZA', genres: null, followers: null, popularity: null });
    expect(spotifyTrackToInput(track)).toEqual({
      spotifyId: TRACK,
      isrc: 'USRC12204589',
      title: 'Kill Bill',
      artists: [{ name: 'SZA', spotifyId: '7tYKF4w9nC0nq9CsPZTHyP' }],
      album: 'SOS',
      releaseDate: '2022-12-01',
      durationMs: 153_946,
      explicit: true,
      features: null,
    });
  });

  it('maps what an extended-quota app gets', async () => {
    const c = client(ext);
    const track = await c.getTrack(TRACK);
    expect(spotifyPopularity(track)).toBe(84);
    const input = spotifyTrackToInput(track, await c.getAudioFeatures(TRACK));
    expect(input.features).toMatchObject({ tempo: 88.98, key: 8, timeSignature: 4 });
    expect(spotifyArtistStats(await c.getArtist('7tYKF4w9nC0nq9CsPZTHyP'))).toMatchObject({ followers: 19_876_543, popularity: 82 });
  });

  it('reads release dates of every precision', () => {
    expect(spotifyReleaseDate('2020-03-20')).toBe('2020-03-20');
    expect(spotifyReleaseDate('2022-12')).toBe('2022-12-01');
    expect(spotifyReleaseDate('1977')).toBe('1977-01-01');
    expect(spotifyReleaseDate('0000')).toBeNull();
    expect(spotifyReleaseDate(null)).toBeNull();
  });
});
