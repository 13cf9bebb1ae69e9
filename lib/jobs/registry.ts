import { auditJob } from './audit';
import { evaluateJob } from './evaluate';
import { importJob } from './import';
import { initJob } from './init';
import { migrateJob } from './migrate';
import { predictJob } from './predict';
import { publishJob } from './publish';
import { sampleDataJob } from './sample-data';
import { trainJob } from './train';
import { trainAttributesJob } from './train-attributes';
import { trainThemeJob } from './train-theme';
import type { JobDefinition } from './types';
import { updateJob } from './update';
import { weeklyJob } from './weekly';

/** Every job the CLI and the admin console can run, by name, in the order `--help` lists them. */
export const jobs: Record<string, JobDefinition> = Object.fromEntries(
  [migrateJob, sampleDataJob, initJob, updateJob, importJob, trainJob, trainThemeJob, trainAttributesJob, evaluateJob, predictJob, publishJob, auditJob, weeklyJob].map(
    (job) => [job.name, job as JobDefinition],
  ),
);
