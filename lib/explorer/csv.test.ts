import { describe, expect, it } from 'vitest';
import { chartSongsCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting, leaves nulls empty and defuses formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', null, 0.123456789, '=SUM(A1)', 'plain']])).toBe(
      '"a,b","say ""hi""",,0.1235,\'=SUM(A1),plain\r\n',
    );
  });
});

describe('chartSongsCsv', () => {
  it('writes a header and one line per song, empty cells for a missing forecast', () => {
    const csv = chartSongsCsv([
      { trackId: 7, rank: 1, previousRank: null, title: 'Song', artistNames: 'A, B', weeksOnChart: 1, peakRank: 1, in26: { pCharting: 0.5, p10: 1, p50: 2, p90: 3 }, in52: null },
    ]);
    const [header, line] = csv.split('\r\n');
    expect(header?.split(',')).toHaveLength(15);
    expect(line).toBe('1,,7,Song,"A, B",1,1,0.5,1,2,3,,,,');
  });
});
