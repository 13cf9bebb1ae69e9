import type { Metadata } from 'next';
import { connection } from 'next/server';
import { z } from 'zod';
import { BinnedChart } from '@/components/charts/binned-chart';
import { ImportanceChart } from '@/components/charts/importance-chart';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db/client';
import { formatAgo } from '@/lib/format';
import { getLiveAudit, pickVersion, readImportance, readMetricsReport, REPORT_HORIZONS } from '@/lib/queries/model-report';
import { listModelVersions } from '@/lib/queries/model-versions';
import { AuditSection } from './_components/audit-section';
import { MetricsTable } from './_components/metrics-table';
import { OtherModels } from './_components/other-models';
import { ReportChart } from './_components/report-chart';
import { VersionsTable } from './_components/versions-table';

export const metadata: Metadata = { title: 'Models' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A bad or missing ?version falls back to the active version rather than an error page.
const versionParam = z.coerce.number().int().positive().nullable().catch(null);

/**
 * `/models`: the forecast model versions, the chosen one's test metrics beside the baselines, calibration,
 * predicted against actual score, permutation feature importance and the live audit.
 */
export default async function ModelsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).version;
  const requested = versionParam.parse(typeof raw === 'string' ? raw : null);
  const db = getDb();
  const [versions, audit] = await Promise.all([listModelVersions(db), getLiveAudit(db)]);
  const forecastVersions = versions.filter((v) => v.kind === 'forecast');
  const selected = pickVersion(versions, requested);
  if (!selected) {
    return (
      <EmptyState heading="h1" title="No forecast model yet">
        <p>
          Load chart data, then train one with <code className="font-mono">npm run job -- train</code> and reload this page.
        </p>
      </EmptyState>
    );
  }
  const report = readMetricsReport(selected.metrics, selected.baselineMetrics);
  const calibration = REPORT_HORIZONS.map((h) => ({
    name: `${h} weeks`,
    bins: (report[h].model?.calibration ?? []).map((b) => ({ meanPredicted: b.meanPredicted, meanActual: b.observedRate, count: b.count })),
  })).filter((s) => s.bins.length > 0);
  const predictedVsActual = REPORT_HORIZONS.map((h) => ({ name: `${h} weeks`, bins: report[h].model?.predictedVsActual ?? [] })).filter((s) => s.bins.length > 0);
  const importance = readImportance(selected.metrics);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-accent">
          Forecast model v{selected.version} ({selected.status}), trained {formatAgo(selected.createdAt.toISOString())}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">Models: how good are the forecasts?</h1>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Every version is scored on chart weeks it never saw, beside four simple baselines; the live audit below checks published forecasts
          against what really happened.
          {requested !== null && requested !== selected.version ? ` There is no forecast version ${requested}; showing v${selected.version}.` : ''}
        </p>
      </header>

      <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
        <h2 id="versions-heading" className="text-lg font-semibold">Versions</h2>
        <VersionsTable versions={forecastVersions} selectedId={selected.id} />
      </section>

      <section aria-labelledby="metrics-heading" className="flex flex-col gap-3">
        <h2 id="metrics-heading" className="text-lg font-semibold">v{selected.version} against the baselines</h2>
        {REPORT_HORIZONS.map((h) => (
          <MetricsTable key={h} horizon={h} rows={report[h]} />
        ))}
      </section>

      <ReportChart
        id="calibration"
        title="Calibration"
        empty={calibration.length ? null : 'This version’s report has no calibration bins.'}
        caption="Songs grouped by predicted chance of still charting; a calibrated model follows the dashed diagonal."
      >
        <BinnedChart
          series={calibration}
          scale="probability"
          label="Calibration: observed share still charting against predicted chance, per horizon"
          xLabel="Predicted chance still charting"
          yLabel="Observed"
        />
      </ReportChart>

      <ReportChart
        id="predicted"
        title="Predicted against actual"
        empty={predictedVsActual.length ? null : 'This version’s report has no predicted-against-actual bins (it was trained before they were recorded).'}
        caption="Test songs grouped by their expected score (0 off the chart counted in); each point is the mean score they really had. A forecast that is right on average follows the dashed diagonal."
      >
        <BinnedChart
          series={predictedVsActual}
          scale="score"
          label="Predicted against actual: mean actual score per bin of the predicted mean score, per horizon"
          xLabel="Predicted score (mean, points)"
          yLabel="Actual (mean)"
        />
      </ReportChart>

      <ReportChart
        id="importance"
        title="Feature importance"
        empty={importance.length ? null : 'This version’s report has no feature importance (it was trained before it was recorded).'}
        caption="Each group of features shuffled across the test songs in turn: the more the AUC drops, the more the model relies on it. Hover for the rise in Brier score and in the error of the median score."
      >
        <ImportanceChart bars={importance} horizons={REPORT_HORIZONS} />
      </ReportChart>

      <section aria-labelledby="audit-heading" className="flex flex-col gap-3">
        <h2 id="audit-heading" className="text-lg font-semibold">Live audit</h2>
        <AuditSection weeks={audit} />
      </section>

      <section aria-labelledby="other-heading" className="flex flex-col gap-3">
        <h2 id="other-heading" className="text-lg font-semibold">Other models</h2>
        <OtherModels versions={versions} />
      </section>
    </div>
  );
}
