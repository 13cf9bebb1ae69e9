'use client';

import Link from 'next/link';

/** Any page that throws lands here: a sentence and two ways out, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="rounded-xl border border-border bg-surface px-6 py-12 text-center">
      <h1 className="text-lg font-semibold">Something went wrong loading this page</h1>
      <p className="mx-auto mt-2 max-w-prose text-sm text-muted">
        The data could not be read just now. If it keeps happening, check that the database at DATABASE_URL is up
        (<code className="font-mono">/api/health</code> says) and that its schema is migrated (<code className="font-mono">npm run job -- migrate</code>).
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-5 flex justify-center gap-3">
        <button type="button" onClick={reset} className="h-9 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90">
          Try again
        </button>
        <Link href="/" className="inline-flex h-9 items-center rounded-md border border-border px-4 text-sm hover:bg-surface-2">
          Explorer
        </Link>
      </div>
    </section>
  );
}
