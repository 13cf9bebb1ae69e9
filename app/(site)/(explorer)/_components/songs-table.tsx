import Link from 'next/link';
import { ChanceBar } from '@/components/ui/chance-bar';
import { MovementBadge } from '@/components/ui/movement-badge';
import { ScoreRange } from '@/components/ui/score-range';
import { Sparkline } from '@/components/ui/sparkline';
import type { ExplorerParams } from '@/lib/explorer/params';
import { formatScore, movement } from '@/lib/format';
import type { ChartSongRow } from '@/lib/queries/chart-songs';
import { SortHeader } from './sort-header';

type Row = ChartSongRow & { sparkline: number[] };

/** The explorer's table: one row per song on the chart this week, every column sortable. */
export function SongsTable({ rows, params, chartSlug }: { rows: Row[]; params: ExplorerParams; chartSlug: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full min-w-[880px] text-sm">
        <caption className="sr-only">Songs on the chart this week with their 6- and 12-month forecasts</caption>
        <thead className="border-b border-border bg-surface-2/60 text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <SortHeader params={params} sortKey="rank" className="w-20">
              Rank
            </SortHeader>
            <SortHeader params={params} sortKey="title">
              Song
            </SortHeader>
            <SortHeader params={params} sortKey="weeks" className="text-right">
              Weeks
            </SortHeader>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Last 12 wks
            </th>
            <SortHeader params={params} sortKey="chance26">
              Charting in 6 mo
            </SortHeader>
            <SortHeader params={params} sortKey="chance52">
              in 12 mo
            </SortHeader>
            <SortHeader params={params} sortKey="score26" className="text-right">
              Score 6 mo
            </SortHeader>
            <SortHeader params={params} sortKey="score52" className="text-right">
              12 mo
            </SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.trackId} className="hover:bg-surface-2/50">
              <td className="px-3 py-2.5">
                <span className="inline-flex w-full items-center gap-2">
                  <span className="w-8 text-right text-base font-semibold">{row.rank}</span>
                  <MovementBadge move={movement(row.rank, row.previousRank, row.weeksOnChart)} />
                </span>
              </td>
              <td className="max-w-xs px-3 py-2.5">
                <Link href={`/songs/${row.trackId}?chart=${encodeURIComponent(chartSlug)}`} className="block truncate font-medium hover:text-accent hover:underline">
                  {row.title}
                </Link>
                <span className="block truncate text-xs text-muted">{row.artistNames}</span>
              </td>
              <td className="px-3 py-2.5 text-right">
                {row.weeksOnChart}
                <span className="block text-xs text-muted">peak #{row.peakRank}</span>
              </td>
              <td className="px-3 py-2.5">
                <Sparkline
                  values={row.sparkline}
                  label={`Score over the last ${row.sparkline.length} weeks: ${row.sparkline.map(formatScore).join(', ')}`}
                />
              </td>
              <td className="px-3 py-2.5">
                <ChanceBar p={row.in26?.pCharting ?? null} />
              </td>
              <td className="px-3 py-2.5">
                <ChanceBar p={row.in52?.pCharting ?? null} />
              </td>
              <td className="px-3 py-2.5 text-right">
                <ScoreRange forecast={row.in26} />
              </td>
              <td className="px-3 py-2.5 text-right">
                <ScoreRange forecast={row.in52} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
