import { describe, expect, it } from 'vitest';
import { countryCharts, countryName, summarizeMood } from './mood';

const week = (chartId: number, date: string, valence: number | null, withoutFeatures = 0) => ({
  chartId, date, valence, energy: valence === null ? null : 1 - valence, songs: 10, withoutFeatures, withoutStreams: 0,
});

describe('summarizeMood', () => {
  it('averages each country’s weeks over the range and inside each mark, weeks without features left out', () => {
    const countries = [{ country: 'gb', name: 'United Kingdom', chartId: 2, chartName: 'GB', latestDate: '2026-01-22' }];
    const weeks = [week(2, '2026-01-01', 0.2), week(2, '2026-01-08', 0.4, 3), week(2, '2026-01-15', null, 10), week(2, '2026-01-22', 0.6), week(9, '2026-01-01', 0.9)];
    const [gb] = summarizeMood(countries, weeks, [{ from: '2026-01-05', to: '2026-01-16', label: 'Mid' }, { from: '2027-01-01', to: '2027-02-01', label: 'Later' }]);
    expect(gb?.valence).toBeCloseTo(0.4);
    expect(gb?.energy).toBeCloseTo(0.6);
    expect(gb).toMatchObject({ weeks: 4, songs: 40, withoutFeatures: 13 });
    expect(gb?.inMarks[0]?.valence).toBeCloseTo(0.4);
    expect(gb?.inMarks[1]).toEqual({ valence: null, energy: null });
  });
});

describe('countryCharts', () => {
  it('picks one chart per country with data, weekly first, global left out', () => {
    const c = (id: number, country: string, frequency: string, latestDate: string | null) => ({ id, name: `c${id}`, country, frequency, latestDate });
    const list = countryCharts([c(1, 'global', 'weekly', '2026-01-01'), c(2, 'us', 'daily', '2026-01-01'), c(3, 'us', 'weekly', '2026-01-01'), c(4, 'de', 'weekly', null), c(5, 'gb', 'weekly', '2026-01-08')]);
    expect(list.map((x) => [x.country, x.chartId, x.name])).toEqual([['us', 3, 'United States'], ['gb', 5, 'United Kingdom']]);
  });

  it('names unknown codes by their upper-case code', () => {
    expect(countryName('xx')).toBe('XX');
  });
});
