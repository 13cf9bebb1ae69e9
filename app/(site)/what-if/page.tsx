import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EmptyState } from '@/components/ui/empty-state';
import { getActiveAttributes } from '@/lib/attributes/attributes-registry';
import { getDb } from '@/lib/db/client';
import { formatAgo, formatDate } from '@/lib/format';
import { WhatIfForm } from './_components/what-if-form';

export const metadata: Metadata = { title: 'What-if' };

/** `/what-if`: a song's typed attributes → its predicted popularity, the interval, and what moves it. */
export default async function WhatIfPage() {
  await connection();
  const model = await getActiveAttributes(getDb());
  if (!model) {
    return (
      <EmptyState heading="h1" title="No what-if model yet">
        <p>Train one on the catalog with <code className="font-mono">npm run job -- train-attributes</code>, then reload this page.</p>
      </EmptyState>
    );
  }
  const { metrics: m, baselines: b } = model;
  return (
    <div className="flex flex-col gap-5">
      <header>
        <p className="text-sm font-medium text-accent">What-if model v{model.version}, trained {formatAgo(model.trainedAt)}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">What if a song sounded like this?</h1>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Popularity here is {m.target}. On the {m.testRows} songs released from {formatDate(m.cutoff)} (never seen in training) the model scores
          R² <strong className="text-fg tabular-nums">{m.r2.toFixed(3)}</strong> and MAE {m.mae.toFixed(1)}; always answering the average scores
          R² {b.mean.r2.toFixed(3)} (MAE {b.mean.mae.toFixed(1)}), a linear model R² {b.linear.r2.toFixed(3)} (MAE {b.linear.mae.toFixed(1)}).
          {' '}The 80% interval held {Math.round(100 * m.coverage80)}% of them. Sound alone says little about success: treat the answer as a nudge, not a verdict.
        </p>
      </header>
      <WhatIfForm genres={model.genres} typical={model.typical} />
    </div>
  );
}
