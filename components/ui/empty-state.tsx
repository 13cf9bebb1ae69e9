import type { ReactNode } from 'react';

/** A designed "nothing here" panel: what happened, and a way out. `heading` is h1 when the panel is the whole page. */
export function EmptyState({
  title,
  children,
  action,
  heading: Heading = 'h2',
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  heading?: 'h1' | 'h2';
}) {
  return (
    <section className="rounded-xl border border-dashed border-border bg-surface px-6 py-12 text-center">
      <svg aria-hidden width="40" height="40" viewBox="0 0 24 24" className="mx-auto mb-4 text-muted">
        <path d="M4 18h16M6 15V9m4 6V6m4 9v-4m4 4v-7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <Heading className="text-lg font-semibold">{title}</Heading>
      {children ? <div className="mx-auto mt-2 max-w-prose text-sm text-muted">{children}</div> : null}
      {action ? <div className="mt-5 flex justify-center gap-3">{action}</div> : null}
    </section>
  );
}
