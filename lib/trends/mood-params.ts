import { z } from 'zod';

export const MOOD_WEIGHTS = ['streams', 'rank'] as const;
export type MoodWeight = (typeof MOOD_WEIGHTS)[number];
export const MOOD_WEEKS = [26, 52, 104, 156] as const;
export const DEFAULT_MOOD_WEEKS = 52;
/** At most this many countries and marked periods, so the chart stays readable. */
export const MAX_COUNTRIES = 6;
export const MAX_MARKS = 5;

export interface MoodMark {
  from: string;
  to: string;
  label: string;
}

export interface MoodParams {
  /** ISO 3166 alpha-2 codes, lower case; empty means the default selection. */
  countries: string[];
  weight: MoodWeight;
  weeks: number;
  marks: MoodMark[];
  /** Marks in the URL that could not be read, with the reason, to show the user. */
  rejectedMarks: string[];
}

type RawParams = Record<string, string | string[] | undefined>;

const isoDate = z.iso.date();
const MARK_PATTERN = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?::(.*))?$/;

/** Reads one `mark` value, `2026-03-01..2026-04-15:Spring` (label optional, ≤ 40 characters). */
export function parseMark(text: string): MoodMark | string {
  const match = MARK_PATTERN.exec(text.trim());
  if (!match) return `“${text}” is not a period: write it as 2026-03-01..2026-04-15:Name`;
  const [, from = '', to = '', label = ''] = match;
  if (!isoDate.safeParse(from).success || !isoDate.safeParse(to).success) return `“${text}” has a date that does not exist`;
  if (from > to) return `“${text}” ends before it starts`;
  if (label.trim().length > 40) return `“${text}” has a name longer than 40 characters`;
  return { from, to, label: label.trim() || `${from} to ${to}` };
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Parses `/trends/mood` searchParams: `country` repeated or comma-separated, `mark` repeated; bad values fall back. */
export function parseMoodParams(raw: RawParams): MoodParams {
  const countries = [...new Set(list(raw.country).flatMap((c) => c.toLowerCase().split(',')).filter((c) => /^[a-z]{2}$/.test(c)))];
  const weight = z.enum(MOOD_WEIGHTS).catch('streams').parse(first(raw.weight));
  const weeks = z.coerce
    .number()
    .refine((n) => (MOOD_WEEKS as readonly number[]).includes(n))
    .catch(DEFAULT_MOOD_WEEKS)
    .parse(first(raw.weeks));
  const marks: MoodMark[] = [];
  const rejectedMarks: string[] = [];
  for (const text of list(raw.mark)) {
    const mark = parseMark(text);
    if (typeof mark === 'string') rejectedMarks.push(mark);
    else if (marks.length < MAX_MARKS) marks.push(mark);
    else rejectedMarks.push(`Only ${MAX_MARKS} periods can be marked; “${text}” was left out`);
  }
  return { countries: countries.slice(0, MAX_COUNTRIES), weight, weeks, marks, rejectedMarks };
}

/** A mark as its URL value. */
export const markValue = (m: MoodMark) => `${m.from}..${m.to}:${m.label}`;

function moodQuery(p: Omit<MoodParams, 'rejectedMarks'>): string {
  const query = new URLSearchParams();
  for (const c of p.countries) query.append('country', c);
  if (p.weight !== 'streams') query.set('weight', p.weight);
  if (p.weeks !== DEFAULT_MOOD_WEEKS) query.set('weeks', String(p.weeks));
  for (const m of p.marks) query.append('mark', markValue(m));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The `/trends/mood` URL for `params` with `change` applied; defaults left out. */
export function moodHref(params: Omit<MoodParams, 'rejectedMarks'>, change: Partial<MoodParams> = {}): string {
  return `/trends/mood${moodQuery({ ...params, ...change })}`;
}

/** The CSV download of the same view. */
export function moodCsvHref(params: Omit<MoodParams, 'rejectedMarks'>): string {
  return `/trends/mood/csv${moodQuery(params)}`;
}
