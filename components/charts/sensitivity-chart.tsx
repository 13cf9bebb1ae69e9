'use client';

import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';

export interface SensitivityCurve {
  attribute: string;
  label: string;
  /** The value typed in the form (marked on the curve). */
  current: number;
  points: { value: number; popularity: number }[];
}

const fmt = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2));

function CurveTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as { value: number; popularity: number } | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-2 py-1 text-xs shadow-lg tabular-nums">
      at {fmt(point.value)}: {point.popularity.toFixed(1)}
    </div>
  );
}

/** One small chart per attribute: predicted popularity across its typical range, the others held; a line marks the typed value. */
export function SensitivityCharts({ curves }: { curves: SensitivityCurve[] }) {
  const all = curves.flatMap((c) => c.points.map((p) => p.popularity));
  // A shared y range, so steeper curves read as stronger effects.
  const lo = Math.max(0, Math.floor(Math.min(...all) - 2));
  const hi = Math.min(100, Math.ceil(Math.max(...all) + 2));
  return (
    <ul aria-label="Sensitivity per attribute" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-2 xl:grid-cols-3">
      {curves.map((c) => (
        <li key={c.attribute} className="flex flex-col gap-1">
          <span className="text-xs font-medium">{c.label}</span>
          <div className="h-24 w-full" role="img" aria-label={`Predicted popularity as ${c.label} moves from ${fmt(c.points[0]?.value ?? 0)} to ${fmt(c.points.at(-1)?.value ?? 0)}`}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={c.points} margin={{ top: 4, right: 6, bottom: 0, left: 0 }}>
                <XAxis dataKey="value" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmt} tickCount={3} tick={{ fill: 'var(--muted)', fontSize: 10 }} stroke="var(--border)" />
                <YAxis domain={[lo, hi]} width={28} tickCount={3} tick={{ fill: 'var(--muted)', fontSize: 10 }} stroke="var(--border)" />
                <Tooltip content={CurveTooltip} />
                <ReferenceLine x={c.current} stroke="var(--muted)" strokeDasharray="2 3" ifOverflow="hidden" />
                <Line dataKey="popularity" stroke="var(--accent)" strokeWidth={1.8} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </li>
      ))}
    </ul>
  );
}
