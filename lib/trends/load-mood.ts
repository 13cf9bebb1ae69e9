import type { Db } from '@/lib/db/client';
import { listCharts } from '@/lib/queries/charts';
import { listMoodWeeks, type MoodWeek } from '@/lib/queries/trends';
import { countryCharts, summarizeMood, type MoodCountry, type MoodSummary } from './mood';
import type { MoodParams } from './mood-params';

/** Countries shown when the URL names none. */
const DEFAULT_COUNTRIES = 2;
const DAY_MS = 86_400_000;

export type MoodView =
  | { kind: 'no-data' }
  | {
      kind: 'mood';
      available: MoodCountry[];
      selected: MoodCountry[];
      /** Codes in the URL without a chart here, to tell the user. */
      unknown: string[];
      from: string;
      to: string;
      weeks: MoodWeek[];
      summaries: MoodSummary[];
    };

/** Everything `/trends/mood` (and its CSV) shows: two queries for any number of countries. */
export async function loadMood(db: Db, params: MoodParams): Promise<MoodView> {
  const available = countryCharts(await listCharts(db));
  if (available.length === 0) return { kind: 'no-data' };
  const picked = available.filter((c) => params.countries.includes(c.country));
  const selected = picked.length > 0 ? picked : available.slice(0, DEFAULT_COUNTRIES);
  const unknown = params.countries.filter((code) => !available.some((c) => c.country === code));
  const latest = selected.map((c) => c.latestDate).sort().at(-1) ?? '';
  const from = new Date(Date.parse(`${latest}T00:00:00Z`) - (params.weeks - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const weeks = await listMoodWeeks(db, selected.map((c) => c.chartId), from, latest, params.weight);
  return { kind: 'mood', available, selected, unknown, from, to: latest, weeks, summaries: summarizeMood(selected, weeks, params.marks) };
}

