/**
 * A MySQL-protocol pass-through that records the SQL every client sends: a test points a
 * DATABASE_URL at it and later reads exactly what the code (Drizzle, mysql2, the migrator) put on the
 * wire. It reads the client's command packets only: COM_QUERY and COM_STMT_PREPARE carry SQL text.
 */
import net from 'node:net';

export interface SqlCapture {
  /** mysql://user:pass@127.0.0.1:<port>/ — the server's URL with the proxy's address. */
  url: string;
  /** Each distinct statement once, string literals replaced by `?` (see `withoutLiterals`) unless `keepLiterals`. */
  statements(): string[];
  /** Forgets what was recorded, so `statements()` lists what is sent from now on. */
  clear(): void;
  close(): Promise<void>;
}

const COM_QUERY = 0x03;
const COM_STMT_PREPARE = 0x16;
/** A payload of this size continues in the next packet. */
const MAX_PAYLOAD = 0xffffff;
/** Bulk inserts run to megabytes of values; their head and tail carry the statement's shape. */
const KEEP_CHARS = 4_000;

/**
 * String literals become `?`: the data (song titles such as "Call Me (Remix)") is not SQL, and a
 * statement sent with interpolated values then reads like its prepared form.
 */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"/g, '?');
}

function shorten(sql: string): string {
  return sql.length <= 2 * KEEP_CHARS ? sql : `${sql.slice(0, KEEP_CHARS)} … ${sql.slice(-KEEP_CHARS)}`;
}

/** Splits the client's byte stream into commands; a command starts with a packet of sequence id 0. */
function commandReader(onCommand: (payload: Buffer) => void) {
  let pending = Buffer.alloc(0);
  let command: Buffer[] | null = null;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUIntLE(0, 3);
      if (pending.length < 4 + length) break;
      const sequence = pending[3];
      const payload = pending.subarray(4, 4 + length);
      pending = pending.subarray(4 + length);
      // The handshake answer (sequence 1), auth switches and LOAD DATA file packets never start at 0.
      if (sequence === 0) command = [payload];
      else if (command) command.push(payload);
      else continue;
      if (length < MAX_PAYLOAD) {
        onCommand(Buffer.concat(command));
        command = null;
      }
    }
  };
}

/**
 * Starts the proxy on a free local port in front of the server in `serverUrl` (TCP, no TLS).
 * `keepLiterals` records statements as sent, so they can be run again (e.g. under EXPLAIN).
 */
export async function startSqlCapture(serverUrl: string, { keepLiterals = false } = {}): Promise<SqlCapture> {
  const target = new URL(serverUrl);
  const seen = new Set<string>();
  const sockets = new Set<net.Socket>();
  const record = (payload: Buffer) => {
    if (payload[0] !== COM_QUERY && payload[0] !== COM_STMT_PREPARE) return;
    const sql = payload.subarray(1).toString('utf8');
    seen.add(keepLiterals ? sql : shorten(withoutLiterals(sql)));
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 3306), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const read = commandReader(record);
    client.on('data', (chunk: Buffer) => {
      read(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  const url = new URL(serverUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  url.pathname = '/';
  return {
    url: url.toString(),
    statements: () => [...seen],
    clear: () => seen.clear(),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
