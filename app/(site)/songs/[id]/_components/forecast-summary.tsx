import { chanceBand, formatPercent, formatScore, formatWeek } from '@/lib/format';
import type { SongForecast } from '@/lib/queries/forecasts';
import type { SongChartRun } from '@/lib/queries/songs';

const BAND_TEXT = { high: 'text-band-high', mid: 'text-band-mid', low: 'text-band-low' } as const;

/** The answer above the chart: chance still charting and the median score (p50, its 80% range) at +26 and +52 weeks, and the run so far. */
export function ForecastSummary({ run, forecast }: { run: SongChartRun; forecast: SongForecast | null }) {
  const stat = 'rounded-xl border border-border bg-surface px-4 py-3';
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {forecast ? (
        forecast.horizons.map((h) => (
          <div key={h.horizonWeeks} className={stat}>
            <p className="text-xs text-muted">Still charting in {h.horizonWeeks === 26 ? '6' : h.horizonWeeks === 52 ? '12' : Math.round(h.horizonWeeks / 4.35)} months</p>
            <p className={`text-2xl font-semibold ${BAND_TEXT[chanceBand(h.pCharting)]}`}>{formatPercent(h.pCharting)}</p>
            <p className="text-xs text-muted">
              median score {formatScore(h.p50)}, 80% range {formatScore(h.p10)}–{formatScore(h.p90)}
            </p>
          </div>
        ))
      ) : (
        <div className={`${stat} col-span-2`}>
          <p className="text-xs text-muted">Forecast</p>
          <p className="mt-1 text-sm">No forecast for this song on {run.name} yet. Forecasts are made for songs on a chart in its latest week.</p>
        </div>
      )}
      <div className={stat}>
        <p className="text-xs text-muted">Peak on {run.name}</p>
        <p className="text-2xl font-semibold">#{run.peakRank}</p>
        <p className="text-xs text-muted">{run.currentRank !== null ? `now #${run.currentRank}` : 'not on the chart now'}</p>
      </div>
      <div className={stat}>
        <p className="text-xs text-muted">Weeks on chart</p>
        <p className="text-2xl font-semibold">{run.weeks}</p>
        <p className="text-xs text-muted">{forecast ? `forecast as of ${formatWeek(forecast.asOf)}` : `last seen ${formatWeek(run.lastDate)}`}</p>
      </div>
    </div>
  );
}
