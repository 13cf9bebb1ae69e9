/**
 * GET /api/health: is the database reachable (SELECT 1) and does the MQTT broker answer?
 * Trigger: load balancers, compose/Kubernetes probes, Playwright's webServer. 200 while the
 * database is up (status "degraded" when only the broker is down: pages still work), else 503.
 */
import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { mqttEnv } from '@/lib/env';
import { logger } from '@/lib/log';
import { brokerAnswers } from '@/lib/mqtt/embedded-broker';

/** A probe must answer fast: a dead dependency counts as down after this long (ms). */
const CHECK_TIMEOUT_MS = 1_500;

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([work, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS).unref())]);
}

async function databaseUp(): Promise<boolean> {
  try {
    await getDb().execute(sql`SELECT 1`);
    return true;
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'health: database check failed');
    return false;
  }
}

export async function GET() {
  const [db, broker] = await Promise.all([
    withTimeout(databaseUp(), false),
    withTimeout(brokerAnswers(mqttEnv().MQTT_URL, CHECK_TIMEOUT_MS), false),
  ]);
  const status = !db ? 'down' : broker ? 'ok' : 'degraded';
  return NextResponse.json(
    { status, db: db ? 'up' : 'down', broker: broker ? 'up' : 'down' },
    { status: db ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
