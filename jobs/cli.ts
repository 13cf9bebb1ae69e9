/**
 * The jobs entrypoint run by cron / Kubernetes CronJob and by the admin console:
 *   npm run job -- <name> [args] [--options]      npm run job -- <name> --help
 * Exit codes: 0 done, 1 failed, 2 bad arguments, 3 another run of the job holds its lock.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadJob } from '@/lib/jobs/load-job';
import { EXIT, runJob } from '@/lib/jobs/run-job';
import { formatHelp, formatUsage } from '@/lib/jobs/help';
import type { JobOption } from '@/lib/jobs/types';

function stripDescriptions(options: Record<string, JobOption>) {
  return Object.fromEntries(Object.entries(options).map(([k, { description: _d, ...o }]) => [k, o]));
}

async function main(): Promise<number> {
  const [name = '', ...rest] = process.argv.slice(2);
  // Only the job asked for is loaded; the full registry only to list them all.
  const usage = async () => formatUsage((await import('@/lib/jobs/registry')).jobs);
  if (name === '--help' || name === 'help' || name === '-h') {
    console.log(await usage());
    return EXIT.done;
  }
  const job = await loadJob(name);
  if (!job) {
    console.error(`Unknown job "${name}".\n\n${await usage()}`);
    return EXIT.badArguments;
  }
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...stripDescriptions(job.options), help: { type: 'boolean', short: 'h' }, 'run-id': { type: 'string' } },
      allowPositionals: (job.positionals?.length ?? 0) > 0,
      strict: true,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${formatHelp(job)}`);
    return EXIT.badArguments;
  }
  const { help, 'run-id': runIdArg, ...options } = values;
  if (help) {
    console.log(formatHelp(job));
    return EXIT.done;
  }
  const named = Object.fromEntries((job.positionals ?? []).map((key, i) => [key, positionals[i]]));
  if (positionals.length > (job.positionals?.length ?? 0)) {
    console.error(`Too many arguments: ${positionals.join(' ')}\n\n${formatHelp(job)}`);
    return EXIT.badArguments;
  }
  const parsed = job.input.safeParse({ ...named, ...options });
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n\n${formatHelp(job)}`);
    return EXIT.badArguments;
  }
  const runId = runIdArg === undefined ? undefined : Number(runIdArg);
  if (runId !== undefined && !Number.isInteger(runId)) {
    console.error('--run-id takes a job_runs id.');
    return EXIT.badArguments;
  }
  const result = await runJob(job, parsed.data, { runId, requestedBy: runId === undefined ? undefined : 'admin' });
  if (result.error) console.error(`${job.name}: ${result.error}`);
  return result.code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = EXIT.failed;
  },
);
