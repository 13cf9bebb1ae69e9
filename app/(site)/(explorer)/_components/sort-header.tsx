import Link from 'next/link';
import type { ReactNode } from 'react';
import { DEFAULT_DIR, explorerHref, type ExplorerParams, type SortKey } from '@/lib/explorer/params';

/** A column header that sorts by its column; a second click reverses the direction. */
export function SortHeader({ params, sortKey, children, className = '' }: { params: ExplorerParams; sortKey: SortKey; children: ReactNode; className?: string }) {
  const active = params.sort === sortKey;
  const nextDir = active ? (params.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[sortKey];
  return (
    <th scope="col" aria-sort={active ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`px-3 py-2.5 font-medium ${className}`}>
      <Link href={explorerHref(params, { sort: sortKey, dir: nextDir })} className={`inline-flex items-center gap-1 hover:text-fg ${active ? 'text-fg' : ''}`}>
        {children}
        <span aria-hidden className={active ? 'text-accent' : 'opacity-0'}>
          {params.dir === 'asc' && active ? '↑' : '↓'}
        </span>
      </Link>
    </th>
  );
}
