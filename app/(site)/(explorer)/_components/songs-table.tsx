import type { ExplorerParams } from '@/lib/explorer/params';
import { SongRows, type SongRow } from './song-rows';
import { SortHeader } from './sort-header';

/** The explorer's table: one row per song on the chart this week, every column sortable. */
export function SongsTable({ rows, params, chartSlug }: { rows: SongRow[]; params: ExplorerParams; chartSlug: string }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-border bg-surface">
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
        <tbody className="divide-y divide-border [&_td]:px-3 [&_td]:py-2.5">
          <SongRows rows={rows} chartSlug={chartSlug} />
        </tbody>
      </table>
    </div>
  );
}
