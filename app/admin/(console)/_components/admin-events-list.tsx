import { formatAgo } from '@/lib/format';
import type { AdminEventRow } from '@/lib/queries/admin-events';

const LABEL: Record<AdminEventRow['action'], string> = {
  login_ok: 'Logged in',
  login_failed: 'Wrong password',
  login_limited: 'Login refused (rate limit)',
  logout: 'Logged out',
  queue: 'Queued',
  promote: 'Promoted',
  rollback: 'Rolled back',
};

/** The latest admin actions: what, when, from which address. */
export function AdminEventsList({ events, now }: { events: AdminEventRow[]; now: Date }) {
  if (events.length === 0) return <p className="text-sm text-muted">Nothing recorded yet.</p>;
  return (
    <ol className="divide-y divide-border rounded-xl border border-border bg-surface text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
          <span className="font-medium">{LABEL[e.action]}</span>
          <span className="text-xs text-muted">{describe(e.detail)}</span>
          <span className="ml-auto text-xs text-muted" title={`${e.createdAt.toISOString()} · ${e.userAgent ?? 'unknown browser'}`}>
            {formatAgo(e.createdAt.toISOString(), now)} · {e.ip ?? 'unknown address'}
          </span>
        </li>
      ))}
    </ol>
  );
}

function describe(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  const d = detail as { option?: string; runIds?: number[]; kind?: string; activated?: { version: number }; retired?: { version: number } | null };
  if (d.option) return `${d.option} (run ${(d.runIds ?? []).map((id) => `#${id}`).join(', ')})`;
  if (d.kind && d.activated) return `${d.kind} v${d.activated.version} active${d.retired ? `, v${d.retired.version} retired` : ''}`;
  return '';
}
