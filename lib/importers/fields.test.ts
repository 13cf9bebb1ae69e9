import { describe, expect, it } from 'vitest';
import { BadLine, day, durationMs, featureReader, Header, list, num, spotifyTrackId } from './fields';
import { parseChartFileName } from './spotify-charts';

describe('day', () => {
  it.each([
    ['2023-06-01', '2023-06-01'],
    ['2023-06-01T00:00:00Z', '2023-06-01'],
    ['7/17/1965', '1965-07-17'],
    ['8/16/24', '2024-08-16'],
    ['12/8/99', '1999-12-08'],
    ['2019', null],
    ['2019-06', null],
  ])('%s → %s', (input, expected) => {
    expect(day(input, 'date')).toBe(expected);
  });

  it('rejects impossible and unreadable dates as bad lines', () => {
    expect(() => day('2023-02-30', 'date')).toThrow(BadLine);
    expect(() => day('yesterday', 'date')).toThrow(/"yesterday" is not a date/);
  });
});

describe('field parsers', () => {
  it('reads numbers with thousands separators, and missing markers as null', () => {
    expect(num(['48,633,449.00'], 0, 'streams')).toBe(48633449);
    expect(num(['NaN'], 0, 'x')).toBeNull();
    expect(num([''], 0, 'x')).toBeNull();
    expect(() => num(['12a'], 0, 'streams')).toThrow(/streams "12a" is not a number/);
  });

  it('finds Spotify ids in bare ids, URIs and URLs', () => {
    expect(spotifyTrackId('spotify:track:0bYg9bo50gSsH3LtXe2SQn')).toBe('0bYg9bo50gSsH3LtXe2SQn');
    expect(spotifyTrackId('https://open.spotify.com/track/0bYg9bo50gSsH3LtXe2SQn?si=x')).toBe('0bYg9bo50gSsH3LtXe2SQn');
    expect(spotifyTrackId('0bYg9bo50gSsH3LtXe2SQn')).toBe('0bYg9bo50gSsH3LtXe2SQn');
    expect(spotifyTrackId('spotify:track:short')).toBeNull();
  });

  it('reads Python-style and semicolon lists', () => {
    expect(list("['dance pop', 'pop']")).toEqual(['dance pop', 'pop']);
    expect(list('["Guns N\' Roses"]')).toEqual(["Guns N' Roses"]);
    expect(list('[]')).toEqual([]);
    expect(list('Tinashe; ScHoolboy Q')).toEqual(['Tinashe', 'ScHoolboy Q']);
  });

  it('reads durations as m:ss or milliseconds', () => {
    expect(durationMs('3:47')).toBe(227_000);
    expect(durationMs('1:02:03')).toBe(3_723_000);
    expect(durationMs('203064')).toBe(203_064);
    expect(() => durationMs('long')).toThrow(BadLine);
  });

  it('reads audio features, including keys written as note names', () => {
    const read = featureReader(new Header(['Danceability', 'Tempo', 'Chord']))!;
    expect(read(['0.5', '120', 'C#/Db'])).toEqual({ danceability: 0.5, tempo: 120, key: 1 });
    expect(read(['', '', 'Bb'])).toEqual({ danceability: null, tempo: null, key: 10 });
    expect(featureReader(new Header(['a', 'b']))).toBeNull();
  });
});

describe('parseChartFileName', () => {
  it('reads charts.spotify.com and spotifycharts.com names', () => {
    expect(parseChartFileName('/x/regional-global-weekly-2023-06-01.csv')).toEqual({ kind: 'regional', country: 'global', frequency: 'weekly', date: '2023-06-01' });
    expect(parseChartFileName('viral-us-daily-2021-01-02.csv.gz')).toEqual({ kind: 'viral', country: 'us', frequency: 'daily', date: '2021-01-02' });
    expect(parseChartFileName('regional-de-weekly-2019-12-27--2020-01-03.csv').date).toBe('2020-01-03');
    expect(parseChartFileName('my-export.csv')).toEqual({ kind: 'regional', country: null, frequency: 'weekly', date: null });
  });
});
