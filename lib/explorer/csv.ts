import type { ChartSongRow } from '@/lib/queries/chart-songs';

type Cell = string | number | null;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null is empty. */
function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : value;
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = [
  'rank', 'previous_rank', 'track_id', 'title', 'artists', 'weeks_on_chart', 'peak_rank',
  'p_charting_26w', 'p10_26w', 'p50_26w', 'p90_26w', 'p_charting_52w', 'p10_52w', 'p50_52w', 'p90_52w',
];

/** The explorer's table as CSV rows (missing forecasts as empty cells). */
export function chartSongsCsv(rows: ChartSongRow[]): string {
  return toCsv([
    CSV_HEADER,
    ...rows.map((r) => [
      r.rank, r.previousRank, r.trackId, r.title, r.artistNames, r.weeksOnChart, r.peakRank,
      r.in26?.pCharting ?? null, r.in26?.p10 ?? null, r.in26?.p50 ?? null, r.in26?.p90 ?? null,
      r.in52?.pCharting ?? null, r.in52?.p10 ?? null, r.in52?.p50 ?? null, r.in52?.p90 ?? null,
    ]),
  ]);
}
