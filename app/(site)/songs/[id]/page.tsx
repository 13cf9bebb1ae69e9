import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache, Suspense } from 'react';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { getSong } from '@/lib/queries/songs';
import { SongBody } from './_components/song-body';
import { SongSkeleton } from './_components/song-skeleton';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Internal track ids: positive integers written plainly; anything else is a 404, not an error.
const idSchema = z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).pipe(z.number().int().max(2_147_483_647));
const chartSchema = z.string().max(64).optional().catch(undefined);

/** The song by id (one primary-key read, shared by the metadata and the page), or the 404 page. */
const findSong = cache(async (rawId: string) => {
  await connection();
  const id = idSchema.safeParse(rawId);
  const song = id.success ? await getSong(getDb(), id.data) : null;
  if (!song) notFound();
  return song;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const song = await findSong((await params).id);
  return { title: `${song.title} — ${song.artistNames}` };
}

/**
 * `/songs/[id]`: a song's facts, its weekly score history and forecast fan on one chart, and how past
 * forecasts did. The lookup happens before anything streams, so an unknown id answers with a real 404;
 * the rest streams in behind a skeleton.
 */
export default async function SongPage({ params, searchParams }: Props) {
  const song = await findSong((await params).id);
  const raw = (await searchParams).chart;
  const chartSlug = chartSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  return (
    <Suspense fallback={<SongSkeleton />}>
      <SongBody song={song} chartSlug={chartSlug} />
    </Suspense>
  );
}
