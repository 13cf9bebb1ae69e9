import { auditJob } from './audit';
import { importJob } from './import';
import { initJob } from './init';
import { migrateJob } from './migrate';
import { publishJob } from './publish';
import { sampleDataJob } from './sample-data';
import { updateJob } from './update';
import type { JobDefinition } from './types';

/** Every job the CLI and the admin console can run, by name. */
export const jobs: Record<string, JobDefinition> = Object.fromEntries(
  [migrateJob, auditJob, publishJob, sampleDataJob, updateJob, importJob, initJob].map((job) => [job.name, job as JobDefinition]),
);
