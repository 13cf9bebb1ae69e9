import Link from 'next/link';
import type { ReactNode } from 'react';

/** A link styled as a button: `primary` in the accent colour, otherwise outlined. */
export function ButtonLink({ href, children, primary = false }: { href: string; children: ReactNode; primary?: boolean }) {
  const look = primary ? 'bg-accent text-accent-fg hover:opacity-90' : 'border border-border bg-surface hover:bg-surface-2';
  return (
    <Link href={href} className={`inline-flex h-9 items-center rounded-md px-4 text-sm font-medium ${look}`}>
      {children}
    </Link>
  );
}
