import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Longest query string the API reads (characters); longer requests are refused before parsing. */
const MAX_QUERY_LENGTH = 2_048;

/**
 * Parses a request's query string with a strict object schema: an unknown or repeated parameter is a
 * 400, a bad value a 422 (see toErrorResponse). Throws; the caller's `answer` maps the error.
 */
export function parseQuery<S extends z.ZodObject>(url: URL, schema: S): z.infer<S> {
  if (url.search.length > MAX_QUERY_LENGTH) throw new AppError('BAD_REQUEST', `The query string is longer than ${MAX_QUERY_LENGTH} characters.`);
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in values) throw new AppError('BAD_REQUEST', `Parameter "${key.slice(0, 40)}" is given more than once.`);
    values[key] = value;
  }
  return schema.strict().parse(values) as z.infer<S>;
}

/** Parses a path segment (e.g. a song id); a malformed one is a 404, like a page's. */
export function parsePathParam<S extends z.ZodType>(value: string, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('NOT_FOUND', `No ${what} "${value.slice(0, 64)}".`);
  return parsed.data;
}
