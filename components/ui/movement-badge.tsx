import type { Movement } from '@/lib/format';

/** ▲3, ▼5, –, NEW or RE, with a spoken label. */
export function MovementBadge({ move }: { move: Movement }) {
  switch (move.kind) {
    case 'up':
      return <span className="text-xs font-medium text-up" aria-label={`up ${move.places}`}>▲{move.places}</span>;
    case 'down':
      return <span className="text-xs font-medium text-down" aria-label={`down ${move.places}`}>▼{move.places}</span>;
    case 'same':
      return <span className="text-xs text-muted" aria-label="no change">–</span>;
    case 'new':
      return <span className="rounded bg-accent-soft px-1 text-[10px] font-bold tracking-wide text-fg" aria-label="new entry">NEW</span>;
    case 're':
      return <span className="rounded bg-surface-2 px-1 text-[10px] font-bold tracking-wide text-muted" aria-label="re-entry">RE</span>;
  }
}
