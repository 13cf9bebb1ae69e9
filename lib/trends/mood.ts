/** Mood by country: weekly series per country and their summaries over the range and marked periods. */
import type { MoodWeek } from '@/lib/queries/trends';
import type { MoodMark } from './mood-params';

export interface MoodCountry {
  country: string;
  /** English name of the country ("United Kingdom"). */
  name: string;
  chartId: number;
  chartName: string;
  /** The chart's latest date (ISO). */
  latestDate: string;
}

export interface MoodSummary {
  country: string;
  /** Mean of the weekly values (weeks without any features left out); null without data. */
  valence: number | null;
  energy: number | null;
  weeks: number;
  songs: number;
  withoutFeatures: number;
  /** The same means inside each marked period, in the order of `marks`. */
  inMarks: { valence: number | null; energy: number | null }[];
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "gb" → "United Kingdom"; an unknown code stays as written, upper case. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  try {
    return regionNames.of(upper) ?? upper;
  } catch {
    return upper;
  }
}

function mean(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** Per-country summary of `weeks` (rows of every selected chart) over the whole range and each mark. */
export function summarizeMood(countries: MoodCountry[], weeks: MoodWeek[], marks: MoodMark[]): MoodSummary[] {
  return countries.map((c) => {
    const own = weeks.filter((w) => w.chartId === c.chartId);
    const within = (m: MoodMark) => own.filter((w) => w.date >= m.from && w.date <= m.to);
    return {
      country: c.country,
      valence: mean(own.map((w) => w.valence)),
      energy: mean(own.map((w) => w.energy)),
      weeks: own.length,
      songs: own.reduce((n, w) => n + w.songs, 0),
      withoutFeatures: own.reduce((n, w) => n + w.withoutFeatures, 0),
      inMarks: marks.map((m) => ({ valence: mean(within(m).map((w) => w.valence)), energy: mean(within(m).map((w) => w.energy)) })),
    };
  });
}

/** One chart per country (the first weekly one with data, else the first with data), in `charts` order. */
export function countryCharts(charts: { id: number; name: string; country: string; frequency: string; latestDate: string | null }[]): MoodCountry[] {
  const withData = charts.filter((c) => c.country !== 'global' && c.latestDate !== null);
  const ordered = [...withData.filter((c) => c.frequency === 'weekly'), ...withData.filter((c) => c.frequency !== 'weekly')];
  const byCountry = new Map<string, MoodCountry>();
  for (const c of ordered) {
    if (c.latestDate === null || byCountry.has(c.country)) continue;
    byCountry.set(c.country, { country: c.country, name: countryName(c.country), chartId: c.id, chartName: c.name, latestDate: c.latestDate });
  }
  return [...byCountry.values()];
}
