import { formatAgo, formatDuration } from '@/lib/format';
import type { JobRunRow } from '@/lib/queries/job-runs';
import { formatMetric } from './flatten-metrics';

const STATUS_LOOK: Record<JobRunRow['status'], string> = {
  queued: 'bg-surface-2 text-muted',
  running: 'bg-accent-soft text-fg',
  succeeded: 'bg-band-high/15 text-band-high',
  failed: 'bg-band-low/15 text-band-low',
};

/**
 * The job history: every run, newest first, with live progress, duration, stats and errors. Wider than a
 * phone, it scrolls inside its card there rather than squeezing each column to a word a line.
 */
export function JobRunsTable({ runs, now }: { runs: JobRunRow[]; now: Date }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full min-w-[64rem] text-left text-sm tabular-nums">
        <caption className="sr-only">Job runs, newest first</caption>
        <thead className="border-b border-border text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Run</th>
            <th scope="col" className="px-3 py-2 font-medium">Asked by</th>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 font-medium">Progress</th>
            <th scope="col" className="px-3 py-2 font-medium">Started</th>
            <th scope="col" className="px-3 py-2 font-medium">Duration</th>
            <th scope="col" className="px-3 py-2 font-medium">Stats / error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-run-id={run.id} data-status={run.status} className="border-b border-border align-top last:border-0">
              <td className="min-w-44 px-3 py-2">
                <span className="font-medium">{run.kind}</span> <span className="text-xs text-muted">#{run.id}</span>
                <Params params={run.params} />
              </td>
              <td className="px-3 py-2 text-muted">{run.requestedBy}</td>
              <td className="px-3 py-2">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_LOOK[run.status]}`}>{run.status}</span>
              </td>
              <td className="px-3 py-2">
                <Progress run={run} />
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-muted" title={(run.startedAt ?? run.createdAt).toISOString()}>
                {formatAgo((run.startedAt ?? run.createdAt).toISOString(), now)}
              </td>
              <td className="px-3 py-2">{duration(run, now)}</td>
              <td className="min-w-80 max-w-md px-3 py-2">
                {run.error ? <ErrorText error={run.error} /> : <Stats stats={run.stats} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function duration(run: JobRunRow, now: Date): string {
  if (!run.startedAt) return run.status === 'queued' ? 'waiting' : '–';
  const end = run.finishedAt ?? (run.status === 'running' ? now : null);
  return end ? formatDuration(end.getTime() - run.startedAt.getTime()) : '–';
}

function Progress({ run }: { run: JobRunRow }) {
  const { progressDone: done, progressTotal: total } = run;
  const share = total > 0 ? Math.min(1, done / total) : run.status === 'succeeded' ? 1 : 0;
  const label = total > 0 ? `${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}` : run.status === 'running' ? 'working…' : '';
  return (
    <div className="flex min-w-36 flex-col gap-1">
      <div
        role="progressbar"
        aria-label={`Progress of run ${run.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        className="h-1.5 w-full overflow-hidden rounded-full bg-surface-2"
      >
        <div className={`h-full rounded-full ${run.status === 'failed' ? 'bg-band-low' : 'bg-accent'}`} style={{ width: `${share * 100}%` }} />
      </div>
      {/* A finished run is in no phase any more; a failed one keeps the phase it stopped in. */}
      <span className="text-xs text-muted">{[run.status === 'succeeded' ? null : run.phase, label].filter(Boolean).join(' · ')}</span>
    </div>
  );
}

function Params({ params }: { params: Record<string, unknown> }) {
  const entries = Object.entries(params ?? {});
  if (entries.length === 0) return null;
  return <div className="text-xs text-muted">{entries.map(([k, v]) => `--${k} ${String(v)}`).join(' ')}</div>;
}

function Stats({ stats }: { stats: Record<string, unknown> | null }) {
  const entries = Object.entries(stats ?? {}).filter(([, v]) => v === null || ['number', 'string', 'boolean'].includes(typeof v));
  if (entries.length === 0) return <span className="text-xs text-muted">–</span>;
  return (
    <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {entries.slice(0, 8).map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-muted">{k}</dt>
          <dd>{typeof v === 'number' ? formatMetric(v) : v === null ? '–' : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ErrorText({ error }: { error: string }) {
  const [first = ''] = error.split('\n');
  if (first === error && error.length <= 160) return <p className="text-xs text-band-low">{error}</p>;
  return (
    <details className="text-xs text-band-low">
      <summary className="cursor-pointer">{first.slice(0, 160)}</summary>
      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap font-mono">{error}</pre>
    </details>
  );
}
