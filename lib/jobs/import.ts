/**
 * import — reads chart, catalog and playlist files into tracks, charts, chart entries,
 * popularity snapshots and playlists. Trigger: a user with files (CLI or admin).
 * Schedule: on demand; idempotent and resumable, so re-running is always safe.
 */
import { z } from 'zod';
import { IMPORT_FORMAT_NAMES, IMPORT_FORMATS } from '@/lib/importers/formats';
import { runImport } from '@/lib/importers/run-import';
import { defineJob } from './types';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'not a date');

const formatHelp = Object.values(IMPORT_FORMATS)
  .map((f) => `  ${f.name.padEnd(15)} ${f.summary}`)
  .join('\n');

export const importJob = defineJob({
  name: 'import',
  summary: 'Import chart, catalog or playlist CSV files (plain or .gz), a file or a whole directory.',
  help: [
    'Streams the file (or every .csv/.csv.gz under the directory) in batches, upserting on natural keys:',
    'importing twice changes nothing, and a run that died resumes where it stopped when re-run with the',
    'same arguments. Bad lines are skipped and listed in the run stats as file:line: reason (first 100);',
    '--strict instead rejects a file at its first bad line before anything is written.',
    '',
    'formats:',
    formatHelp,
  ].join('\n'),
  positionals: ['format', 'path'],
  options: {
    chart: { type: 'string', description: 'chart slug to write to, instead of the one derived from the file' },
    country: { type: 'string', description: 'country (ISO alpha-2 or "global") when the file does not say' },
    date: { type: 'string', description: 'YYYY-MM-DD: chart date when the file does not say; day a catalog\'s popularity was observed' },
    strict: { type: 'boolean', description: 'reject the whole file at the first bad line (nothing written)' },
    limit: { type: 'string', description: 'import at most this many data lines' },
  },
  input: z
    .object({
      format: z.enum(IMPORT_FORMAT_NAMES, { error: `format must be one of: ${IMPORT_FORMAT_NAMES.join(', ')}` }),
      path: z.string({ error: 'give the file or directory to import' }).min(1),
      chart: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a chart slug is lower-case letters, digits and dashes').optional(),
      country: z.string().regex(/^([a-zA-Z]{2}|global)$/, 'a two-letter code or "global"').optional(),
      date: day.optional(),
      strict: z.boolean().default(false),
      limit: z.coerce.number().int().positive().optional(),
    })
    .strict(),
  async run(ctx, input) {
    const { format, path, ...options } = input;
    return runImport(ctx, IMPORT_FORMATS[format], path, options);
  },
});
