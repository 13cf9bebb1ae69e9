import { describe, expect, it } from 'vitest';
import { moodHref, parseMark, parseMoodParams } from './mood-params';

describe('parseMark', () => {
  it('reads a period with and without a name', () => {
    expect(parseMark('2026-03-01..2026-04-15:Spring')).toEqual({ from: '2026-03-01', to: '2026-04-15', label: 'Spring' });
    expect(parseMark('2026-03-01..2026-03-02')).toEqual({ from: '2026-03-01', to: '2026-03-02', label: '2026-03-01 to 2026-03-02' });
  });

  it('explains what is wrong with a bad period', () => {
    expect(parseMark('spring')).toMatch(/not a period/);
    expect(parseMark('2026-02-30..2026-03-01:X')).toMatch(/does not exist/);
    expect(parseMark('2026-04-01..2026-03-01:X')).toMatch(/ends before it starts/);
    expect(parseMark(`2026-03-01..2026-04-01:${'x'.repeat(41)}`)).toMatch(/longer than 40/);
  });
});

describe('parseMoodParams', () => {
  it('reads repeated and comma-separated countries, weight, range and marks', () => {
    const p = parseMoodParams({ country: ['us,GB', 'us', 'nope'], weight: 'rank', weeks: '104', mark: ['2026-01-01..2026-02-01:Jan', 'bad'] });
    expect(p).toMatchObject({ countries: ['us', 'gb'], weight: 'rank', weeks: 104, marks: [{ label: 'Jan' }] });
    expect(p.rejectedMarks).toHaveLength(1);
  });

  it('falls back to defaults on bad values', () => {
    expect(parseMoodParams({ weight: 'loud', weeks: '7' })).toMatchObject({ countries: [], weight: 'streams', weeks: 52, marks: [] });
  });

  it('round-trips through its URL', () => {
    const p = parseMoodParams({ country: ['de', 'gb'], weeks: '26', mark: '2026-03-01..2026-04-15:Spring' });
    const href = moodHref(p);
    expect(href).toBe('/trends/mood?country=de&country=gb&weeks=26&mark=2026-03-01..2026-04-15%3ASpring');
    const query = new URLSearchParams(href.split('?')[1]);
    expect(parseMoodParams({ country: query.getAll('country'), weeks: query.get('weeks') ?? undefined, mark: query.getAll('mark') })).toEqual(p);
  });
});
