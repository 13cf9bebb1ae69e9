/**
 * migrate — creates the database in DATABASE_URL when missing and applies drizzle/ migrations.
 * Trigger: the demo, deploys, CI. Schedule: before every release; idempotent.
 */
import { z } from 'zod';
import { migrateDatabase } from '@/lib/db/migrate';
import { dbEnv } from '@/lib/env';
import { defineJob } from './types';

export const migrateJob = defineJob({
  name: 'migrate',
  summary: 'Create the database if missing and apply the schema migrations.',
  help: 'Creates the database named in DATABASE_URL when it does not exist, then applies every migration in drizzle/ that has not been applied yet. Safe to run any number of times.',
  options: {},
  input: z.object({}).strict(),
  recordsRun: false,
  async run(ctx) {
    const { database, created } = await migrateDatabase(dbEnv().DATABASE_URL);
    ctx.log.info({ database, created }, created ? 'database created and migrated' : 'database migrated');
    return { database, created };
  },
});
