import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { modelFigures, type ModelFigure } from '@/lib/queries/model-report';
import type { ModelVersionRow } from '@/lib/queries/model-versions';
import { promoteModelAction, rollbackModelAction } from '../actions';
import { ConfirmActionForm } from './confirm-action-form';
import { formatMetric, sideBySide } from './flatten-metrics';

/** Versions shown side by side per kind (newest first); older ones stay in the registry. */
const MAX_COLUMNS = 6;

const STATUS_LOOK: Record<ModelVersionRow['status'], string> = {
  active: 'bg-band-high/15 text-band-high',
  candidate: 'bg-accent-soft text-fg',
  retired: 'bg-surface-2 text-muted',
};

/** Model versions per kind: headline figures side by side, promote a candidate, roll back to the previous active version. */
export function ModelVersions({ versions }: { versions: ModelVersionRow[] }) {
  const kinds = [...new Set(versions.map((v) => v.kind))];
  if (kinds.length === 0) {
    return <p className="text-sm text-muted">No model has been trained yet. Queue a training run above.</p>;
  }
  return (
    <div className="flex flex-col gap-6">
      {kinds.map((kind) => (
        <KindVersions key={kind} kind={kind} versions={versions.filter((v) => v.kind === kind)} />
      ))}
    </div>
  );
}

function KindVersions({ kind, versions }: { kind: ModelVersionRow['kind']; versions: ModelVersionRow[] }) {
  const active = versions.find((v) => v.status === 'active');
  const shown = versions.slice(0, MAX_COLUMNS);
  if (active && !shown.includes(active)) shown[shown.length - 1] = active;
  const previous = versions
    .filter((v) => v.status === 'retired' && v.activatedAt)
    .sort((a, b) => b.activatedAt!.getTime() - a.activatedAt!.getTime())[0];
  const figures = shown.map((v) => modelFigures(kind, v.metrics, v.baselineMetrics));
  const labels = [...new Set(figures.flatMap((f) => f.map((x) => x.label)))];
  const metricRows = sideBySide(shown.map((v) => v.metrics));
  const newest = shown[0];

  return (
    <section aria-labelledby={`models-${kind}`} className="flex flex-col gap-3" data-model-kind={kind}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={`models-${kind}`} className="font-semibold">
          <span className="capitalize">{kind}</span> model {active ? <span className="font-normal text-muted">· v{active.version} active</span> : <span className="font-normal text-muted">· none active</span>}
        </h3>
        {active && previous ? (
          <ConfirmActionForm
            action={rollbackModelAction}
            fields={{ kind }}
            label={`Roll back to v${previous.version}`}
            question={`Retire ${kind} v${active.version} and make v${previous.version} active again?`}
          />
        ) : null}
      </div>
      <div className="relative overflow-x-auto rounded-xl border border-border bg-surface">
        <table className="w-full text-left text-sm tabular-nums">
          <caption className="sr-only">{kind} model versions side by side</caption>
          <thead className="border-b border-border">
            <tr>
              <th scope="col" className="px-3 py-2 text-xs font-medium text-muted">Version</th>
              {shown.map((v) => (
                <th key={v.id} scope="col" className="px-3 py-2 align-top" data-model-version={v.version}>
                  <div className="flex flex-col items-start gap-1.5">
                    <span>
                      v{v.version} <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_LOOK[v.status]}`}>{v.status}</span>
                    </span>
                    {v.status === 'candidate' ? (
                      <ConfirmActionForm
                        action={promoteModelAction}
                        fields={{ modelId: String(v.id) }}
                        label="Promote"
                        question={`Make ${kind} v${v.version} the active model${active ? ` (v${active.version} is retired)` : ''}?`}
                      />
                    ) : null}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            <Row label="Trained" values={shown.map((v) => formatDate(v.createdAt.toISOString()))} />
            <Row label="Rows trained on" values={shown.map((v) => formatMetric(v.trainedRows))} />
            <Row label="Active since" values={shown.map((v) => (v.status === 'active' && v.activatedAt ? formatDate(v.activatedAt.toISOString()) : '–'))} />
            {labels.map((label) => (
              <Row key={label} label={label} values={figures.map((f) => <FigureCell figure={f.find((x) => x.label === label)} />)} />
            ))}
            <Row label="Decision" values={shown.map((v) => v.decision ?? '–')} wrap />
          </tbody>
        </table>
      </div>
      {metricRows.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Every number stored with these versions</summary>
          <div className="relative mt-2 overflow-x-auto rounded-xl border border-border bg-surface">
            <table className="w-full text-left text-xs tabular-nums">
              <caption className="sr-only">{kind} model versions: every stored number</caption>
              <thead className="border-b border-border">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium text-muted">Metric</th>
                  {shown.map((v) => (
                    <th key={v.id} scope="col" className="px-3 py-1.5 font-medium">v{v.version}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {metricRows.map((m) => (
                  <Row key={m.key} label={m.key} values={m.values.map(formatMetric)} />
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {newest ? <Baselines version={newest} /> : null}
    </section>
  );
}

function Row({ label, values, wrap = false }: { label: string; values: ReactNode[]; wrap?: boolean }) {
  return (
    <tr>
      <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-xs font-medium text-muted">{label}</th>
      {values.map((v, i) => (
        <td key={i} className={`px-3 py-1.5 ${wrap ? 'max-w-xs text-xs' : 'whitespace-nowrap'}`}>{v}</td>
      ))}
    </tr>
  );
}

/** A headline figure, with what it is measured against beneath it; a dash where the version's report lacks it. */
function FigureCell({ figure }: { figure: ModelFigure | undefined }) {
  if (!figure) return '–';
  return (
    <>
      {figure.value}
      {figure.against ? <span className="block text-xs text-muted">{figure.against}</span> : null}
    </>
  );
}

function Baselines({ version }: { version: ModelVersionRow }) {
  const rows = sideBySide([version.baselineMetrics]);
  if (rows.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted">Baselines of v{version.version} on the same held-out rows</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-0.5 text-xs tabular-nums sm:grid-cols-2 lg:grid-cols-3">
        {rows.map((r) => (
          <div key={r.key} className="flex justify-between gap-3 border-b border-border py-0.5">
            <dt className="text-muted">{r.key}</dt>
            <dd>{formatMetric(r.values[0] ?? null)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
