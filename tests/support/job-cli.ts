/** The real jobs CLI as cron runs it, in a child process a test can watch, kill, and read the output of. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, RowDataPacket } from 'mysql2/promise';

export interface JobProcess {
  child: ChildProcess;
  /** What the job printed so far on stdout (JSON log lines) and stderr (the closing error). */
  output(): string;
  /** Resolves once the output matches `pattern` (run with LOG_LEVEL=info to see phases); throws if the job ends first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Exit code (null when killed by a signal) and everything printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts `npm run job -- <args>` (without npm) against `databaseUrl`; `env` adds or overrides variables. */
export function startJob(args: string[], databaseUrl: string, env: Record<string, string> = {}): JobProcess {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'jobs/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exited = once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, output: text }));
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    output: () => text,
    exited,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (ended) throw new Error(`the job ended before printing ${pattern}:\n${text}`);
        if (Date.now() > deadline) throw new Error(`the job printed no ${pattern} within ${timeoutMs} ms:\n${text}`);
        await sleep(20);
      }
    },
  };
}

/** Runs a job to its end. */
export const runJobCli = (args: string[], databaseUrl: string, env?: Record<string, string>) => startJob(args, databaseUrl, env).exited;

export interface RunRow {
  id: number;
  status: string;
  phase: string | null;
  error: string | null;
  checkpoint: Record<string, unknown> | null;
  stats: Record<string, unknown> | null;
}

/** Polls the newest job_runs row (of `kind`) until `ready` says so; throws after `timeoutMs`. */
export async function waitForRun(pool: Pool, ready: (run: RunRow | null) => boolean, { kind, timeoutMs = 60_000 }: { kind?: string; timeoutMs?: number } = {}): Promise<RunRow | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await lastRun(pool, kind).catch(() => null);
    if (ready(run)) return run;
    if (Date.now() > deadline) throw new Error(`job_runs did not reach the expected state within ${timeoutMs} ms (last: ${JSON.stringify(run)})`);
    await sleep(25);
  }
}

/** The newest job_runs row (of `kind`, when given). */
export async function lastRun(pool: Pool, kind?: string): Promise<RunRow | null> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT id, status, phase, error, checkpoint, stats FROM job_runs ${kind ? 'WHERE kind = ?' : ''} ORDER BY id DESC LIMIT 1`,
    kind ? [kind] : [],
  );
  const row = rows[0];
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown> | null;
  return row ? { id: row.id, status: row.status, phase: row.phase, error: row.error, checkpoint: json(row.checkpoint), stats: json(row.stats) } : null;
}
