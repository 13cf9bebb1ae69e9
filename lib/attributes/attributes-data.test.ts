import { describe, expect, it } from 'vitest';
import type { SongAttributes } from './attributes';
import { withArtistRecord } from './attributes-data';

const attributes = {} as SongAttributes;
const song = (trackId: number, artistId: number | null, releaseDate: string, popularity: number) => ({ trackId, artistId, releaseDate, popularity, attributes });

describe('withArtistRecord', () => {
  it('counts only the artist’s songs released strictly before, never the song itself or a same-day twin', () => {
    const out = withArtistRecord([
      song(1, 7, '2019-05-01', 40),
      song(2, 7, '2018-01-01', 80),
      song(3, 7, '2019-05-01', 10),
      song(4, 7, '2020-01-01', 0),
      song(5, 8, '2017-01-01', 99),
      song(6, null, '2021-01-01', 50),
    ]);
    const record = (id: number) => {
      const a = out.find((e) => e.trackId === id)!.attributes;
      return [a.artistPriorMean, a.artistPriorSongs];
    };
    expect(record(2)).toEqual([null, 0]);
    expect(record(1)).toEqual([80, 1]);
    expect(record(3)).toEqual([80, 1]);
    expect(record(4)).toEqual([(80 + 40 + 10) / 3, 3]);
    expect(record(5)).toEqual([null, 0]);
    expect(record(6)).toEqual([undefined, undefined]);
    expect(out.every((e) => !('artistId' in e))).toBe(true);
  });
});
