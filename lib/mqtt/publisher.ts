/**
 * Publishes retained QoS 1 messages with a bounded window of unacknowledged
 * publishes (mqtt.js hangs past 65,535 pending: packet ids run out) and tells
 * the caller about each PUBACK, so nothing is marked published before the
 * broker has it.
 */
import type { IClientPublishOptions } from 'mqtt';
import { connectMqtt, type ConnectOptions, type Connection } from './connect';

/** Longer than two weekly cycles, so a missed week never empties a topic (seconds). */
export const MESSAGE_EXPIRY_SECONDS = 15 * 24 * 3600;

export interface RetainedMessage {
  topic: string;
  /** JSON text; the empty string deletes the topic's retained message. */
  payload: string;
  /** The payload's `schema`, sent as an MQTT 5 user property. */
  schema?: string;
  modelVersion?: number | null;
}

export interface PublishOutcome {
  acked: number;
  /** Refused by the broker, lost with the connection, or never sent because the connection was gone. */
  failed: number;
  /** The first failure, for the message of the run. */
  error: Error | null;
}

export interface PublishHooks<M> {
  /** Called once per PUBACK, in ack order. */
  onAck(message: M): void;
  /** Called after every settled publish with the number settled so far. */
  onSettled?(settled: number): void;
}

export interface PublisherOptions extends ConnectOptions {
  /** Publishes awaiting their PUBACK at most (MQTT_MAX_IN_FLIGHT). */
  maxInFlight: number;
}

export interface Publisher {
  url: string;
  protocolVersion: 4 | 5;
  publishRetained<M extends RetainedMessage>(messages: readonly M[], hooks: PublishHooks<M>): Promise<PublishOutcome>;
  /** Disconnects cleanly (DISCONNECT after the last ack); forces the socket closed after 5 s. */
  end(): Promise<void>;
}

/** QoS 1, retained; with MQTT 5 the content type, UTF-8 flag, schema/model user properties and expiry. */
export function publishOptions(message: RetainedMessage, protocolVersion: 4 | 5): IClientPublishOptions {
  const base: IClientPublishOptions = { qos: 1, retain: true };
  if (protocolVersion !== 5 || message.payload === '') return base;
  const userProperties: Record<string, string> = {};
  if (message.schema) userProperties.schema = message.schema;
  if (message.modelVersion != null) userProperties.model_version = String(message.modelVersion);
  return {
    ...base,
    properties: {
      contentType: 'application/json',
      payloadFormatIndicator: true,
      messageExpiryInterval: MESSAGE_EXPIRY_SECONDS,
      userProperties,
    },
  };
}

/** Connects (MQTT 5, else 3.1.1) and returns a publisher; see connectMqtt for the errors. */
export async function openPublisher(opts: PublisherOptions): Promise<Publisher> {
  const maxInFlight = Math.max(1, Math.min(opts.maxInFlight, 60_000));
  const conn: Connection = await connectMqtt({ clientIdPrefix: 'songcast-publish', ...opts });
  const { client, protocolVersion } = conn;
  let lost: Error | null = null;
  let ending = false;
  // No reconnects: a lost connection fails the rest of the run, and forcing the
  // end makes mqtt.js reject every publish still waiting for its PUBACK.
  const onLost = (err?: Error) => {
    if (ending) return;
    lost ??= new Error(`lost the connection to the MQTT broker at ${conn.url}${err ? ` (${err.message})` : ''}`);
    client.end(true);
  };
  client.on('close', () => onLost());
  client.on('error', onLost);

  return {
    url: conn.url,
    protocolVersion,
    async publishRetained(messages, hooks) {
      let inFlight = 0;
      let settled = 0;
      let acked = 0;
      let failed = 0;
      let firstError: Error | null = null;
      let wake: (() => void) | null = null;
      const slotFreed = () => new Promise<void>((resolve) => (wake = resolve));
      const settle = () => {
        inFlight--;
        settled++;
        hooks.onSettled?.(settled);
        const resume = wake;
        wake = null;
        resume?.();
      };
      let sent = 0;
      for (const message of messages) {
        while (inFlight >= maxInFlight) await slotFreed();
        if (lost) break;
        inFlight++;
        sent++;
        // One reaction per publish, not a .then plus a .finally: at tens of thousands a second the extra
        // promises are measurable on the publishing thread.
        client.publishAsync(message.topic, message.payload, publishOptions(message, protocolVersion)).then(
          () => {
            acked++;
            try {
              hooks.onAck(message);
            } finally {
              settle();
            }
          },
          (err: Error) => {
            failed++;
            firstError ??= err;
            settle();
          },
        );
      }
      while (inFlight > 0) await slotFreed();
      failed += messages.length - sent;
      return { acked, failed, error: lost ?? firstError };
    },
    async end() {
      if (lost || ending) return;
      ending = true;
      let timer: NodeJS.Timeout | undefined;
      const forced = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          client.end(true);
          resolve();
        }, 5_000);
      });
      try {
        await Promise.race([client.endAsync(), forced]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
