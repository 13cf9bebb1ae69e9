import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { jobRuns, MODEL_KINDS } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { jobs as registry } from './registry';
import { spawnJobChain, type SpawnOptions } from './spawn';
import type { JobDefinition } from './types';

/** One button of the admin console: a job, or a chain of jobs run one after the other. */
export interface QueueOption {
  id: string;
  label: string;
  /** What pressing it does, in one sentence. */
  description: string;
  steps: { kind: string; args: Record<string, string> }[];
  /** Null when every step exists in the registry and accepts its arguments; else why not. */
  unavailable: string | null;
}

type Registry = Record<string, JobDefinition>;

function trainStep(kind: (typeof MODEL_KINDS)[number], reg: Registry): QueueOption['steps'][number] {
  // A dedicated `train-<kind>` job wins; else `train`, with `--kind` when it takes one.
  if (reg[`train-${kind}`]) return { kind: `train-${kind}`, args: {} };
  if (reg.train?.options.kind) return { kind: 'train', args: { kind } };
  return { kind: 'train', args: {} };
}

function availability(steps: QueueOption['steps'], reg: Registry): string | null {
  for (const step of steps) {
    const job = reg[step.kind];
    if (!job) return `There is no "${step.kind}" job yet.`;
    if (!job.input.safeParse(step.args).success) return `The "${step.kind}" job does not accept ${JSON.stringify(step.args)}.`;
  }
  return null;
}

/** The buttons of the console, in the weekly order: update, predict + publish, train per model kind, audit. */
export function listQueueOptions(reg: Registry = registry): QueueOption[] {
  const options: Omit<QueueOption, 'unavailable'>[] = [
    { id: 'update', label: 'Update data', description: 'Fetch the latest charts and popularity from the configured sources.', steps: [{ kind: 'update', args: {} }] },
    {
      id: 'predict-publish',
      label: 'Predict + publish',
      description: 'Forecast every trending song with the active model, then publish the forecasts over MQTT.',
      steps: [{ kind: 'predict', args: {} }, { kind: 'publish', args: {} }],
    },
    ...MODEL_KINDS.map((kind) => ({
      id: `train-${kind}`,
      label: `Train ${kind} model`,
      description: `Train a new ${kind} model version; it becomes active only if it beats the active one and the baselines.`,
      steps: [trainStep(kind, reg)],
    })),
    { id: 'audit', label: 'Audit forecasts', description: 'Score the forecasts whose target week has been observed.', steps: [{ kind: 'audit', args: {} }] },
  ];
  return options
    .map((o) => ({ ...o, unavailable: availability(o.steps, reg) }))
    // Model kinds without a training job are left out; the other buttons show disabled with the reason.
    .filter((o) => !(o.id.startsWith('train-') && o.id !== 'train-forecast' && o.unavailable));
}

export interface QueuedRuns {
  runIds: number[];
  logFile: string;
}

/** A run to queue: the job, its CLI options (`--key value`) and the params recorded with the row. */
export interface RunRequest {
  kind: string;
  args: Record<string, string>;
  params: Record<string, unknown>;
}

/**
 * Queues the button `optionId` of the console (see listQueueOptions) for the admin.
 * Unknown or unavailable options are refused before anything is written.
 */
export async function queueJobs(db: Db, optionId: string, opts: SpawnOptions & { registry?: Registry } = {}): Promise<QueuedRuns> {
  const { registry: reg = registry, ...spawnOpts } = opts;
  const option = listQueueOptions(reg).find((o) => o.id === optionId);
  if (!option) throw new AppError('NOT_FOUND', `Unknown job "${optionId}".`);
  if (option.unavailable) throw new AppError('CONFLICT', option.unavailable);
  const requests = option.steps.map((step) => ({ ...step, params: (reg[step.kind]!.input.parse(step.args) ?? {}) as Record<string, unknown> }));
  return startRuns(db, requests, spawnOpts);
}

/**
 * Inserts one `queued` job_runs row per request (requested by the admin) and starts
 * the CLI on them, one after the other, in a detached process (see spawn.ts). When
 * that process ends, rows it never claimed (bad arguments, an earlier step failed,
 * it could not start) are marked failed, so nothing stays queued forever.
 */
export async function startRuns(db: Db, requests: RunRequest[], opts: SpawnOptions = {}): Promise<QueuedRuns> {
  const runIds: number[] = [];
  for (const { kind, params } of requests) {
    const [res] = await db.insert(jobRuns).values({ kind, status: 'queued', params, requestedBy: 'admin' });
    runIds.push(res.insertId);
  }
  const steps = requests.map((r, i) => ({ kind: r.kind, runId: runIds[i]!, args: Object.entries(r.args).flatMap(([k, v]) => [`--${k}`, v]) }));
  const { onExit, ...spawnOpts } = opts;
  const { logFile } = spawnJobChain(steps, {
    ...spawnOpts,
    onExit: (code, detail) => {
      failUnclaimed(db, runIds, `The job process ${detail} before starting this run (log: ${logFile}).`)
        .catch((err) => logger.error({ err: String(err), runIds }, 'could not mark unclaimed runs failed'))
        .finally(() => onExit?.(code, detail));
    },
  });
  return { runIds, logFile };
}

async function failUnclaimed(db: Db, runIds: number[], error: string) {
  await db
    .update(jobRuns)
    .set({ status: 'failed', error, finishedAt: new Date() })
    .where(and(inArray(jobRuns.id, runIds), eq(jobRuns.status, 'queued')));
}
