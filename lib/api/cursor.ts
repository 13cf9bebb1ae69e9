import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Longest cursor accepted (characters): ours are far shorter. */
const MAX_CURSOR_LENGTH = 512;

/** An opaque page cursor: base64url of the JSON keyset position. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Reads a cursor made by encodeCursor back into its position; anything else is a 422. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> {
  const invalid = new AppError('INVALID_INPUT', 'cursor: not a cursor this API gave out (use nextCursor from the previous page).');
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid;
  return parsed.data;
}

/** Page size of every list: 50 unless `limit` says otherwise, 1–200, written as plain digits. */
export const limitParam = z
  .string()
  .regex(/^\d{1,9}$/, 'a whole number from 1 to 200')
  .transform(Number)
  .pipe(z.number().int().min(1).max(200))
  .default(50);

/** The `cursor` query parameter (decoded by each endpoint with its own position schema). */
export const cursorParam = z.string().min(1).max(MAX_CURSOR_LENGTH).optional();
