import Link from 'next/link';
import { SongForecastChart } from '@/components/charts/song-forecast-chart';
import { songWhatIf } from '@/lib/attributes/song-what-if';
import { getDb } from '@/lib/db/client';
import { loadSongCharts } from '@/lib/explorer/load-song';
import { getActiveVersions } from '@/lib/models/active-versions';
import type { Song } from '@/lib/queries/songs';
import { AudioFeaturesPanel } from './audio-features';
import { songThemeMix } from '@/lib/themes/song-theme-mix';
import { AuditTable } from './audit-table';
import { ForecastSummary } from './forecast-summary';
import { SongHeader } from './song-header';
import { ThemeMixPanel } from './theme-mix';
import { WhatIfPanel } from './what-if-panel';

/** Everything on the song page below the lookup: streamed in while the skeleton shows. */
export async function SongBody({ song, chartSlug }: { song: Song; chartSlug: string | undefined }) {
  const db = getDb();
  const [{ runs, run, history, forecast, audits }, [themeMix, whatIf]] = await Promise.all([
    loadSongCharts(db, song.id, chartSlug),
    getActiveVersions(db, ['theme', 'attributes']).then((active) =>
      Promise.all([songThemeMix(db, song.audio, active.get('theme')), songWhatIf(db, song, active.get('attributes'))]),
    ),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <SongHeader song={song} runs={runs} />
      {run ? (
        <>
          <ForecastSummary run={run} forecast={forecast} />
          <section aria-labelledby="chart-heading" className="rounded-xl border border-border bg-surface p-4 sm:p-5">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 id="chart-heading" className="text-base font-semibold">
                Weekly score on {run.name}, and the forecast
              </h2>
              {runs.length > 1 ? (
                <nav aria-label="Charts" className="-mx-1 flex max-w-full gap-1 overflow-x-auto px-1 text-sm">
                  {runs.map((r) => (
                    <Link
                      key={r.chartId}
                      href={`/songs/${song.id}?chart=${encodeURIComponent(r.slug)}`}
                      aria-current={r.chartId === run.chartId ? 'page' : undefined}
                      className={`shrink-0 whitespace-nowrap rounded-md px-2.5 py-1 ${r.chartId === run.chartId ? 'bg-accent-soft font-medium' : 'text-muted hover:bg-surface-2'}`}
                    >
                      {r.name}
                    </Link>
                  ))}
                </nav>
              ) : null}
            </div>
            <SongForecastChart history={history} forecast={forecast} />
            <p className="mt-2 text-xs text-muted">
              Score: #1 scores 100, last place near 0, off the chart 0. The shaded fan is the 80% range (p10–p90) of the forecast score.
            </p>
          </section>
        </>
      ) : (
        <p className="rounded-xl border border-dashed border-border bg-surface p-5 text-sm text-muted">
          This song has not been on any imported chart, so there is no score history or forecast for it.
        </p>
      )}
      {/* minmax(0, …): the audit table scrolls inside its card instead of widening the page at 360 px. */}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <AudioFeaturesPanel audio={song.audio} />
          <ThemeMixPanel result={themeMix} />
          <WhatIfPanel result={whatIf} />
        </div>
        <AuditTable audits={audits} />
      </div>
    </div>
  );
}
