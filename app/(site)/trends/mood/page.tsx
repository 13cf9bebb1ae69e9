import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { MoodChart } from '@/components/charts/mood-chart';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db/client';
import { formatDate } from '@/lib/format';
import { loadMood } from '@/lib/trends/load-mood';
import { moodCsvHref, moodHref, parseMoodParams, type MoodParams } from '@/lib/trends/mood-params';
import { AddMarkForm, MoodControls } from './_components/mood-controls';
import { MoodTable } from './_components/mood-table';

export const metadata: Metadata = { title: 'Mood by country' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The add-period form sends three fields; fold them into one `mark` (a bad one is kept to be explained). */
function withNewMark(raw: Record<string, string | string[] | undefined>, params: MoodParams): string | null {
  if (raw.mark_from === undefined) return null;
  const text = `${one(raw.mark_from)}..${one(raw.mark_to)}${one(raw.mark_label).trim() ? `:${one(raw.mark_label).trim()}` : ''}`;
  const url = new URL(moodHref({ ...params, marks: [] }), 'http://songcast.local');
  for (const m of [...(Array.isArray(raw.mark) ? raw.mark : raw.mark ? [raw.mark] : []), text]) url.searchParams.append('mark', m);
  return `${url.pathname}${url.search}`;
}

/** `/trends/mood`: stream- or rank-weighted valence and energy of each country's chart per week. */
export default async function MoodPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = await searchParams;
  const params = parseMoodParams(raw);
  const next = withNewMark(raw, params);
  if (next) redirect(next);
  const view = await loadMood(getDb(), params);
  if (view.kind === 'no-data') {
    return (
      <EmptyState heading="h1" title="No country charts yet">
        <p>Mood by country needs at least one country’s chart: load the sample with <code className="font-mono">npm run job -- sample-data</code>.</p>
      </EmptyState>
    );
  }
  const current = { ...params, countries: view.selected.map((c) => c.country) };
  const missing = view.summaries.reduce((n, s) => n + s.withoutFeatures, 0);
  const places = view.summaries.reduce((n, s) => n + s.songs, 0);
  const series = view.selected.map((c) => ({
    country: c.country,
    name: c.name,
    points: view.weeks.filter((w) => w.chartId === c.chartId).map((w) => ({ date: w.date, valence: w.valence, energy: w.energy })),
  }));
  return (
    <div className="flex flex-col gap-5">
      <header>
        <p className="text-sm font-medium text-accent">
          {formatDate(view.from)} to {formatDate(view.to)}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">Mood by country</h1>
        <p className="mt-1 text-sm text-muted">
          How happy (valence) and intense (energy) each country’s chart sounds per week, every song weighted by its{' '}
          {params.weight === 'streams' ? 'streams that week' : 'chart position (#1 counts most)'}. {missing.toLocaleString('en')} of {places.toLocaleString('en')} chart places ({places === 0 ? 0 : Math.round((100 * missing) / places)}%)
          are songs without audio features: they are left out of the means and counted in the table.
        </p>
      </header>

      <MoodControls available={view.available} selected={view.selected} params={current} />
      {view.unknown.length > 0 || params.rejectedMarks.length > 0 ? (
        <ul role="alert" className="rounded-md border border-band-mid/50 bg-surface px-4 py-2 text-sm text-band-mid">
          {view.unknown.map((c) => (
            <li key={c}>No chart for the country “{c}”: it was left out.</li>
          ))}
          {params.rejectedMarks.map((m) => (
            <li key={m}>{m}.</li>
          ))}
        </ul>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label="Mood chart" className="rounded-xl border border-border bg-surface p-4">
          <MoodChart series={series} marks={params.marks} />
        </section>
        <section aria-label="Mood table" className="flex flex-col gap-4">
          <MoodTable countries={view.selected} summaries={view.summaries} marks={params.marks} />
          <div className="rounded-xl border border-border bg-surface p-4">
            <h2 className="mb-2 text-sm font-semibold">Shaded periods</h2>
            {params.marks.length === 0 ? <p className="mb-3 text-sm text-muted">None yet: mark a period (a lockdown, a season) to compare inside and outside it.</p> : (
              <ul className="mb-3 flex flex-col gap-1 text-sm">
                {params.marks.map((m, i) => (
                  <li key={`${m.from}-${m.to}`} className="flex items-center justify-between gap-2">
                    <span>{m.label}: {formatDate(m.from)} – {formatDate(m.to)}</span>
                    <Link href={moodHref(current, { marks: params.marks.filter((_, j) => j !== i) })} className="text-xs text-accent hover:underline">
                      Remove
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <AddMarkForm selected={view.selected} params={current} />
          </div>
          <a href={moodCsvHref(current)} className="text-sm font-medium text-accent hover:underline" download>
            Download the weekly values as CSV ({view.weeks.length} rows)
          </a>
        </section>
      </div>
    </div>
  );
}
