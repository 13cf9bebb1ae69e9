/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1) as a process, for the demo when
 * nothing answers at MQTT_URL:
 *   node --import tsx scripts/broker.ts [--port N]
 * Prints its URL as the first line on stdout, then stays up until SIGTERM/SIGINT.
 * Without --port it takes the first free port from 1883 upward.
 */
import { parseArgs } from 'node:util';
import { startEmbeddedBroker } from '@/lib/mqtt/embedded-broker';

async function main(): Promise<number> {
  let port: number | undefined;
  try {
    const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`--port takes a TCP port (1–65535), got "${values.port}".`);
    }
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: node --import tsx scripts/broker.ts [--port N]`);
    return 2;
  }
  const broker = await startEmbeddedBroker({ port });
  console.log(broker.url);
  console.error(`embedded MQTT broker (aedes, MQTT 3.1.1, in-memory) listening at ${broker.url}; SIGTERM or Ctrl-C stops it`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await broker.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
