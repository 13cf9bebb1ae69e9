import type { ReactNode } from 'react';

/** A pulsing placeholder block shown while a page loads. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-surface-2 ${className}`} />;
}

/**
 * A page's loading state: the eyebrow and title lines every page starts with, then the page's own blocks.
 * `label` names what is loading for assistive technology.
 */
export function PageSkeleton({ label, titleWidth = 'w-72', gap = 'gap-5', children }: { label: string; titleWidth?: string; gap?: 'gap-5' | 'gap-6'; children: ReactNode }) {
  return (
    <div className={`flex flex-col ${gap}`} aria-busy="true" aria-label={label}>
      <div className="space-y-2">
        <Skeleton className="h-4 w-48" />
        <Skeleton className={`h-8 ${titleWidth} max-w-full`} />
      </div>
      {children}
    </div>
  );
}
