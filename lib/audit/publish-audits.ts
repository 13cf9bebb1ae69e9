import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { charts, forecasts, models, tracks } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { AUDIT_SCHEMA, auditPayload, encodePayload } from '@/lib/mqtt/payloads';
import { openPublisher, type PublishOutcome } from '@/lib/mqtt/publisher';
import { topicsFor } from '@/lib/mqtt/topics';
import type { PublishSettings } from '@/lib/jobs/publish';
import { forecastHorizonColumns, forecastOutcomeColumns } from '@/lib/queries/forecast-columns';

interface AuditMessage {
  topic: string;
  payload: string;
  schema: string;
  modelVersion: number;
  forecastIds: number[];
}

/**
 * The audits no broker has acknowledged yet, one retained message per song on
 * `<prefix>/audits/<song>`: its latest scored forecast (latest target date, then
 * the longer horizon). Older audits of the song ride on the same acknowledgement.
 */
export async function listUnpublishedAudits(db: Db, prefix: string): Promise<AuditMessage[]> {
  const topics = topicsFor(prefix);
  const rows = await db
    .select({
      id: forecasts.id,
      asOf: forecasts.asOf,
      ...forecastHorizonColumns,
      ...forecastOutcomeColumns,
      auditedAt: forecasts.auditedAt,
      modelVersion: models.version,
      track: { id: tracks.id, spotifyId: tracks.spotifyId, title: tracks.title, artistNames: tracks.artistNames },
      chart: { slug: charts.slug, country: charts.country },
    })
    .from(forecasts)
    .innerJoin(tracks, eq(tracks.id, forecasts.trackId))
    .innerJoin(charts, eq(charts.id, forecasts.chartId))
    .innerJoin(models, eq(models.id, forecasts.modelId))
    .where(and(isNull(forecasts.auditPublishedAt), isNotNull(forecasts.auditedAt)))
    .orderBy(forecasts.trackId, forecasts.targetDate, forecasts.horizonWeeks, forecasts.id);

  const bySong = new Map<number, typeof rows>();
  for (const row of rows) bySong.set(row.track.id, [...(bySong.get(row.track.id) ?? []), row]);
  return [...bySong.values()].map((songRows) => {
    const latest = songRows.at(-1)!;
    return {
      topic: topics.audit(latest.track),
      payload: encodePayload(auditPayload({ ...latest, auditedAt: latest.auditedAt ?? new Date() })),
      schema: AUDIT_SCHEMA,
      modelVersion: latest.modelVersion,
      forecastIds: songRows.map((r) => r.id),
    };
  });
}

/** Publishes the unacknowledged audits retained, QoS 1; marks rows only on the broker's PUBACK. */
export async function publishAudits(db: Db, settings: PublishSettings): Promise<{ published: number; broker: string }> {
  const messages = await listUnpublishedAudits(db, settings.prefix);
  if (messages.length === 0) return { published: 0, broker: settings.url };
  const publisher = await openPublisher({ ...settings, timeoutMs: settings.connectTimeoutMs });
  const acked: number[] = [];
  let outcome: PublishOutcome;
  try {
    outcome = await publisher.publishRetained(messages, { onAck: (m) => acked.push(...m.forecastIds) });
  } finally {
    await publisher.end();
  }
  const now = new Date();
  for (let i = 0; i < acked.length; i += 2_000) {
    await db.update(forecasts).set({ auditPublishedAt: now }).where(inArray(forecasts.id, acked.slice(i, i + 2_000)));
  }
  if (outcome.failed > 0) {
    throw new AppError(
      'UNAVAILABLE',
      `${outcome.failed} audit message(s) were not acknowledged by the MQTT broker at ${publisher.url}` +
        `${outcome.error ? ` (${outcome.error.message})` : ''}; the scores are stored and the next audit run sends them.`,
    );
  }
  return { published: outcome.acked, broker: publisher.url };
}
