import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EmptyState } from '@/components/ui/empty-state';
import { getActiveAttributes } from '@/lib/attributes/attributes-registry';
import { WHAT_IF_FIELDS } from '@/lib/attributes/what-if';
import { getDb } from '@/lib/db/client';
import { formatAgo, formatDate, formatDecimal } from '@/lib/format';
import { WhatIfForm } from './_components/what-if-form';
import { whatIfAction } from './actions';

export const metadata: Metadata = { title: 'What-if' };

/** `/what-if`: a song's typed attributes → its predicted popularity, the interval, and what moves it. Query parameters (the form's field names) prefill it. */
export default async function WhatIfPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const query = await searchParams;
  const model = await getActiveAttributes(getDb());
  if (!model) {
    return (
      <EmptyState heading="h1" title="No what-if model yet">
        <p>Train one on the catalog with <code className="font-mono">npm run job -- train-attributes</code>, then reload this page.</p>
      </EmptyState>
    );
  }
  const { metrics: m, baselines: b } = model;
  // A link with attributes (a song page's "Try variations") fills the form and answers at once, like a submit.
  const values = Object.fromEntries(WHAT_IF_FIELDS.flatMap((name) => {
    const v = query[name];
    const first = Array.isArray(v) ? v[0] : v;
    return first === undefined ? [] : [[name, first]];
  }));
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  const answer = Object.keys(values).length > 0 ? await whatIfAction(null, form) : null;
  return (
    <div className="flex flex-col gap-5">
      <header>
        <p className="text-sm font-medium text-accent">What-if model v{model.version}, trained {formatAgo(model.trainedAt)}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">What if a song sounded like this?</h1>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Popularity here is {m.target}. On the {m.testRows} songs released from {formatDate(m.cutoff)} (never seen in training) the model scores
          R² <strong className="text-fg tabular-nums">{formatDecimal(m.r2, 3)}</strong> and MAE {m.mae.toFixed(1)}; always answering the average scores
          R² {formatDecimal(b.mean.r2, 3)} (MAE {b.mean.mae.toFixed(1)}), a linear model R² {formatDecimal(b.linear.r2, 3)} (MAE {b.linear.mae.toFixed(1)}).
          {' '}The 80% interval held {Math.round(100 * m.coverage80)}% of them. Sound alone says little about success: treat the answer as a nudge, not a verdict.
        </p>
      </header>
      <WhatIfForm key={JSON.stringify(values)} genres={model.genres} typical={model.typical} values={values} answer={answer} />
    </div>
  );
}
