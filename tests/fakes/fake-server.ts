import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake server received. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the fake answers: JSON `body`, or `raw` text as is (for malformed answers); `delayMs` for slow ones. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  delayMs?: number;
}

export type FakeHandler = (req: FakeRequest, baseUrl: string) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: FakeRequest[];
  /** Answers the next `times` requests whose path matches with `reply`, before the normal routes. */
  inject(match: string | RegExp, reply: FakeReply, times?: number): void;
  /** Requests whose path matches. */
  calls(match: string | RegExp): FakeRequest[];
  close(): Promise<void>;
}

const matches = (match: string | RegExp, path: string) => (typeof match === 'string' ? path === match : match.test(path));

/**
 * A local HTTP server (127.0.0.1, a free port) standing in for an outside API
 * in tests: routes by a handler, records requests, and replays injected failures.
 */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const injected: { match: string | RegExp; reply: FakeReply; left: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let baseUrl = '';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const fake: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(fake);
      const rule = injected.find((r) => r.left > 0 && matches(r.match, fake.path));
      if (rule) rule.left -= 1;
      Promise.resolve(rule ? rule.reply : handler(fake, baseUrl))
        .then((reply) => {
          const send = () => {
            if (res.destroyed) return;
            const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
            res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
            res.end(text);
          };
          if (!reply.delayMs) return send();
          const timer = setTimeout(() => {
            timers.delete(timer);
            send();
          }, reply.delayMs);
          timers.add(timer);
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake server bug: ${String(err)}`);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    inject(match, reply, times = 1) {
      injected.push({ match, reply, left: times });
    },
    calls: (match) => requests.filter((r) => matches(match, r.path)),
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
