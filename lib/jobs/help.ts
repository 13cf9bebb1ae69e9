import type { JobDefinition } from './types';

export function formatUsage(jobs: Record<string, JobDefinition>): string {
  const width = Math.max(...Object.keys(jobs).map((n) => n.length));
  const lines = Object.values(jobs).map((j) => `  ${j.name.padEnd(width)}  ${j.summary}`);
  return ['usage: npm run job -- <name> [options]   (npm run job -- <name> --help)', '', 'jobs:', ...lines].join('\n');
}

export function formatHelp(job: JobDefinition): string {
  const args = (job.positionals ?? []).map((p) => `<${p}>`).join(' ');
  const opts = Object.entries(job.options).map(([name, o]) => {
    const value = o.type === 'string' ? ` <${name}>` : '';
    const short = o.short ? `-${o.short}, ` : '';
    return `  ${short}--${name}${value}  ${o.description}`;
  });
  return [
    `usage: npm run job -- ${job.name}${args ? ` ${args}` : ''} [options]`,
    '',
    job.summary,
    '',
    job.help,
    '',
    'options:',
    ...opts,
    '  --run-id <id>  claim a run queued by the admin console',
    '  -h, --help     this text',
    '',
    'exit codes: 0 done, 1 failed, 2 bad arguments, 3 another run of this job is in progress',
  ].join('\n');
}
