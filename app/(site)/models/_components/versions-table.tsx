import Link from 'next/link';
import { formatAgo } from '@/lib/format';
import type { ModelVersionRow } from '@/lib/queries/model-versions';

const STATUS_STYLE: Record<ModelVersionRow['status'], string> = {
  active: 'bg-accent text-accent-fg',
  candidate: 'bg-surface-2 text-fg',
  retired: 'bg-surface-2 text-muted',
};

/** The forecast model versions, newest first; the one reported below is marked and each row links to its report. */
export function VersionsTable({ versions, selectedId }: { versions: ModelVersionRow[]; selectedId: number }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">Forecast model versions</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">Version</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Status</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Trained</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Rows</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Decision</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} className={`border-t border-border ${v.id === selectedId ? 'bg-accent-soft/50' : ''}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/models?version=${v.version}`} aria-current={v.id === selectedId ? 'true' : undefined} className="underline-offset-2 hover:underline">
                  v{v.version}
                </Link>
              </th>
              <td className="px-3 py-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[v.status]}`}>{v.status}</span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap" title={v.createdAt.toISOString()}>{formatAgo(v.createdAt.toISOString())}</td>
              <td className="px-3 py-2 text-right">{v.trainedRows.toLocaleString('en')}</td>
              <td className="min-w-56 max-w-md px-3 py-2 text-muted">{v.decision ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
