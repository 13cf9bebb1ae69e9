import { auditJob } from './audit';
import { importJob } from './import';
import { initJob } from './init';
import { migrateJob } from './migrate';
import { predictJob } from './predict';
import { publishJob } from './publish';
import { sampleDataJob } from './sample-data';
import { trainJob } from './train';
import { updateJob } from './update';
import type { JobDefinition } from './types';

/** Every job the CLI and the admin console can run, by name. */
export const jobs: Record<string, JobDefinition> = Object.fromEntries(
  [migrateJob, auditJob, publishJob, sampleDataJob, updateJob, trainJob, predictJob, importJob, initJob].map((job) => [job.name, job as JobDefinition]),
);
