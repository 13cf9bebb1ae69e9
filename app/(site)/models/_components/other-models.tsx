import Link from 'next/link';
import { formatAgo } from '@/lib/format';
import { modelFigures } from '@/lib/queries/model-report';
import type { ModelVersionRow } from '@/lib/queries/model-versions';

const KINDS = [
  { kind: 'theme', title: 'Theme model', href: '/themes', page: 'Themes', train: 'train-theme' },
  { kind: 'attributes', title: 'What-if (attributes) model', href: '/what-if', page: 'What-if', train: 'train-attributes' },
] as const;

/** The active theme and attributes models with their headline figures, each beside what it is measured against. */
export function OtherModels({ versions }: { versions: ModelVersionRow[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {KINDS.map((k) => {
        const active = versions.find((v) => v.kind === k.kind && v.status === 'active');
        const figures = active ? modelFigures(k.kind, active.metrics, active.baselineMetrics) : [];
        return (
          <section key={k.kind} aria-label={k.title} className="rounded-xl border border-border bg-surface p-4">
            <h3 className="font-semibold">{k.title}</h3>
            {active ? (
              <>
                <p className="mt-0.5 text-sm text-muted">
                  v{active.version}, trained {formatAgo(active.createdAt.toISOString())} on {active.trainedRows.toLocaleString('en')} rows ·{' '}
                  <Link href={k.href} className="text-accent underline underline-offset-2">{k.page}</Link>
                </p>
                {figures.length ? (
                  <dl className="mt-3 flex flex-col text-sm">
                    {figures.map((f) => (
                      <div key={f.label} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 border-b border-border py-1.5 last:border-b-0">
                        <dt className="text-muted">{f.label}</dt>
                        <dd className="font-medium tabular-nums">{f.value}</dd>
                        {f.against ? <dd className="col-span-2 text-xs text-muted">{f.against}</dd> : null}
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="mt-3 text-sm text-muted">Its report holds no headline figures.</p>
                )}
              </>
            ) : (
              <p className="mt-1 text-sm text-muted">
                None active yet: train one with <code className="font-mono">npm run job -- {k.train}</code>.
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
