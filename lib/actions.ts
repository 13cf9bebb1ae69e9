import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/require-admin';
import { publicMessage } from '@/lib/errors';
import { logger } from '@/lib/log';

/** What a form's server action returns to `useActionState`. */
export type ActionState<T> =
  | null
  | { ok: true; data: T }
  | { ok: false; error: string; fields?: Record<string, string[] | undefined> };

/**
 * Wraps a server action for `useActionState`: checks the admin session first when
 * `admin` is set (redirecting to the login page otherwise), validates the form with
 * `schema` and turns failures into a message that is safe to show. Redirects and
 * other Next control-flow errors pass through.
 */
export const formAction =
  <S extends z.ZodType, T>(schema: S, run: (input: z.infer<S>) => Promise<T>, { admin = false } = {}) =>
  async (_prev: ActionState<T>, form: FormData): Promise<ActionState<T>> => {
    if (admin) await requireAdmin();
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      return { ok: false, error: 'Check the highlighted fields.', fields: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined> };
    }
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (err) {
      unstable_rethrow(err);
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'server action failed');
      return { ok: false, error: publicMessage(err) };
    }
  };
