import { char, datetime, int, mysqlTable, varchar } from 'drizzle-orm/mysql-core';

/**
 * The retained forecast topics the broker holds because `publish` put them there:
 * the set a later publish compares against to delete (zero-byte retained message)
 * the topics of songs that left coverage. One row per topic, so it stays as small
 * as the coverage itself.
 */
export const mqttRetained = mysqlTable('mqtt_retained', {
  topic: varchar('topic', { length: 255 }).primaryKey(),
  trackId: int('track_id').notNull(),
  /** SHA-256 (hex) of the retained payload: a song whose payload changed is re-sent even if its rows were published. */
  payloadSha256: char('payload_sha256', { length: 64 }).notNull(),
  publishedAt: datetime('published_at', { mode: 'date' }).notNull(),
});
export type MqttRetained = typeof mqttRetained.$inferSelect;

/**
 * The broker's first PUBACK of a message that carried a forecast row: a forecast is published when it
 * has a row here. A narrow table written once per row, rather than a nullable date on `forecasts`:
 * setting a NULL column makes the forecast row longer, so InnoDB cannot change it in place, and that
 * update cost the database about three times what this insert does while the broker waits for CPU.
 */
export const forecastPublications = mysqlTable('forecast_publications', {
  forecastId: int('forecast_id').primaryKey(),
  publishedAt: datetime('published_at', { mode: 'date' }).notNull(),
});
