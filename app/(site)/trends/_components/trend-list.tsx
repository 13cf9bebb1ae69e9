import Link from 'next/link';
import { MovementBadge } from '@/components/ui/movement-badge';
import { movement } from '@/lib/format';
import type { TrendSong } from '@/lib/trends/analyze';

/** One movers list (climbers, new entries, …) as a titled card; `detail` is the figure on the right. */
export function TrendList({ title, songs, empty, detail }: { title: string; songs: TrendSong[]; empty: string; detail: (s: TrendSong) => string }) {
  const id = `list-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-border bg-surface p-4">
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      {songs.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{empty}</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-1.5">
          {songs.map((s) => (
            <li key={s.trackId} className="flex items-center gap-2 text-sm">
              <span className="w-8 shrink-0 text-right tabular-nums text-muted">#{s.rank}</span>
              <span className="w-9 shrink-0 text-center">
                <MovementBadge move={movement(s.rank, s.previousRank, s.weeksOnChart)} />
              </span>
              <span className="min-w-0 flex-1">
                <Link href={`/songs/${s.trackId}`} className="block truncate font-medium hover:text-accent hover:underline">
                  {s.title}
                </Link>
                <span className="block truncate text-xs text-muted">{s.artistNames}</span>
              </span>
              <span className="shrink-0 text-xs tabular-nums text-muted">{detail(s)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
