import Link from 'next/link';
import { formatPercent } from '@/lib/format';
import type { SongThemeMix } from '@/lib/themes/song-theme-mix';

/** The song's listening-occasion mix from the theme model, or why there is none. */
export function ThemeMixPanel({ result }: { result: SongThemeMix }) {
  return (
    <section aria-labelledby="theme-heading" className="rounded-xl border border-border bg-surface p-5">
      <h2 id="theme-heading" className="text-base font-semibold">
        Theme mix
      </h2>
      {result.state === 'no-features' ? (
        <p className="mt-3 text-sm text-muted">Needs the song&apos;s audio features, which are not available.</p>
      ) : result.state === 'no-model' ? (
        <p className="mt-3 text-sm text-muted">
          No theme model yet: train one with <code>npm run job -- train-theme</code>.
        </p>
      ) : (
        <>
          <dl className="mt-4 grid gap-2.5 text-sm">
            {result.mix.occasions.map(({ occasion, p }) => (
              <div key={occasion} className="grid grid-cols-[6rem_1fr_3rem] items-center gap-3">
                <dt className="capitalize text-muted">{occasion}</dt>
                <dd aria-hidden className="h-2 overflow-hidden rounded-full bg-surface-2">
                  <span className="block h-full rounded-full bg-accent" style={{ width: `${Math.round(p * 100)}%` }} />
                </dd>
                <dd className="text-right tabular-nums">{formatPercent(p)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-xs text-muted">
            Theme model v{result.mix.modelVersion}. <Link href="/themes" className="underline">How it works</Link>
          </p>
        </>
      )}
    </section>
  );
}
