/**
 * Runs wrk against one URL with bench/load/report.lua and reads the JSON line the script prints:
 * requests/s, p50/p95/p99 and the errors wrk counts (non-2xx/3xx answers, socket errors, timeouts).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

const REPORT_SCRIPT = path.join(import.meta.dirname, 'report.lua');

const reportSchema = z.object({
  requests: z.number(),
  durationUs: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  connect: z.number(),
  read: z.number(),
  write: z.number(),
  status: z.number(),
  timeout: z.number(),
});

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Answers other than 2xx/3xx. */
  non2xx: number;
  /** Connect, read and write errors and timeouts. */
  socketErrors: number;
}

export interface WrkOptions {
  connections: number;
  seconds: number;
  threads: number;
  /** A file of ids (one a line): each request appends one to the URL's path. */
  idsFile?: string;
}

export async function runWrk(url: string, o: WrkOptions): Promise<WrkResult> {
  const args = ['-t', String(o.threads), '-c', String(o.connections), '-d', `${o.seconds}s`, '--timeout', '10s', '-s', REPORT_SCRIPT, url];
  if (o.idsFile) args.push('--', o.idsFile);
  const { stdout } = await promisify(execFile)('wrk', args, { maxBuffer: 1 << 20 });
  const line = stdout.split('\n').find((l) => l.startsWith('LOADBENCH '));
  if (!line) throw new Error(`wrk printed no report for ${url}:\n${stdout}`);
  const r = reportSchema.parse(JSON.parse(line.slice('LOADBENCH '.length)));
  const ms = (us: number) => us / 1000;
  return {
    requestsPerSecond: r.requests / (r.durationUs / 1e6),
    requests: r.requests,
    p50: ms(r.p50),
    p95: ms(r.p95),
    p99: ms(r.p99),
    max: ms(r.max),
    non2xx: r.status,
    socketErrors: r.connect + r.read + r.write + r.timeout,
  };
}
