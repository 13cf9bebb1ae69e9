import type { ReactNode } from 'react';

/** One chart of the model report as a titled section: the chart, or why there is none, and a caption saying how to read it. */
export function ReportChart({ id, title, empty, caption, children }: { id: string; title: string; empty: string | null; caption: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{title}</h2>
      <div className="rounded-xl border border-border bg-surface p-4">
        {empty === null ? children : <p className="text-sm text-muted">{empty}</p>}
        <p className="mt-2 text-xs text-muted">{caption}</p>
      </div>
    </section>
  );
}
