import Link from 'next/link';
import type { SongWhatIf } from '@/lib/attributes/song-what-if';

const LABELS: Record<string, string> = { durationMs: 'duration', releaseDate: 'release date' };

/** The what-if model's popularity for the song's own attributes, with a link to try variations. */
export function WhatIfPanel({ result }: { result: SongWhatIf }) {
  return (
    <section aria-labelledby="what-if-heading" className="rounded-xl border border-border bg-surface p-5">
      <h2 id="what-if-heading" className="text-base font-semibold">
        Popularity from its sound
      </h2>
      {result.state === 'missing' ? (
        <p className="mt-3 text-sm text-muted">Needs the song&apos;s {result.missing.map((m) => LABELS[m] ?? m).join(', ')}, which are not available.</p>
      ) : result.state === 'no-model' ? (
        <p className="mt-3 text-sm text-muted">
          No what-if model yet: train one with <code>npm run job -- train-attributes</code>.
        </p>
      ) : (
        <>
          <p className="mt-3 text-3xl font-semibold tabular-nums" data-testid="song-what-if-popularity">
            {result.prediction.popularity.toFixed(0)}
          </p>
          <p className="text-sm text-muted tabular-nums">
            80% interval {result.prediction.p10.toFixed(0)}–{result.prediction.p90.toFixed(0)} (popularity 0–100)
          </p>
          <p className="mt-3 text-xs text-muted">
            What-if model v{result.modelVersion}, from the audio features, genre, key, release month, duration and explicit flag (the artist&apos;s track
            record left out). <Link href={`/what-if?${result.query}`} className="underline">Try variations</Link>
          </p>
        </>
      )}
    </section>
  );
}
