/**
 * publish — sends every current forecast retained, QoS 1, to `<prefix>/forecasts/<song>`, deletes the topics of
 * songs that left coverage, then updates `<prefix>/forecasts/_summary`.
 * Trigger: the weekly order (after predict), the admin console, the demo. Schedule: weekly; re-runs send only what
 * the broker has not acknowledged yet.
 */
import { z } from 'zod';
import { mqttRetained } from '@/lib/db/schema';
import { mqttEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createAckRecorder } from '@/lib/mqtt/ack-recorder';
import { listCurrentForecasts } from '@/lib/mqtt/current-forecasts';
import { encodePayload, SUMMARY_SCHEMA, summaryPayload } from '@/lib/mqtt/payloads';
import { openPublisher, type PublishOutcome, type RetainedMessage } from '@/lib/mqtt/publisher';
import { topicsFor } from '@/lib/mqtt/topics';
import { defineJob, type JobContext } from './types';

export interface PublishSettings {
  url: string;
  username?: string;
  password?: string;
  prefix: string;
  maxInFlight: number;
  /** Re-send every current forecast, not only the unacknowledged ones (e.g. to a fresh broker). */
  all: boolean;
  connectTimeoutMs?: number;
}

export interface PublishStats {
  broker: string;
  protocol: 'MQTT 5' | 'MQTT 3.1.1';
  current: number;
  published: number;
  skipped: number;
  removed: number;
  failed: number;
  ms: number;
  msgPerSec: number | null;
  /** Of `ms`, the wait after the last PUBACK for the ack records still being written. */
  recordMs: number;
}

/** Progress is reported every this many settled publishes, not on each (a terminal bar redraws on each call). */
const PROGRESS_EVERY = 1_000;

type PublishContext = Pick<JobContext, 'db' | 'pool' | 'log' | 'progress' | 'stats'>;

interface Removal extends RetainedMessage {
  trackId: number;
}

/** Publishes the current forecasts; see the file header. Throws when the broker is down or did not ack everything. */
export async function publishForecasts(ctx: PublishContext, settings: PublishSettings): Promise<PublishStats> {
  const started = performance.now();
  const topics = topicsFor(settings.prefix);
  ctx.progress(0, 0, 'selecting');
  const current = await listCurrentForecasts(ctx.db, topics);
  const retained = (await ctx.db.select().from(mqttRetained)).filter((r) => r.topic.startsWith(topics.forecastsRoot));
  const sentHash = new Map(retained.map((r) => [r.topic, r.payloadSha256]));
  const currentTopics = new Set(current.messages.map((m) => m.topic));
  // Besides unpublished rows, a payload that differs from the one last acked is re-sent: a song that left one of
  // its charts, or a topic never acked under this prefix.
  const toPublish = settings.all
    ? current.messages
    : current.messages.filter((m) => m.unpublished || sentHash.get(m.topic) !== m.payloadSha256);
  const removals: Removal[] = retained.filter((r) => !currentTopics.has(r.topic)).map((r) => ({ topic: r.topic, trackId: r.trackId, payload: '' }));

  const publisher = await openPublisher({ ...settings, timeoutMs: settings.connectTimeoutMs });
  const stats: PublishStats = {
    broker: publisher.url,
    protocol: publisher.protocolVersion === 5 ? 'MQTT 5' : 'MQTT 3.1.1',
    current: current.messages.length,
    published: 0,
    skipped: current.messages.length - toPublish.length,
    removed: 0,
    failed: 0,
    ms: 0,
    msgPerSec: null,
    recordMs: 0,
  };
  ctx.log.info({ broker: stats.broker, protocol: stats.protocol, toPublish: toPublish.length, removals: removals.length }, 'publishing');
  const total = toPublish.length + removals.length + 1;
  const recorder = createAckRecorder(ctx.pool);
  const publishStarted = performance.now();
  const check = (outcome: PublishOutcome) => {
    stats.failed += outcome.failed;
    if (outcome.failed === 0) return;
    throw new AppError(
      'UNAVAILABLE',
      `${outcome.failed} message(s) were not acknowledged by the MQTT broker at ${publisher.url}` +
        `${outcome.error ? ` (${outcome.error.message})` : ''}; they stay unpublished and the next publish sends them.`,
    );
  };
  try {
    ctx.progress(0, total, 'publishing');
    check(
      await publisher.publishRetained(toPublish, {
        onAck: (m) => {
          stats.published++;
          recorder.published(m);
        },
        onSettled: (n) => {
          if (n % PROGRESS_EVERY === 0) ctx.progress(n, total);
        },
      }),
    );
    check(
      await publisher.publishRetained(removals, {
        onAck: (m) => {
          stats.removed++;
          recorder.removed(m.topic);
        },
        onSettled: (n) => {
          if (n % PROGRESS_EVERY === 0) ctx.progress(toPublish.length + n, total);
        },
      }),
    );
    const summary = summaryPayload(current.charts, current.messages.length, new Date());
    check(
      await publisher.publishRetained([{ topic: topics.summary(), payload: encodePayload(summary), schema: SUMMARY_SCHEMA, modelVersion: summary.model_version }], {
        onAck: () => undefined,
        onSettled: () => ctx.progress(total, total),
      }),
    );
  } finally {
    // Rate of the broker round trips; ms is the whole run, the last acks' database writes included.
    const seconds = (performance.now() - publishStarted) / 1000;
    const sent = stats.published + stats.removed;
    stats.msgPerSec = seconds > 0 && sent > 0 ? Math.round(sent / seconds) : null;
    try {
      await publisher.end();
      const acked = performance.now();
      await recorder.drain();
      stats.recordMs = Math.round(performance.now() - acked);
    } finally {
      stats.ms = Math.round(performance.now() - started);
      Object.assign(ctx.stats, stats);
    }
  }
  return stats;
}

