import { index, int, mysqlEnum, mysqlTable, timestamp, varchar } from 'drizzle-orm/mysql-core';
import { json } from './columns';

export const ADMIN_ACTIONS = ['login_ok', 'login_failed', 'login_limited', 'logout', 'queue', 'promote', 'rollback'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** Audit trail of the admin console: what was done, when and from where. Append-only. */
export const adminEvents = mysqlTable(
  'admin_events',
  {
    id: int('id').autoincrement().primaryKey(),
    action: mysqlEnum('action', ADMIN_ACTIONS).notNull(),
    /** What it touched: job kind and run ids, model id and version, … */
    detail: json<Record<string, unknown>>('detail'),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 512 }),
    createdAt: timestamp('created_at', { mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('admin_events_created_idx').on(t.createdAt)],
);
export type AdminEvent = typeof adminEvents.$inferSelect;
export type NewAdminEvent = typeof adminEvents.$inferInsert;
