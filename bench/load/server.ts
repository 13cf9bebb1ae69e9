/** Starts `next start` of a built tree on a port against a database, for the load bench. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface AppServer {
  origin: string;
  /** CPU time the server's processes have used so far (ms, user + system): per request, it does not depend on the machine's load. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU time of every live process in process group `pgid` (ms), from /proc (Linux). */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name in parentheses (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS;
}

/** Waits until `url` answers 200 (the app is up and reaches the database), at most `ms`. */
async function waitFor(url: string, ms: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const reason = exited();
    if (reason) throw new Error(`next start stopped before answering: ${reason}`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200 within ${ms / 1000} s`);
}

/** `npm run start` (what the demo and the e2e tests run) on a port in `appDir`, which must hold a build (`.next/BUILD_ID`), with DATABASE_URL. */
export async function startApp(appDir: string, port: number, databaseUrl: string): Promise<AppServer> {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(`${appDir} holds no Next build: run \`npx next build\` there first (or pass --app-dir of a built copy)`);
  }
  const child = spawn('npm', ['run', '-s', 'start', '--', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so stop() ends npm, next and any worker it forks
  });
  let exit: string | null = null;
  child.on('exit', (code, signal) => (exit = `exit ${code ?? signal}`));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exit !== null || child.pid === undefined) return;
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await gone;
  };
  try {
    await waitFor(`${origin}/api/v1/charts`, 60_000, () => exit);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, cpuMs: () => groupCpuMs(child.pid!), stop };
}
