import 'server-only';
import { z } from 'zod';

const once = <T>(f: () => T) => {
  let value: T | undefined;
  return () => (value ??= f());
};

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/songcast';
export const DEFAULT_MQTT_URL = 'mqtt://127.0.0.1:1883';

/** Database settings; read lazily so `next build` needs no secrets. */
export const dbEnv = once(() =>
  z.object({ DATABASE_URL: z.url().default(DEFAULT_DATABASE_URL) }).parse(process.env),
);

/** Broker settings for publish and audit. */
export const mqttEnv = once(() =>
  z
    .object({
      MQTT_URL: z.url().default(DEFAULT_MQTT_URL),
      MQTT_USERNAME: z.string().optional(),
      MQTT_PASSWORD: z.string().optional(),
      MQTT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(500),
      MQTT_TOPIC_PREFIX: z.string().regex(/^[^#+]+$/).default('songcast/v1'),
    })
    .parse(process.env),
);

/** Which weekly sources `update` runs when `--sources` is not given (comma-separated names). */
export const updateEnv = once(() => z.object({ UPDATE_SOURCES: z.string().trim().min(1).default('sample') }).parse(process.env));
