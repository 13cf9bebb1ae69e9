import Link from 'next/link';

/** Previous/next links with "51–100 of 200"; `href(page)` builds each page's URL. */
export function Pager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = 'inline-flex h-8 items-center rounded-md border border-border bg-surface px-3 text-sm hover:bg-surface-2';
  const off = 'inline-flex h-8 items-center rounded-md border border-border px-3 text-sm text-muted opacity-50';
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
      <p className="text-muted">
        {from}–{to} of {total}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">← Previous</Link> : <span className={off} aria-disabled="true">← Previous</span>}
        <span className="text-muted">
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages ? <Link className={link} href={href(page + 1)} rel="next">Next →</Link> : <span className={off} aria-disabled="true">Next →</span>}
      </div>
    </nav>
  );
}
