/**
 * The demo's fallback broker: aedes (MQTT 3.1.1, in-process) on 127.0.0.1, so
 * `npm run demo` publishes somewhere and `mosquitto_sub` can still subscribe
 * when nothing answers at MQTT_URL. Retained messages live in memory only.
 */
import net from 'node:net';
import { Aedes } from 'aedes';
import { connectMqtt } from './connect';

export const DEFAULT_BROKER_PORT = 1883;
/** How many ports upward from 1883 to try when none is given. */
const PORT_SEARCH = 100;

export interface EmbeddedBroker {
  /** mqtt://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts aedes on 127.0.0.1: on `port` when given (fails if it is taken),
 * else on the first free port from 1883 upward.
 */
export async function startEmbeddedBroker({ port }: { port?: number } = {}): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
  const candidates = port === undefined ? Array.from({ length: PORT_SEARCH }, (_, i) => DEFAULT_BROKER_PORT + i) : [port];
  let bound: number | null = null;
  for (const candidate of candidates) {
    try {
      await listen(server, candidate);
      bound = candidate;
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port !== undefined) {
        broker.close();
        throw new Error(`The embedded MQTT broker cannot listen on 127.0.0.1:${candidate}: ${(err as Error).message}`, { cause: err });
      }
    }
  }
  if (bound === null) {
    broker.close();
    throw new Error(`The embedded MQTT broker found no free port in ${DEFAULT_BROKER_PORT}–${DEFAULT_BROKER_PORT + PORT_SEARCH - 1}.`);
  }
  return {
    url: `mqtt://127.0.0.1:${bound}`,
    port: bound,
    close: async () => {
      // aedes closes its clients' sockets, then the listening socket can close.
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * True when an MQTT broker answers at `url` within `timeoutMs` (a CONNACK,
 * even one refusing our login, counts: something is listening there).
 */
export async function brokerAnswers(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const { client } = await connectMqtt({ url, timeoutMs, protocolVersion: 4, clientIdPrefix: 'songcast-probe' });
    await client.endAsync();
    return true;
  } catch (err) {
    // A numeric cause is a CONNACK return code: the broker answered, it just refused us.
    return typeof ((err as Error).cause as { code?: unknown } | undefined)?.code === 'number';
  }
}
