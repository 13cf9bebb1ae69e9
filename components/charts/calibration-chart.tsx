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

export interface CalibrationSeries {
  name: string;
  /** Reliability bins: mean predicted chance and observed rate (both 0–1) with the rows in the bin. */
  bins: { meanPredicted: number; observedRate: number; count: number }[];
}

const COLOURS = ['var(--accent)', '#0891b2'];
const pct = (v: number) => `${Math.round(v * 100)}%`;

function BinTooltip({ active, payload }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg tabular-nums">
      {payload.map((p) => {
        const bin = p.payload as { meanPredicted: number; observedRate: number; count: number };
        return (
          <p key={String(p.name)} style={{ color: p.color }}>
            {p.name}: predicted {(100 * bin.meanPredicted).toFixed(1)}%, observed {(100 * bin.observedRate).toFixed(1)}% ({bin.count} songs)
          </p>
        );
      })}
    </div>
  );
}

/** Reliability diagram: observed share still charting against the predicted chance, one line per horizon; the diagonal is perfect calibration. */
export function CalibrationChart({ series }: { series: CalibrationSeries[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label="Calibration: observed share still charting against predicted chance, per horizon">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 12, bottom: 22, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="meanPredicted"
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
            tickFormatter={pct}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
            label={{ value: 'Predicted chance still charting', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 11 }}
          />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
            tickFormatter={pct}
            width={56}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
            label={{ value: 'Observed', angle: -90, position: 'insideLeft', offset: 0, fill: 'var(--muted)', fontSize: 11 }}
          />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="var(--muted)" strokeDasharray="4 4" ifOverflow="visible" />
          <Tooltip content={BinTooltip} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Line
              key={s.name}
              name={s.name}
              data={s.bins}
              dataKey="observedRate"
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
