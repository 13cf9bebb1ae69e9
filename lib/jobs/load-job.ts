import type { JobDefinition } from './types';

const JOB_NAME = /^[a-z][a-z-]{0,31}$/;

const isJob = (value: unknown, name: string): value is JobDefinition =>
  typeof value === 'object' && value !== null && (value as JobDefinition).name === name && typeof (value as JobDefinition).run === 'function';

/**
 * Loads one job by name from its own module (`lib/jobs/<name>.ts`), so a CLI run
 * of `import` does not load TF.js and every other job's code (half its memory and
 * most of its start-up). Undefined when no module of that name defines that job;
 * the registry still lists every job for help, the admin queue and tests.
 */
export async function loadJob(name: string): Promise<JobDefinition | undefined> {
  if (!JOB_NAME.test(name)) return undefined;
  const mod: Record<string, unknown> | null = await import(/* @vite-ignore */ `./${name}.ts`).catch(() => null);
  return Object.values(mod ?? {}).find((v) => isJob(v, name));
}
