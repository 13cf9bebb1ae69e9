/**
 * A MariaDB and a Mosquitto of a test's own, on free ports with their data in a temporary directory, that the
 * test may kill and start again (same port, same data) without touching the shared services on 3306 and 1883.
 * A private MariaDB takes about 1 s to initialise and start here, a restart about 0.2 s; Mosquitto 0.1 s.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { unusedPort } from './mqtt';

export type StopSignal = 'SIGTERM' | 'SIGKILL';

/** A server process the test controls: stop (clean or crash) and start again with the same port and data. */
export interface PrivateServer {
  port: number;
  /** Data directory (MariaDB's datadir, Mosquitto's persistence). */
  dir: string;
  running(): boolean;
  start(): Promise<void>;
  /** SIGTERM shuts down cleanly; SIGKILL is a crash. Resolves once the process is gone. */
  stop(signal?: StopSignal): Promise<void>;
  /** Kills the server and deletes its data. */
  remove(): Promise<void>;
}

export interface PrivateMariaDb extends PrivateServer {
  /** mysql://root@127.0.0.1:<port>/ (root, no password) */
  serverUrl: string;
  /** The URL of one database on this server. */
  urlOf(database: string): string;
}

export interface PrivateMosquitto extends PrivateServer {
  /** mqtt://127.0.0.1:<port> */
  url: string;
}

const START_TIMEOUT_MS = 30_000;
const live = new Set<ChildProcess>();
// A test worker that dies must not leave servers behind.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function binary(candidates: string[], what: string): string {
  for (const name of candidates) {
    if (name.startsWith('/') ? existsSync(name) : spawnSync('sh', ['-c', `command -v ${name}`]).status === 0) return name;
  }
  throw new Error(`The fault tests need ${what} (${candidates.join(' or ')}); on Debian: apt-get install mariadb-server mosquitto.`);
}

async function until(ready: () => Promise<boolean>, what: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited while starting (exit ${child.exitCode ?? child.signalCode}); see ${log}`);
    if (await ready()) return;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not answer within ${START_TIMEOUT_MS} ms; see ${log}`);
}

/** The start/stop cycle around the process `launch` spawns. */
function controlled(port: number, dir: string, what: string, log: string, launch: () => ChildProcess, ready: () => Promise<boolean>): PrivateServer {
  let child: ChildProcess | null = null;
  const server: PrivateServer = {
    port,
    dir,
    running: () => child !== null,
    async start() {
      if (child) throw new Error(`${what} on port ${port} is already running`);
      const started = launch();
      child = started;
      live.add(started);
      started.once('exit', () => {
        live.delete(started);
        if (child === started) child = null;
      });
      await until(ready, `${what} on port ${port}`, started, log);
    },
    async stop(signal = 'SIGTERM') {
      const running = child;
      if (!running) return;
      const exited = once(running, 'exit');
      running.kill(signal);
      await exited;
    },
    async remove() {
      await server.stop('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}

async function mariadbAnswers(uri: string): Promise<boolean> {
  try {
    const conn = await mysql.createConnection({ uri, connectTimeout: 1_000 });
    await conn.query('SELECT 1');
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Initialises a datadir (root without password on TCP) and starts mariadbd on a free port.
 * Reuse one per test file: call `remove()` in afterAll.
 */
export async function startPrivateMariaDb(label: string): Promise<PrivateMariaDb> {
  const installDb = binary(['mariadb-install-db', 'mysql_install_db'], 'mariadb-install-db');
  const mariadbd = binary(['/usr/sbin/mariadbd', 'mariadbd', '/usr/sbin/mysqld'], 'mariadbd');
  const dir = await mkdtemp(path.join(tmpdir(), `songcast-mariadb-${label}-`));
  const datadir = path.join(dir, 'data');
  const log = path.join(dir, 'error.log');
  const user = userInfo().username;
  // --no-defaults: the system's my.cnf names another datadir, port and user.
  const install = spawnSync(installDb, ['--no-defaults', `--datadir=${datadir}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed (exit ${install.status}): ${install.stdout}${install.stderr}`);
  const port = await unusedPort();
  const serverUrl = `mysql://root@127.0.0.1:${port}/`;
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${path.join(dir, 'mariadb.sock')}`,
    `--pid-file=${path.join(dir, 'mariadb.pid')}`,
    `--log-error=${log}`,
    `--user=${user}`,
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=64M',
    '--innodb-log-file-size=16M',
  ];
  const server = controlled(port, dir, 'private MariaDB', log, () => spawn(mariadbd, args, { stdio: 'ignore' }), () => mariadbAnswers(serverUrl));
  await server.start();
  return { ...server, serverUrl, urlOf: (database) => `${serverUrl}${database}` };
}

/** Resolves when `child` exits 0; otherwise throws with what it printed on stderr. */
async function finished(child: ChildProcess, name: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`${name} exited with ${code}: ${stderr.trim()}`);
}

/** Copies a database (tables and rows) from a local server into `database` on the private one, through mariadb-dump. */
export async function copyDatabaseInto(target: PrivateMariaDb, sourceUrl: string, database: string): Promise<void> {
  const source = new URL(sourceUrl);
  const conn = await mysql.createConnection({ uri: target.serverUrl });
  try {
    await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  const dump = spawn(
    binary(['mariadb-dump', 'mysqldump'], 'mariadb-dump'),
    ['--host', source.hostname, '--port', source.port || '3306', '--user', decodeURIComponent(source.username || 'root'), '--single-transaction', '--skip-lock-tables', decodeURIComponent(source.pathname.slice(1))],
    // The password goes in the environment, not on a command line others can read.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MYSQL_PWD: decodeURIComponent(source.password) } },
  );
  const load = spawn(binary(['mariadb', 'mysql'], 'the mariadb client'), ['--host', '127.0.0.1', '--port', String(target.port), '--user', 'root', database], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  dump.stdout!.pipe(load.stdin!);
  await Promise.all([finished(dump, 'mariadb-dump'), finished(load, 'mariadb')]);
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts Mosquitto on a free port, anonymous, persisting retained messages in its directory (written on a clean
 * stop: a SIGKILL loses what arrived since the last autosave, as on a real crash).
 */
export async function startPrivateMosquitto(label: string): Promise<PrivateMosquitto> {
  const mosquitto = binary(['/usr/sbin/mosquitto', 'mosquitto'], 'mosquitto');
  const dir = await mkdtemp(path.join(tmpdir(), `songcast-mosquitto-${label}-`));
  const port = await unusedPort();
  const config = path.join(dir, 'mosquitto.conf');
  const log = path.join(dir, 'mosquitto.log');
  await writeFile(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      // Run as whoever runs the tests (as root it would switch to the user "mosquitto", who cannot write here).
      `user ${userInfo().username}`,
      // The defaults (1,000) drop messages to a subscriber that counts many of them.
      'max_queued_messages 200000',
      `log_dest file ${log}`,
      '',
    ].join('\n'),
  );
  const server = controlled(port, dir, 'private Mosquitto', log, () => spawn(mosquitto, ['-c', config], { stdio: 'ignore' }), () => portAnswers(port));
  await server.start();
  return { ...server, url: `mqtt://127.0.0.1:${port}` };
}
