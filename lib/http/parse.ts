import { z } from 'zod';
import { MalformedResponseError } from './errors';

/** Validates an outside API's JSON against its schema; a mismatch names the URL and the fields. */
export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, url: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new MalformedResponseError(url, `unexpected shape:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
