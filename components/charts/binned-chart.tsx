'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { formatShare } from '@/lib/format';

export interface BinnedSeries {
  name: string;
  /** Bins of the prediction: its mean and the mean outcome, with the rows in the bin. */
  bins: { meanPredicted: number; meanActual: number; count: number }[];
}

/** What is binned: a chance (0–1, shown as %) or a score (0–100 points). */
type Scale = 'probability' | 'score';

const COLOURS = ['var(--accent)', '#0891b2'];
const MAX: Record<Scale, number> = { probability: 1, score: 100 };
const tick: Record<Scale, (v: number) => string> = { probability: (v) => `${Math.round(v * 100)}%`, score: (v) => String(v) };
const exact: Record<Scale, (v: number) => string> = { probability: formatShare, score: (v) => v.toFixed(1) };

function binTooltip(scale: Scale) {
  return function BinTooltip({ active, payload }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
    return (
      <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg tabular-nums">
        {payload.map((p) => {
          const bin = p.payload as BinnedSeries['bins'][number];
          return (
            <p key={String(p.name)} style={{ color: p.color }}>
              {p.name}: predicted {exact[scale](bin.meanPredicted)}, actual {exact[scale](bin.meanActual)} ({bin.count.toLocaleString('en')} songs)
            </p>
          );
        })}
      </div>
    );
  };
}

/**
 * Predicted against actual, binned: the mean outcome of each bin of the prediction, one line per
 * series (horizon); a forecast right on average follows the dashed diagonal. Serves the
 * reliability (calibration) chart and the predicted-against-actual score chart.
 */
export function BinnedChart({ series, scale, label, xLabel, yLabel }: { series: BinnedSeries[]; scale: Scale; label: string; xLabel: string; yLabel: string }) {
  const max = MAX[scale];
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => f * max);
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 12, bottom: 22, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="meanPredicted"
            type="number"
            domain={[0, max]}
            ticks={ticks}
            tickFormatter={tick[scale]}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
            label={{ value: xLabel, position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 11 }}
          />
          <YAxis
            type="number"
            domain={[0, max]}
            ticks={ticks}
            tickFormatter={tick[scale]}
            width={56}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
            label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 0, fill: 'var(--muted)', fontSize: 11 }}
          />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: max, y: max }]} stroke="var(--muted)" strokeDasharray="4 4" ifOverflow="visible" />
          <Tooltip content={binTooltip(scale)} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Line
              key={s.name}
              name={s.name}
              data={s.bins}
              dataKey="meanActual"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
