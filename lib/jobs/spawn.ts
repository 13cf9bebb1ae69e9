import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/** One queued run for the CLI to claim: `npm run job -- <kind> <args…> --run-id <runId>`. */
export interface SpawnStep {
  kind: string;
  runId: number;
  args: string[];
}

export interface SpawnOptions {
  /** Project root holding package.json and jobs/ (default: the current directory). */
  cwd?: string;
  /** Environment of the child; secrets of the web server (ADMIN_PASSWORD, SESSION_SECRET) are removed. */
  env?: NodeJS.ProcessEnv;
  /** Called once when the child exits or could not be started: code null means it never ran. */
  onExit?: (code: number | null, detail: string) => void;
}

export interface SpawnedChain {
  pid: number | null;
  logFile: string;
}

/** Secrets only the web server needs; a job never sees them. */
const WEB_ONLY_ENV = ['ADMIN_PASSWORD', 'SESSION_SECRET'];
// Kinds and arguments end up in a shell command line: only plain tokens pass.
const SAFE_TOKEN = /^[A-Za-z0-9_.:=/+-]+$/;

function commandOf(step: SpawnStep): string {
  const tokens = ['npm', 'run', '--silent', 'job', '--', step.kind, ...step.args, '--run-id', String(step.runId)];
  for (const token of tokens) {
    if (!SAFE_TOKEN.test(token)) throw new Error(`Refusing to start a job with the argument "${token}".`);
  }
  return tokens.map((t) => `'${t}'`).join(' ');
}

/**
 * Starts the queued runs, one after the other (each only if the one before
 * succeeded), in a detached process group with its own log file under
 * .tmp/jobs/, so the web server never runs job code and a restart of the web
 * server does not kill a running job.
 */
export function spawnJobChain(steps: SpawnStep[], opts: SpawnOptions = {}): SpawnedChain {
  if (steps.length === 0) throw new Error('Nothing to start.');
  const cwd = opts.cwd ?? process.cwd();
  const command = steps.map(commandOf).join(' && ');
  const logDir = path.join(cwd, '.tmp', 'jobs');
  mkdirSync(logDir, { recursive: true });
  // Run ids restart per database (tests, demo), so the time keeps log files apart.
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(logDir, `${stamp}-run-${steps.map((s) => s.runId).join('-')}.log`);
  const env = { ...(opts.env ?? process.env) };
  for (const key of WEB_ONLY_ENV) delete env[key];

  const fd = openSync(logFile, 'a');
  let reported = false;
  const report = (code: number | null, detail: string) => {
    if (reported) return;
    reported = true;
    opts.onExit?.(code, detail);
  };
  try {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
    child.once('error', (err) => report(null, `could not start the job process: ${err.message}`));
    child.once('exit', (code, signal) => report(code, signal ? `killed by ${signal}` : `exited with code ${code}`));
    child.unref();
    return { pid: child.pid ?? null, logFile };
  } finally {
    closeSync(fd);
  }
}
