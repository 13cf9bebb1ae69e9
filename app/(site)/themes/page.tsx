import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db/client';
import { formatAgo, formatMs, formatShare } from '@/lib/format';
import { getActiveTheme } from '@/lib/themes/theme-registry';
import { themeSetOf } from '@/lib/themes/theme-sets';
import { ClassifyForm } from './_components/classify-form';
import { ThemeReport } from './_components/theme-report';

export const metadata: Metadata = { title: 'Themes' };

/** `/themes`: which listening occasions a song suits, from its audio features, and how well the model does. */
export default async function ThemesPage() {
  await connection();
  const theme = await getActiveTheme(getDb());
  if (!theme) {
    return (
      <EmptyState heading="h1" title="No theme model yet">
        <p>
          Train one on the songs’ audio features with <code className="font-mono">npm run job -- train-theme</code>, then reload this page.
        </p>
      </EmptyState>
    );
  }
  const { metrics } = theme;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-accent">
          Theme model v{theme.version}, trained {formatAgo(theme.trainedAt)}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">Themes: what is this song for?</h1>
        <p className="mt-1 max-w-prose text-sm text-muted">
          A classifier over {metrics.occasions.join(', ')} from eight audio features. Cross-validated accuracy{' '}
          <strong className="text-fg">{formatShare(metrics.cv.accuracy)}</strong>
          {theme.majorityAccuracy !== null ? <> (always answering the commonest occasion: {formatShare(theme.majorityAccuracy)})</> : null}; one song takes{' '}
          {metrics.inferenceMs.p95 === null ? 'an unmeasured time' : `${formatMs(metrics.inferenceMs.p95)} (p95)`}.{' '}
          {metrics.labelSource === 'sample-rule'
            ? 'Labels here come from the sample data’s documented stand-in rule (no playlists loaded), so these scores say how well the model learns that rule, not real listening.'
            : `Labels come from ${themeSetOf(metrics.labelSource)?.doc ?? metrics.labelSource}.`}
        </p>
      </header>
      <section aria-labelledby="classify-heading" className="rounded-xl border border-border bg-surface p-4">
        <h2 id="classify-heading" className="mb-3 text-lg font-semibold">Classify a song</h2>
        <ClassifyForm />
      </section>
      <section aria-labelledby="report-heading" className="flex flex-col gap-3">
        <h2 id="report-heading" className="text-lg font-semibold">How good is it?</h2>
        <ThemeReport metrics={metrics} />
      </section>
    </div>
  );
}
