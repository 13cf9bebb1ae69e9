import 'server-only';
import type { Db } from '@/lib/db/client';
import type { AdminAction } from '@/lib/db/schema';
import { recordAdminEvent } from '@/lib/queries/admin-events';
import { requestInfo } from './request-info';

/** Records an admin action with the address and browser of the current request. */
export async function recordAdminAction(db: Db, action: AdminAction, detail: Record<string, unknown> | null = null): Promise<void> {
  const { ip, userAgent } = await requestInfo();
  await recordAdminEvent(db, { action, detail, ip, userAgent });
}
