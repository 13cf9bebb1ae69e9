'use client';

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { ImportanceBar, ReportHorizon } from '@/lib/queries/model-report';

const COLOURS = ['var(--accent)', '#0891b2'];
const fmt = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? '–' : v.toFixed(digits));

function GroupTooltip({ active, payload }: TooltipContentProps) {
  const bar = active ? (payload?.[0]?.payload as ImportanceBar | undefined) : undefined;
  if (!bar) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg tabular-nums">
      <p className="font-medium">{bar.group}</p>
      {(Object.keys(bar.aucDrop) as ReportHorizon[]).map((h, i) => (
        <p key={h} style={{ color: COLOURS[i % COLOURS.length] }}>
          {h} weeks: AUC drop {fmt(bar.aucDrop[h], 3)}, Brier rise {fmt(bar.brierRise[h], 4)}, MAE rise {fmt(bar.maeRise[h], 2)}
        </p>
      ))}
    </div>
  );
}

/** Permutation importance as horizontal bars: the drop in AUC when each feature group is shuffled, one bar per horizon. */
export function ImportanceChart({ bars, horizons }: { bars: ImportanceBar[]; horizons: readonly ReportHorizon[] }) {
  return (
    <div className="w-full" style={{ height: 60 + bars.length * 30 }} role="img" aria-label="Feature importance: drop in AUC when each feature group is shuffled, per horizon">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 12, bottom: 22, left: 8 }} barCategoryGap={6}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={(v: number) => v.toFixed(2)}
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            stroke="var(--border)"
            label={{ value: 'Drop in AUC when shuffled', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 11 }}
          />
          <YAxis type="category" dataKey="group" width={150} interval={0} tick={{ fill: 'var(--fg)', fontSize: 11 }} stroke="var(--border)" />
          <ReferenceLine x={0} stroke="var(--muted)" />
          <Tooltip content={GroupTooltip} cursor={{ fill: 'var(--surface-2)' }} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {horizons.map((h, i) => (
            <Bar key={h} dataKey={(b: ImportanceBar) => b.aucDrop[h] ?? 0} name={`${h} weeks`} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
