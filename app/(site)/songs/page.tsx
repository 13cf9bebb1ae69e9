import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db/client';
import { formatDate } from '@/lib/format';
import { searchSongs } from '@/lib/queries/songs';

export const metadata: Metadata = { title: 'Find a song' };

const MAX_RESULTS = 50;
const querySchema = z.string().trim().max(100).catch('');

/** `/songs?q=`: the top bar's search. One match jumps straight to the song; several are listed. */
export default async function SongSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = (await searchParams).q;
  const q = querySchema.parse(Array.isArray(raw) ? raw[0] : raw);
  if (!q) {
    return (
      <EmptyState heading="h1" title="Find a song" action={<ButtonLink href="/">Browse this week’s chart</ButtonLink>}>
        <p>Type a title or an artist in the search box at the top.</p>
      </EmptyState>
    );
  }
  const matches = await searchSongs(getDb(), q, MAX_RESULTS);
  const [only] = matches;
  if (matches.length === 1 && only) redirect(`/songs/${only.id}`);
  if (matches.length === 0) {
    return (
      <EmptyState heading="h1" title={`No song matches “${q}”`} action={<ButtonLink href="/">Browse this week’s chart</ButtonLink>}>
        <p>Search looks in titles and artist names. Check the spelling or try part of a word.</p>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">
        {matches.length === MAX_RESULTS ? `First ${MAX_RESULTS}` : matches.length} songs matching “{q}”
      </h1>
      <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
        {matches.map((song) => (
          <li key={song.id}>
            <Link href={`/songs/${song.id}`} className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-surface-2/60">
              <span className="min-w-0">
                <span className="block truncate font-medium">{song.title}</span>
                <span className="block truncate text-sm text-muted">{song.artistNames}</span>
              </span>
              {song.releaseDate ? <span className="shrink-0 text-sm text-muted">{formatDate(song.releaseDate)}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
