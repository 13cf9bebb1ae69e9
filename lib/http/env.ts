import { z } from 'zod';

/**
 * Settings of one outside API, read from process.env on first use (so jobs and
 * pages that never call that API never need them) and cached. A bad or missing
 * value fails with a readable list naming the variables.
 */
export function lazyEnv<S extends z.ZodType>(concern: string, schema: S): () => z.infer<S> {
  let value: z.infer<S> | undefined;
  return () => {
    if (value !== undefined) return value;
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) throw new Error(`${concern} settings are incomplete:\n${z.prettifyError(parsed.error)}`);
    value = parsed.data;
    return parsed.data;
  };
}
