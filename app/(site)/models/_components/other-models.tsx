import Link from 'next/link';
import { formatAgo } from '@/lib/format';
import { headlineNumbers } from '@/lib/queries/model-report';
import type { ModelVersionRow } from '@/lib/queries/model-versions';

const KINDS = [
  { kind: 'theme', title: 'Theme model', href: '/themes', page: 'Themes', train: 'train-theme' },
  { kind: 'attributes', title: 'What-if (attributes) model', href: '/what-if', page: 'What-if', train: 'train-attributes' },
] as const;

/** Up to four significant digits: metrics here range from shares (0.734) to counts (1,200). */
const formatNumber = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toPrecision(4));

/** The active theme and attributes models with the numbers their metrics JSON holds (read generically). */
export function OtherModels({ versions }: { versions: ModelVersionRow[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {KINDS.map((k) => {
        const active = versions.find((v) => v.kind === k.kind && v.status === 'active');
        const numbers = active ? headlineNumbers(active.metrics) : [];
        return (
          <section key={k.kind} aria-label={k.title} className="rounded-xl border border-border bg-surface p-4">
            <h3 className="font-semibold">{k.title}</h3>
            {active ? (
              <>
                <p className="mt-0.5 text-sm text-muted">
                  v{active.version}, trained {formatAgo(active.createdAt.toISOString())} on {active.trainedRows.toLocaleString('en')} rows ·{' '}
                  <Link href={k.href} className="text-accent underline underline-offset-2">{k.page}</Link>
                </p>
                {numbers.length ? (
                  <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm tabular-nums sm:grid-cols-2">
                    {numbers.map((n) => (
                      <div key={n.name} className="flex justify-between gap-2 border-b border-border py-1">
                        <dt className="min-w-0 text-muted">{n.name}</dt>
                        <dd className="font-medium">{formatNumber(n.value)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="mt-3 text-sm text-muted">Its report holds no headline numbers.</p>
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
