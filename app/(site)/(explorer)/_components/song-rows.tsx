'use client';

import Link from 'next/link';
import { ChanceBar, ChanceChip } from '@/components/ui/chance-bar';
import { MovementBadge } from '@/components/ui/movement-badge';
import { ScoreRange } from '@/components/ui/score-range';
import { Sparkline } from '@/components/ui/sparkline';
import { formatScore, movement } from '@/lib/format';
import type { ChartSongRow } from '@/lib/queries/chart-songs';

export type SongRow = ChartSongRow & { sparkline: number[] };

/**
 * The table's rows. A client component although it only renders: the page's RSC payload then carries
 * each row as its data (a few hundred bytes) rather than as its markup a second time beside the HTML,
 * which halved the explorer's page (docs/scaling.md). The HTML is still rendered on the server.
 */
export function SongRows({ rows, chartSlug }: { rows: SongRow[]; chartSlug: string }) {
  return rows.map((row) => (
    <tr key={row.trackId} className="hover:bg-surface-2/50">
      <td>
        <span className="inline-flex w-full items-center gap-2">
          <span className="w-8 text-right text-base font-semibold">{row.rank}</span>
          <MovementBadge move={movement(row.rank, row.previousRank, row.weeksOnChart)} />
        </span>
      </td>
      <td className="max-w-xs">
        <Link href={`/songs/${row.trackId}?chart=${encodeURIComponent(chartSlug)}`} className="block truncate font-medium hover:text-accent hover:underline">
          {row.title}
        </Link>
        <span className="block truncate text-xs text-muted">{row.artistNames}</span>
        {/* Below md the chance columns are off to the right of the scrolling table: the answer stays in view. */}
        <span aria-hidden className="chance-chips">
          <ChanceChip label="6 mo" p={row.in26?.pCharting ?? null} />
          <ChanceChip label="12 mo" p={row.in52?.pCharting ?? null} />
        </span>
      </td>
      <td className="text-right">
        {row.weeksOnChart}
        <span className="block text-xs text-muted">peak #{row.peakRank}</span>
      </td>
      <td>
        <Sparkline values={row.sparkline} label={`Score over the last ${row.sparkline.length} weeks: ${row.sparkline.map(formatScore).join(', ')}`} />
      </td>
      <td>
        <ChanceBar p={row.in26?.pCharting ?? null} />
      </td>
      <td>
        <ChanceBar p={row.in52?.pCharting ?? null} />
      </td>
      <td className="text-right">
        <ScoreRange forecast={row.in26} />
      </td>
      <td className="text-right">
        <ScoreRange forecast={row.in52} />
      </td>
    </tr>
  ));
}
