'use client';

import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatDate, isoWeek } from '@/lib/format';
import { rankTicks } from './rank-ticks';

export interface BumpSong {
  trackId: number;
  title: string;
  artistNames: string;
  rank: number;
  /** Rank per date (oldest first); null where the song was off the chart. */
  ranks: (number | null)[];
}

interface Props {
  dates: string[];
  songs: BumpSong[];
  /** Ranks below this are drawn at the bottom edge (the chart's size). */
  chartSize: number;
}

/** Distinct hues for up to ~20 lines, readable on light and dark backgrounds. */
const colour = (i: number, n: number) => `hsl(${Math.round((i * 360) / Math.max(n, 1))} 65% 50%)`;
const key = (trackId: number) => `s${trackId}`;
/** The y axis shows at least the top 20, so a calm chart does not zoom into a few ranks. */
const BUMP_FLOOR = 20;
/** Ranks at one week, best first; only the highlighted song's when one is highlighted. */
function renderTooltip({ active, payload, label }: TooltipContentProps, highlight: number | null, titles: Map<string, string>) {
  if (!active || !payload?.length) return null;
  const rows = payload
    .filter((p) => typeof p.value === 'number' && (highlight === null || p.dataKey === key(highlight)))
    .sort((a, b) => Number(a.value) - Number(b.value));
  return (
    <div className="max-w-64 rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg">
      <p className="font-medium">wk {isoWeek(String(label))} · {formatDate(String(label))}</p>
      {rows.slice(0, 10).map((p) => (
        <p key={String(p.dataKey)} className="truncate tabular-nums">
          #{String(p.value)} {titles.get(String(p.dataKey))}
        </p>
      ))}
    </div>
  );
}

/** A bump chart of ranks over weeks (1 at the top); hovering or focusing a song highlights its line. */
export function BumpChart({ dates, songs, chartSize }: Props) {
  const [active, setActive] = useState<number | null>(null);
  const data = dates.map((date, i) => Object.fromEntries([['date', date], ...songs.map((s) => [key(s.trackId), s.ranks[i] ?? null])]));
  const lowest = Math.min(chartSize, Math.max(BUMP_FLOOR, ...songs.flatMap((s) => s.ranks.filter((r): r is number => r !== null))));
  const titles = new Map(songs.map((s) => [key(s.trackId), s.title]));

  return (
    <div className="flex flex-col gap-3 lg:flex-row">
      <div className="h-96 min-w-0 lg:flex-1" role="img" aria-label={`Chart ranks of this week's top ${songs.length} songs over ${dates.length} weeks`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 16, left: 0 }} onMouseLeave={() => setActive(null)}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => `wk ${isoWeek(d)}`}
              minTickGap={16}
              tick={{ fill: 'var(--muted)', fontSize: 11 }}
              stroke="var(--border)"
              label={{ value: 'Chart week', position: 'insideBottom', offset: -10, fill: 'var(--muted)', fontSize: 11 }}
            />
            <YAxis
              reversed
              domain={[1, lowest]}
              ticks={rankTicks(lowest)}
              interval={0}
              width={44}
              tick={{ fill: 'var(--muted)', fontSize: 11 }}
              stroke="var(--border)"
              label={{ value: 'Rank', angle: -90, position: 'insideLeft', offset: 12, fill: 'var(--muted)', fontSize: 11 }}
            />
            <Tooltip content={(p: TooltipContentProps) => renderTooltip(p, active, titles)} />
            {songs.map((s, i) => (
              <Line
                key={s.trackId}
                dataKey={key(s.trackId)}
                name={s.title}
                stroke={colour(i, songs.length)}
                strokeWidth={active === s.trackId ? 3.5 : 1.8}
                strokeOpacity={active === null || active === s.trackId ? 1 : 0.15}
                dot={{ r: active === s.trackId ? 4 : 2.5 }}
                activeDot={{ r: 5, onMouseEnter: () => setActive(s.trackId) }}
                connectNulls={false}
                isAnimationActive={false}
                onMouseEnter={() => setActive(s.trackId)}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ol aria-label="Songs on the bump chart" className="grid grid-cols-1 gap-0.5 text-xs sm:grid-cols-2 lg:w-64 lg:grid-cols-1">
        {songs.map((s, i) => (
          <li key={s.trackId}>
            <button
              type="button"
              onMouseEnter={() => setActive(s.trackId)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(s.trackId)}
              onBlur={() => setActive(null)}
              aria-pressed={active === s.trackId}
              className={`flex w-full items-center gap-2 rounded px-1.5 py-0.5 text-left hover:bg-surface-2 ${active === s.trackId ? 'bg-surface-2 font-medium' : ''}`}
            >
              <span aria-hidden className="h-2 w-3 shrink-0 rounded-full" style={{ background: colour(i, songs.length) }} />
              <span className="w-6 shrink-0 tabular-nums text-muted">#{s.rank}</span>
              <span className="truncate">{s.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