/** MQTT settings of this process (MQTT_URL, MQTT_USERNAME/PASSWORD, MQTT_MAX_IN_FLIGHT, MQTT_TOPIC_PREFIX). */
export function publishSettingsFromEnv(all: boolean): PublishSettings {
  const env = mqttEnv();
  return {
    url: env.MQTT_URL,
    // An empty value (as .env.example has it) means no login.
    username: env.MQTT_USERNAME || undefined,
    password: env.MQTT_PASSWORD || undefined,
    prefix: env.MQTT_TOPIC_PREFIX,
    maxInFlight: env.MQTT_MAX_IN_FLIGHT,
    all,
  };
}

export const publishJob = defineJob({
  name: 'publish',
  summary: 'Publish the current forecasts over MQTT (retained, QoS 1) and the summary.',
  help: [
    'For each chart\'s latest as-of, sends one retained QoS 1 message per song to <prefix>/forecasts/<spotify id>',
    '(t<internal id> for songs without one) with both horizons, on its main chart and the others it trends on;',
    'a zero-byte retained message deletes the topic of a song that left coverage; then <prefix>/forecasts/_summary.',
    'A forecast is marked published only after the broker acknowledged it, so a run that fails (broker down,',
    'connection lost) leaves the rest for the next run. Broker: MQTT_URL (mqtt://, mqtts://, ws://), credentials',
    'in the URL or MQTT_USERNAME/MQTT_PASSWORD; prefix MQTT_TOPIC_PREFIX (default songcast/v1); window',
    'MQTT_MAX_IN_FLIGHT (default 500).',
  ].join('\n'),
  options: {
    all: { type: 'boolean', description: 're-send every current forecast, e.g. to a new or emptied broker' },
  },
  input: z.strictObject({ all: z.boolean().default(false) }),
  async run(ctx, input) {
    const stats = await publishForecasts(ctx, publishSettingsFromEnv(input.all));
    return { ...stats };
  },
});
