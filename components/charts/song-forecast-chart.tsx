'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { formatDate, formatMonthYear, formatPercent, formatScore } from '@/lib/format';

export interface ForecastHorizon {
  horizonWeeks: number;
  targetDate: string;
  pCharting: number;
  p10: number;
  p50: number;
  p90: number;
}

interface Props {
  /** Weekly chart score 0–100, oldest first (0 = off the chart). */
  history: { date: string; score: number }[];
  forecast: { asOf: string; horizons: ForecastHorizon[] } | null;
}

interface Point {
  t: number;
  score?: number;
  p50?: number;
  band?: [number, number];
  chance?: number;
}

const DAY_MS = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const tickDate = (t: number) => formatMonthYear(new Date(t).toISOString());

/** History then forecast on one time axis; the forecast fan starts at the last observed score. */
function buildPoints({ history, forecast }: Props): Point[] {
  const points: Point[] = history.map((h) => ({ t: toTime(h.date), score: h.score }));
  if (!forecast) return points;
  const asOf = toTime(forecast.asOf);
  const now = points.find((p) => p.t === asOf);
  const start = now?.score ?? 0;
  if (now) Object.assign(now, { p50: start, band: [start, start] });
  else points.push({ t: asOf, p50: start, band: [start, start] });
  for (const h of forecast.horizons) {
    points.push({ t: toTime(h.targetDate), p50: h.p50, band: [h.p10, h.p90], chance: h.pCharting });
  }
  return points.sort((a, b) => a.t - b.t);
}

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg">
      <p className="font-medium">{formatDate(new Date(point.t).toISOString())}</p>
      {point.score !== undefined ? <p>Score: {formatScore(point.score)}{point.score === 0 ? ' (off the chart)' : ''}</p> : null}
      {point.chance !== undefined && point.band ? (
        <>
          <p>Median score: {formatScore(point.p50 ?? 0)}</p>
          <p className="text-muted">80% range: {formatScore(point.band[0])}–{formatScore(point.band[1])}</p>
          <p>Still charting: {formatPercent(point.chance)}</p>
        </>
      ) : null}
    </div>
  );
}

/** The song page's one chart: weekly score history, a "now" line, and the forecast fan (p10–p90, p50) to +52 weeks. */
export function SongForecastChart(props: Props) {
  const points = buildPoints(props);
  const asOf = props.forecast ? toTime(props.forecast.asOf) : null;
  const first = points[0]?.t ?? 0;
  const last = points[points.length - 1]?.t ?? first + DAY_MS;
  return (
    <div className="h-72 w-full sm:h-96" role="img" aria-label="Weekly chart score history and forecast">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 28, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[first, last]}
            tickFormatter={tickDate}
            minTickGap={24}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            width={44}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
            label={{ value: 'Score (0–100)', angle: -90, position: 'insideLeft', offset: 12, fill: 'var(--muted)', fontSize: 11 }}
          />
          <Tooltip content={ChartTooltip} />
          <Legend verticalAlign="bottom" itemSorter={null} wrapperStyle={{ fontSize: 12, paddingTop: 4 }} />
          <Line dataKey="score" name="Weekly score" stroke="var(--fg)" strokeWidth={1.8} dot={false} connectNulls={false} isAnimationActive={false} />
          <Area
            dataKey="band"
            name="80% range (p10–p90)"
            stroke="none"
            fill="var(--accent)"
            fillOpacity={0.18}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="p50"
            name="Median (p50)"
            stroke="var(--accent)"
            strokeWidth={2}
            strokeDasharray="5 4"
            dot={{ r: 3, fill: 'var(--accent)' }}
            connectNulls
            isAnimationActive={false}
          />
          {asOf !== null ? (
            <ReferenceLine x={asOf} stroke="var(--muted)" label={{ value: 'now', position: 'top', fill: 'var(--muted)', fontSize: 11 }} />
          ) : null}
          {props.forecast?.horizons.map((h, i) => (
            <ReferenceLine
              key={h.horizonWeeks}
              x={toTime(h.targetDate)}
              stroke="var(--accent)"
              strokeOpacity={0.4}
              strokeDasharray="2 4"
              label={(label: { viewBox?: { x?: number; y?: number } }) => (
                // Staggered rows so the two labels never collide when the horizons sit close on a narrow chart.
                <text x={(label.viewBox?.x ?? 0) - 4} y={(label.viewBox?.y ?? 0) + 12 + i * 15} textAnchor="end" fontSize={11} fill="var(--fg)" stroke="var(--surface)" strokeWidth={3} paintOrder="stroke">
                  +{h.horizonWeeks} wk: {formatPercent(h.pCharting)} charting
                </text>
              )}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
