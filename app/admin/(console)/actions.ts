'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { recordAdminAction } from '@/lib/auth/admin-trail';
import { logOut } from '@/lib/auth/login';
import { requireAdmin } from '@/lib/auth/require-admin';
import { getDb } from '@/lib/db/client';
import { MODEL_KINDS } from '@/lib/db/schema';
import { queueJobs } from '@/lib/jobs/queue';
import { promoteModel, rollbackModel } from '@/lib/models/registry-actions';

/** Queues a job (or a chain) and starts it in a separate process. */
export const queueJobAction = formAction(
  z.object({ option: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/) }),
  async ({ option }) => {
    const db = getDb();
    const { runIds } = await queueJobs(db, option);
    await recordAdminAction(db, 'queue', { option, runIds });
    revalidatePath('/admin');
    return { runIds };
  },
  { admin: true },
);

/** Makes a candidate model version active (the active one is retired). */
export const promoteModelAction = formAction(
  z.object({ modelId: z.coerce.number().int().positive() }),
  async ({ modelId }) => {
    const db = getDb();
    const change = await promoteModel(db, modelId);
    await recordAdminAction(db, 'promote', { ...change });
    revalidatePath('/admin');
    return change;
  },
  { admin: true },
);

/** Goes back to the version of a kind that was active before the current one. */
export const rollbackModelAction = formAction(
  z.object({ kind: z.enum(MODEL_KINDS) }),
  async ({ kind }) => {
    const db = getDb();
    const change = await rollbackModel(db, kind);
    await recordAdminAction(db, 'rollback', { ...change });
    revalidatePath('/admin');
    return change;
  },
  { admin: true },
);

/** Ends the admin session. */
export async function logoutAction(): Promise<void> {
  await requireAdmin();
  await logOut(getDb());
  redirect('/admin/login');
}
