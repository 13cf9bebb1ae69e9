import Link from 'next/link';
import { NavLinks } from './nav-links';

/** The bar on every page: wordmark, sections, and a search that jumps to a song. */
export function TopBar() {
  return (
    <header className="sticky top-0 z-20 border-b border-border bg-surface/90 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Wordmark />
        </Link>
        <NavLinks />
        <form action="/songs" method="get" role="search" className="ml-auto min-w-0 flex-1 sm:w-64 sm:flex-none">
          <label htmlFor="site-search" className="sr-only">
            Find a song
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            required
            maxLength={100}
            placeholder="Find a song…"
            className="h-9 w-full rounded-md border border-border bg-surface-2 px-3 text-sm placeholder:text-muted focus:border-accent focus:outline-none"
          />
        </form>
        <Link href="/admin" className="rounded-md px-2.5 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-fg">
          Admin
        </Link>
      </nav>
    </header>
  );
}

function Wordmark() {
  return (
    <>
      <svg aria-hidden width="22" height="22" viewBox="0 0 24 24" className="text-accent">
        <path d="M3 17 L8 11 L12 14 L17 6 L21 9" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="21" cy="9" r="2" fill="currentColor" />
      </svg>
      <span>songcast</span>
    </>
  );
}
