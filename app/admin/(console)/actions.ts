'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { recordAdminAction } from '@/lib/auth/admin-trail';
import { logOut } from '@/lib/auth/login';
import { requireAdmin } from '@/lib/auth/require-admin';
import { getDb, type Db } from '@/lib/db/client';
import { MODEL_KINDS } from '@/lib/db/schema';
import { queueJobs } from '@/lib/jobs/queue';
import { promoteModel, rollbackModel, type RegistryChange } from '@/lib/models/registry-actions';

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

/** A registry change (promote/rollback) recorded in the admin trail. */
const registryAction = <S extends z.ZodType>(schema: S, what: 'promote' | 'rollback', change: (db: Db, input: z.infer<S>) => Promise<RegistryChange>) =>
  formAction(
    schema,
    async (input) => {
      const db = getDb();
      const result = await change(db, input);
      await recordAdminAction(db, what, { ...result });
      // The explorer's default view is kept rendered for a minute (lib/explorer/default-view.ts) and names
      // the forecast model and its status: every page, the console included, renders afresh on its next request.
      revalidatePath('/', 'layout');
      return result;
    },
    { admin: true },
  );

/** Makes a candidate model version active (the active one is retired). */
export const promoteModelAction = registryAction(z.object({ modelId: z.coerce.number().int().positive() }), 'promote', (db, { modelId }) =>
  promoteModel(db, modelId),
);

/** Goes back to the version of a kind that was active before the current one. */
export const rollbackModelAction = registryAction(z.object({ kind: z.enum(MODEL_KINDS) }), 'rollback', (db, { kind }) => rollbackModel(db, kind));

/** Ends the admin session. */
export async function logoutAction(): Promise<void> {
  await requireAdmin();
  await logOut(getDb());
  redirect('/admin/login');
}
