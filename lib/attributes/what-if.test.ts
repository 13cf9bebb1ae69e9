import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attributeFeatureNames, attributeRow, type SongAttributes } from './attributes';
import { rSquared } from './train-attributes';
import { whatIfSchema } from './what-if';

const form = {
  danceability: '0.7', energy: '0.6', valence: '0.5', tempo: '120', loudness: '-6', acousticness: '0.2', speechiness: '0.08',
  instrumentalness: '0', liveness: '0.1', durationSec: '200', key: '9', mode: '0', genre: 'pop', releaseMonth: '11', artistPriorMean: '', artistPriorSongs: '',
};

describe('whatIfSchema', () => {
  it('reads the form: numbers, mode, unchecked explicit, an empty track record as unknown', () => {
    expect(whatIfSchema.parse(form)).toMatchObject({ tempo: 120, key: 9, mode: 0, explicit: false, releaseMonth: 11, artistPriorMean: null, artistPriorSongs: null });
    expect(whatIfSchema.parse({ ...form, explicit: 'on', artistPriorMean: '62.5', artistPriorSongs: '4' })).toMatchObject({ explicit: true, artistPriorMean: 62.5, artistPriorSongs: 4 });
    expect(whatIfSchema.parse({ ...form, artistPriorSongs: '0' })).toMatchObject({ artistPriorMean: null, artistPriorSongs: 0 });
  });

  it('names bad track-record values, and a mean for an artist without earlier songs', () => {
    const bad = z.flattenError(whatIfSchema.safeParse({ ...form, artistPriorMean: 'lots', artistPriorSongs: '2.5' }).error!).fieldErrors as Record<string, string[]>;
    expect(bad.artistPriorMean).toEqual(['Earlier songs’ mean popularity must be a number']);
    expect(bad.artistPriorSongs).toEqual(['Number of earlier songs must be a whole number']);
    const none = z.flattenError(whatIfSchema.safeParse({ ...form, artistPriorMean: '50', artistPriorSongs: '0' }).error!).fieldErrors as Record<string, string[]>;
    expect(none.artistPriorMean).toEqual(['An artist with no earlier songs has no mean popularity: leave it empty']);
  });

  it('names every bad field', () => {
    const r = whatIfSchema.safeParse({ ...form, danceability: '', tempo: '9000', key: '3.5', mode: '2', artistPriorMean: '-5' });
    const fields = z.flattenError(r.error!).fieldErrors as Record<string, string[]>;
    expect(fields.danceability).toEqual(['Danceability is required']);
    expect(fields.tempo).toEqual(['Tempo (BPM) must be between 30 and 250']);
    expect(fields.key).toEqual(['Key must be a whole number']);
    expect(fields.mode).toEqual(['Mode must be major or minor']);
    expect(fields.artistPriorMean).toEqual(['Earlier songs’ mean popularity must be between 0 and 100']);
  });
});

describe('attributeRow', () => {
  const a: SongAttributes = { ...whatIfSchema.parse(form), genre: 'rock' };

  it('lines up with the feature names, circular key and month, one-hot genre, unknown track record as NaN', () => {
    const genres = ['pop', 'rock'];
    const row = attributeRow(a, genres);
    const names = attributeFeatureNames(genres);
    expect(row).toHaveLength(names.length);
    const at = (n: string) => row[names.indexOf(n)];
    expect(at('genre:rock')).toBe(1);
    expect(at('genre:pop')).toBe(0);
    expect(at('artist_prior_mean')).toBeNaN();
    expect(at('artist_prior_songs_log')).toBeNaN();
    const known = attributeRow({ ...a, artistPriorMean: 60, artistPriorSongs: 3 }, genres);
    expect(known[names.indexOf('artist_prior_mean')]).toBe(60);
    expect(known[names.indexOf('artist_prior_songs_log')]).toBeCloseTo(Math.log(4));
    // December (12) and January (1) sit next to each other.
    const month = (m: number) => attributeRow({ ...a, releaseMonth: m }, genres).slice(names.indexOf('month_sin'), names.indexOf('month_cos') + 1);
    const dist = (p: number[], q: number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);
    expect(dist(month(12), month(1))).toBeCloseTo(dist(month(1), month(2)));
  });
});

describe('rSquared', () => {
  it('is 1 for perfect predictions and 0 for the mean', () => {
    expect(rSquared([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(rSquared([2, 2, 2], [1, 2, 3])).toBe(0);
  });
});
