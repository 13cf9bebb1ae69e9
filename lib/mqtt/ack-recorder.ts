/**
 * Records PUBACKs in the database in batches while publishing goes on:
 * forecasts.published_at for the rows a message carried, and mqtt_retained
 * for the topics the broker now holds (or no longer holds, after a deletion).
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { forecasts, mqttRetained } from '@/lib/db/schema';

export interface AckedForecast {
  trackId: number;
  topic: string;
  payloadSha256: string;
  forecastIds: number[];
}

export interface AckRecorder {
  published(message: AckedForecast): void;
  removed(topic: string): void;
  /** Writes what is buffered and waits for every write; throws the first write error. */
  drain(): Promise<void>;
}

/** One UPDATE/INSERT/DELETE per chunk keeps statements well under max_allowed_packet. */
const CHUNK = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function write(db: Db, published: AckedForecast[], removed: string[]): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const ids of chunks(published.flatMap((m) => m.forecastIds))) {
      await tx.update(forecasts).set({ publishedAt: now }).where(inArray(forecasts.id, ids));
    }
    for (const batch of chunks(published)) {
      await tx
        .insert(mqttRetained)
        .values(batch.map((m) => ({ topic: m.topic, trackId: m.trackId, payloadSha256: m.payloadSha256, publishedAt: now })))
        .onDuplicateKeyUpdate({
          set: { trackId: sql`values(${mqttRetained.trackId})`, payloadSha256: sql`values(${mqttRetained.payloadSha256})`, publishedAt: now },
        });
    }
    for (const topics of chunks(removed)) {
      await tx.delete(mqttRetained).where(inArray(mqttRetained.topic, topics));
    }
  });
}

/**
 * Buffers acks and writes them every `batchSize` acknowledged messages. Large
 * batches keep the database from competing with the broker for CPU; a crash
 * loses at most one batch of records, whose messages the next run re-sends.
 */
export function createAckRecorder(db: Db, batchSize = 5_000): AckRecorder {
  let published: AckedForecast[] = [];
  let removed: string[] = [];
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const flush = () => {
    if (published.length === 0 && removed.length === 0) return;
    const [p, r] = [published, removed];
    published = [];
    removed = [];
    chain = chain.then(() => write(db, p, r)).catch((err: unknown) => {
      failure ??= err;
    });
  };
  return {
    published(message) {
      published.push(message);
      if (published.length >= batchSize) flush();
    },
    removed(topic) {
      removed.push(topic);
      if (removed.length >= batchSize) flush();
    },
    async drain() {
      flush();
      await chain;
      if (failure) throw failure;
    },
  };
}
