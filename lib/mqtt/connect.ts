/**
 * Opening an MQTT connection the way every songcast client does: MQTT 5 first,
 * MQTT 3.1.1 when the broker refuses 5 (aedes, old Mosquitto), no automatic
 * reconnects (a job fails and is re-run instead), and errors that name the
 * broker without leaking its password.
 */
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { AppError } from '@/lib/errors';

export interface ConnectOptions {
  /** mqtt://, mqtts://, ws:// or wss://; credentials in the URL win over username/password. */
  url: string;
  username?: string;
  password?: string;
  /** How long to wait for the broker's CONNACK, in milliseconds. */
  timeoutMs?: number;
  /** Force one protocol (4 = MQTT 3.1.1); by default 5, then 4 if refused. */
  protocolVersion?: 4 | 5;
  clientIdPrefix?: string;
}

export interface Connection {
  client: MqttClient;
  protocolVersion: 4 | 5;
  /** The broker URL without credentials, for logs and messages. */
  url: string;
}

const SCHEMES = new Set(['mqtt:', 'mqtts:', 'ws:', 'wss:']);
/** CONNACK codes meaning "I do not speak this protocol version": 3.1.1's 1 and MQTT 5's 0x84. */
const UNSUPPORTED_VERSION = new Set([1, 0x84]);

/** The URL with any username/password removed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(an invalid MQTT URL)';
  }
}

function parseBrokerUrl(url: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('BAD_REQUEST', `MQTT_URL "${redactUrl(url)}" is not a URL (e.g. mqtt://127.0.0.1:1883).`);
  }
  if (!SCHEMES.has(u.protocol)) {
    throw new AppError('BAD_REQUEST', `MQTT_URL must start with mqtt://, mqtts://, ws:// or wss:// (got ${u.protocol}//).`);
  }
  const username = u.username ? decodeURIComponent(u.username) : undefined;
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.username = '';
  u.password = '';
  return { bare: u.toString(), username, password };
}

interface Attempt {
  client: MqttClient;
  done: Promise<void>;
}

/** Connects once with one protocol version; settles on CONNACK, refusal, socket error or timeout. */
function attempt(bare: string, opts: ConnectOptions, protocolVersion: 4 | 5, username?: string, password?: string): Attempt {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const client = mqtt.connect(bare, {
    protocolVersion,
    clientId: `${opts.clientIdPrefix ?? 'songcast'}-${process.pid}-${randomBytes(4).toString('hex')}`,
    clean: true,
    reconnectPeriod: 0,
    // Our own timer below gives the clear message; mqtt.js's is only a backstop.
    connectTimeout: timeoutMs + 1_000,
    username,
    password,
  });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no CONNACK within ${timeoutMs} ms`)), timeoutMs);
    const settle = () => {
      clearTimeout(timer);
      client.off('connect', onConnect);
      client.off('error', fail);
      client.off('close', onClose);
    };
    const onConnect = () => {
      settle();
      resolve();
    };
    const onClose = () => fail(new Error('the connection closed before the broker answered'));
    function fail(err: Error) {
      settle();
      client.end(true);
      reject(err);
    }
    client.on('connect', onConnect);
    client.on('error', fail);
    client.on('close', onClose);
  });
  return { client, done };
}

function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: string };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ENOTFOUND') return 'host not found';
  return e.message ?? String(err);
}

/**
 * Connects to the broker and returns the open client. Throws an AppError
 * ("no MQTT broker answered at …") when nothing answers, and names a refused
 * login or protocol clearly.
 */
export async function connectMqtt(opts: ConnectOptions): Promise<Connection> {
  const { bare, ...fromUrl } = parseBrokerUrl(opts.url);
  const url = redactUrl(opts.url);
  const username = fromUrl.username ?? opts.username;
  const password = fromUrl.username ? fromUrl.password : opts.password;
  const versions: (4 | 5)[] = opts.protocolVersion ? [opts.protocolVersion] : [5, 4];
  let lastError: unknown = null;
  for (const version of versions) {
    const { client, done } = attempt(bare, opts, version, username, password);
    try {
      await done;
      return { client, protocolVersion: version, url };
    } catch (err) {
      lastError = err;
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'number' && UNSUPPORTED_VERSION.has(code)) continue;
      if (typeof code === 'number') {
        throw new AppError('UNAVAILABLE', `The MQTT broker at ${url} refused the connection: ${describe(err)}.`, { cause: err });
      }
      break;
    }
  }
  throw new AppError('UNAVAILABLE', `no MQTT broker answered at ${url} (${describe(lastError)}).`, { cause: lastError });
}
