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
import { formatDate, formatMonthYear, formatShare } from '@/lib/format';

/** One as-of week of the live audit, shares 0–1 (null when unknown). */
export interface AuditPoint {
  asOf: string;
  insideShare26: number | null;
  insideShare52: number | null;
}

const SERIES = [
  { key: 'insideShare26', name: 'Inside p10–p90, 26 wk', colour: 'var(--accent)' },
  { key: 'insideShare52', name: 'Inside p10–p90, 52 wk', colour: '#0891b2' },
] as const;

function AuditTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg tabular-nums">
      <p className="font-medium">Forecast of {formatDate(String(label))}</p>
      {payload.map((p) => (
        <p key={String(p.dataKey)} style={{ color: p.color }}>
          {p.name}: {typeof p.value === 'number' ? formatShare(p.value) : 'not audited'}
        </p>
      ))}
    </div>
  );
}

/** Live audit over time: share of outcomes inside the p10–p90 interval per as-of week and horizon (80% is the target). */
export function AuditChart({ points }: { points: AuditPoint[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label="Share of audited outcomes inside the p10–p90 interval per forecast week">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="asOf" tickFormatter={formatMonthYear} tick={{ fill: 'var(--muted)', fontSize: 11 }} stroke="var(--border)" />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={44} tick={{ fill: 'var(--muted)', fontSize: 11 }} stroke="var(--border)" />
          <ReferenceLine y={0.8} stroke="var(--muted)" strokeDasharray="4 4" label={{ value: 'target 80%', position: 'insideTopRight', fill: 'var(--muted)', fontSize: 10 }} />
          <Tooltip content={AuditTooltip} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.colour} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
