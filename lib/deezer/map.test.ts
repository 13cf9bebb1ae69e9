import { describe, expect, it } from 'vitest';
import tracks from '@/tests/fakes/fixtures/deezer/tracks.json';
import { deezerListTrackSchema, deezerTrackSchema } from './schemas';
import { deezerPopularity, deezerTrackToInput } from './map';

const full = (id: number) => deezerTrackSchema.parse(tracks.find((t) => t.id === id));

describe('deezerPopularity', () => {
  it('maps rank linearly onto 0–100, capped, one decimal', () => {
    expect(deezerPopularity(0)).toBe(0);
    expect(deezerPopularity(965_432)).toBe(96.5);
    expect(deezerPopularity(412_000)).toBe(41.2);
    expect(deezerPopularity(1_250_000)).toBe(100);
    expect(() => deezerPopularity(-1)).toThrow(RangeError);
  });
});

describe('deezerTrackToInput', () => {
  it('maps a full track with every main artist, ISRC, bpm as tempo and release date', () => {
    expect(deezerTrackToInput(full(3003467301))).toEqual({
      deezerId: 3003467301,
      isrc: 'USUM72409273',
      title: 'Die With A Smile',
      artists: [{ name: 'Lady Gaga' }, { name: 'Bruno Mars' }],
      album: 'Die With A Smile',
      releaseDate: '2024-08-16',
      durationMs: 251_000,
      explicit: false,
      features: { tempo: 158 },
    });
  });

  it('leaves bpm 0 and "0000-00-00" missing', () => {
    const input = deezerTrackToInput(full(2790296822));
    expect(input.features).toBeNull();
    expect(input.releaseDate).toBeNull();
  });

  it('maps a list track (no ISRC, no release date)', () => {
    const { isrc: _i, bpm: _b, release_date: _r, contributors: _c, ...rest } = tracks[0]!;
    const input = deezerTrackToInput(deezerListTrackSchema.parse(rest));
    expect(input).toMatchObject({ deezerId: 908604612, isrc: null, artists: [{ name: 'The Weeknd' }], releaseDate: '2020-03-20', features: null });
  });
});
