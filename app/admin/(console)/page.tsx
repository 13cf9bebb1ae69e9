import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth/require-admin';
import { getDb } from '@/lib/db/client';
import { failDeadRuns } from '@/lib/jobs/dead-runs';
import { listQueueOptions } from '@/lib/jobs/queue';
import { listAdminEvents } from '@/lib/queries/admin-events';
import { listJobRuns } from '@/lib/queries/job-runs';
import { listModelVersions } from '@/lib/queries/model-versions';
import { AdminEventsList } from './_components/admin-events-list';
import { AutoRefresh } from './_components/auto-refresh';
import { JobRunsTable } from './_components/job-runs-table';
import { ModelVersions } from './_components/model-versions';
import { QueuePanel } from './_components/queue-panel';

export const metadata: Metadata = { title: 'Admin', robots: { index: false } };

/** `/admin`: queue jobs, watch every run live, promote or roll back model versions, see who did what. */
export default async function AdminPage() {
  await requireAdmin();
  await connection();
  const db = getDb();
  // Runs whose process died are marked failed before they are shown.
  await failDeadRuns(db);
  const [runs, versions, events] = await Promise.all([listJobRuns(db, { limit: 50 }), listModelVersions(db), listAdminEvents(db, { limit: 15 })]);
  const now = new Date();
  const active = runs.some((r) => r.status === 'queued' || r.status === 'running');
  const options = listQueueOptions().map(({ id, label, description, unavailable }) => ({ id, label, description, unavailable }));

  return (
    <>
      <section aria-labelledby="queue-heading" className="flex flex-col gap-3">
        <h2 id="queue-heading" className="text-lg font-semibold">Start a job</h2>
        <p className="text-sm text-muted">Each run starts in its own process; this page follows it. Two runs of the same job never overlap.</p>
        <QueuePanel options={options} />
      </section>

      <section aria-labelledby="runs-heading" className="flex flex-col gap-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="runs-heading" className="text-lg font-semibold">Job runs</h2>
          <AutoRefresh active={active} />
        </div>
        {runs.length === 0 ? <p className="text-sm text-muted">No job has run yet.</p> : <JobRunsTable runs={runs} now={now} />}
      </section>

      <section aria-labelledby="models-heading" className="flex flex-col gap-3">
        <h2 id="models-heading" className="text-lg font-semibold">Model versions</h2>
        <ModelVersions versions={versions} />
      </section>

      <section aria-labelledby="events-heading" className="flex flex-col gap-3">
        <h2 id="events-heading" className="text-lg font-semibold">Recent admin activity</h2>
        <AdminEventsList events={events} now={now} />
      </section>
    </>
  );
}
