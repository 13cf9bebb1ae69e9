import { desc } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { adminEvents, type AdminAction } from '@/lib/db/schema';

export interface AdminEventInput {
  action: AdminAction;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** Appends one entry to the admin audit trail. */
export async function recordAdminEvent(db: Db, event: AdminEventInput): Promise<void> {
  await db.insert(adminEvents).values({
    action: event.action,
    detail: event.detail ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
  });
}

/** The latest admin events, newest first. */
export async function listAdminEvents(db: Db, { limit = 20 }: { limit?: number } = {}) {
  return db
    .select({
      id: adminEvents.id,
      action: adminEvents.action,
      detail: adminEvents.detail,
      ip: adminEvents.ip,
      userAgent: adminEvents.userAgent,
      createdAt: adminEvents.createdAt,
    })
    .from(adminEvents)
    .orderBy(desc(adminEvents.id))
    .limit(limit);
}
export type AdminEventRow = Awaited<ReturnType<typeof listAdminEvents>>[number];
