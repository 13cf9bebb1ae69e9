'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { formatDate, formatMonthYear } from '@/lib/format';

export interface MoodSeries {
  country: string;
  name: string;
  /** Weekly weighted mean (0–1) per date; null where no song had features. */
  points: { date: string; valence: number | null; energy: number | null }[];
}

interface Props {
  series: MoodSeries[];
  marks: { from: string; to: string; label: string }[];
}

type Metric = 'valence' | 'energy';
const COLOURS = ['var(--accent)', '#0891b2', '#d97706', '#16a34a', '#db2777', '#64748b'];
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const tickDate = (t: number) => formatMonthYear(new Date(t).toISOString());

function MoodTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg">
      <p className="font-medium">Week of {formatDate(new Date(Number(label)).toISOString())}</p>
      {payload.map((p) => (
        <p key={String(p.dataKey)} className="tabular-nums" style={{ color: p.color }}>
          {p.name}: {typeof p.value === 'number' ? p.value.toFixed(3) : 'no features'}
        </p>
      ))}
    </div>
  );
}

/** One metric's panel: a line per country, marked periods shaded and named. */
function MoodPanel({ series, marks, metric }: Props & { metric: Metric }) {
  const byTime = new Map<number, Record<string, number | null>>();
  for (const s of series) {
    for (const p of s.points) {
      const row = byTime.get(toTime(p.date)) ?? { t: toTime(p.date) };
      row[s.country] = p[metric];
      byTime.set(toTime(p.date), row);
    }
  }
  const data = [...byTime.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
  const title = metric === 'valence' ? 'Valence (0 sad – 1 happy)' : 'Energy (0 calm – 1 intense)';
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div className="h-56 w-full" role="img" aria-label={`Weekly ${metric} per country`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 18, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={tickDate} minTickGap={24} tick={{ fill: 'var(--muted)', fontSize: 11 }} stroke="var(--border)" />
            <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} width={44} tick={{ fill: 'var(--muted)', fontSize: 11 }} stroke="var(--border)" />
            {marks.map((m) => (
              <ReferenceArea
                key={`${m.from}-${m.to}`}
                x1={toTime(m.from)}
                x2={toTime(m.to)}
                fill="var(--muted)"
                fillOpacity={0.12}
                ifOverflow="hidden"
                label={{ value: m.label, position: 'insideTop', fill: 'var(--muted)', fontSize: 11 }}
              />
            ))}
            <Tooltip content={MoodTooltip} />
            {series.length > 1 ? <Legend verticalAlign="bottom" wrapperStyle={{ fontSize: 12 }} /> : null}
            {series.map((s, i) => (
              <Line key={s.country} dataKey={s.country} name={s.name} stroke={COLOURS[i % COLOURS.length]} strokeWidth={1.8} dot={false} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Valence and energy per week, one line per country, with the user's marked periods shaded. */
export function MoodChart(props: Props) {
  return (
    <div className="flex flex-col gap-4">
      <MoodPanel {...props} metric="valence" />
      <MoodPanel {...props} metric="energy" />
    </div>
  );
}
