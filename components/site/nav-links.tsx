'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { DEFAULT_VIEW_PATH } from '@/lib/explorer/default-view';

/** The site's sections; add a page here when it exists. */
const NAV = [
  { href: '/', label: 'Explorer', match: (p: string) => p === '/' || p === DEFAULT_VIEW_PATH || p.startsWith('/songs') },
  { href: '/trends', label: 'Trends', match: (p: string) => p === '/trends' },
  { href: '/trends/mood', label: 'Mood', match: (p: string) => p.startsWith('/trends/mood') },
  { href: '/what-if', label: 'What-if', match: (p: string) => p.startsWith('/what-if') },
  { href: '/themes', label: 'Themes', match: (p: string) => p.startsWith('/themes') },
  { href: '/models', label: 'Models', match: (p: string) => p.startsWith('/models') },
];

/**
 * Top-bar section links, the current one marked for screen readers and by colour. Below the lg
 * breakpoint they move to a row of their own that scrolls sideways, so the bar fits 360 px.
 */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto px-1 text-sm lg:order-none lg:w-auto">
      {NAV.map((item) => {
        const current = item.match(pathname);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={`block whitespace-nowrap rounded-md px-2.5 py-1.5 font-medium transition-colors ${
                current ? 'bg-accent-soft text-fg' : 'text-muted hover:text-fg hover:bg-surface-2'
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
