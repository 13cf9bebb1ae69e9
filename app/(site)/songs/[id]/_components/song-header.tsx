import Link from 'next/link';
import { formatDate, formatDuration, formatKey } from '@/lib/format';
import type { Song, SongChartRun } from '@/lib/queries/songs';

/** Title, artists, facts, outside links, and the charts the song is on now. */
export function SongHeader({ song, runs }: { song: Song; runs: SongChartRun[] }) {
  const facts = [
    song.releaseDate ? `Released ${formatDate(song.releaseDate)}` : null,
    song.album,
    song.durationMs !== null ? formatDuration(song.durationMs) : null,
    song.genre,
    song.key !== null ? formatKey(song.key, song.mode) : null,
    song.explicit ? 'Explicit' : null,
  ].filter((f): f is string => Boolean(f));
  const onNow = runs.filter((r) => r.currentRank !== null);
  return (
    <header className="flex flex-col gap-3">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/" className="hover:text-fg">
          Explorer
        </Link>
        <span aria-hidden> / </span>
        <span>Song</span>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{song.title}</h1>
        <p className="mt-1 text-lg text-muted">{song.artistNames}</p>
      </div>
      {facts.length > 0 ? <p className="text-sm text-muted">{facts.join(' · ')}</p> : null}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {onNow.map((r) => (
          <span key={r.chartId} className="inline-flex items-center gap-1.5 rounded-full bg-accent-soft px-3 py-1">
            <span className="font-semibold">#{r.currentRank}</span> on {r.name}
          </span>
        ))}
        {onNow.length === 0 ? <span className="rounded-full bg-surface-2 px-3 py-1 text-muted">Not on any chart this week</span> : null}
        {song.spotifyId ? (
          <a
            href={`https://open.spotify.com/track/${encodeURIComponent(song.spotifyId)}`}
            target="_blank"
            rel="noreferrer"
            className="rounded-full border border-border px-3 py-1 hover:bg-surface-2"
          >
            Open in Spotify ↗
          </a>
        ) : null}
        {song.deezerId !== null ? (
          <a href={`https://www.deezer.com/track/${song.deezerId}`} target="_blank" rel="noreferrer" className="rounded-full border border-border px-3 py-1 hover:bg-surface-2">
            Open in Deezer ↗
          </a>
        ) : null}
      </div>
    </header>
  );
}
