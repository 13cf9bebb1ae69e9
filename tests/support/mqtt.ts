import { randomBytes } from 'node:crypto';
import net from 'node:net';
import mqtt, { type IPublishPacket } from 'mqtt';

/** The Mosquitto the MQTT integration tests publish to. */
export const TEST_BROKER_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/** A topic prefix of its own per test run, so runs never see each other's retained messages. */
export const uniquePrefix = (label: string) => `songcast-test/${label}-${process.pid}-${randomBytes(3).toString('hex')}`;

export interface Received {
  payload: Buffer;
  retain: boolean;
  qos: number;
  properties: IPublishPacket['properties'];
}

/**
 * Subscribes to `filter` and returns the retained messages the broker sends,
 * by topic: everything that arrives until nothing more comes for `quietMs`.
 */
export async function readRetained(url: string, filter: string, { protocolVersion = 5 as 4 | 5, quietMs = 400 } = {}): Promise<Map<string, Received>> {
  const client = await mqtt.connectAsync(url, { protocolVersion, reconnectPeriod: 0, clean: true });
  const seen = new Map<string, Received>();
  try {
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<void>((resolve) => {
      const rearm = () => {
        clearTimeout(timer);
        timer = setTimeout(resolve, quietMs);
      };
      client.on('message', (topic, payload, packet) => {
        seen.set(topic, { payload, retain: packet.retain, qos: packet.qos, properties: packet.properties });
        rearm();
      });
      client.subscribeAsync(filter, { qos: 1 }).then(rearm, resolve);
    });
    await quiet;
  } finally {
    await client.endAsync();
  }
  return seen;
}

/**
 * Deletes every retained message under `prefix/` (zero-byte retained publishes). For the handful of
 * topics a test makes: past Mosquitto's max_queued_messages (1,000) a subscriber misses some.
 */
export async function clearRetained(url: string, prefix: string, protocolVersion: 4 | 5 = 5): Promise<void> {
  const topics = [...(await readRetained(url, `${prefix}/#`, { protocolVersion })).keys()];
  const client = await mqtt.connectAsync(url, { protocolVersion, reconnectPeriod: 0 });
  try {
    await Promise.all(topics.map((topic) => client.publishAsync(topic, '', { qos: 1, retain: true })));
  } finally {
    await client.endAsync();
  }
}

/** A local TCP port nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
