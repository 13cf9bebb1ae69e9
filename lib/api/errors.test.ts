import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { toErrorResponse } from './errors';

const body = async (response: Response) => ({ status: response.status, cache: response.headers.get('cache-control'), ...(await response.json()) });

describe('toErrorResponse', () => {
  it('answers 400 for unknown parameters and 422 for bad values, naming the field', async () => {
    const schema = z.strictObject({ limit: z.number().max(200) });
    expect(await body(toErrorResponse(schema.safeParse({ limit: 1, page: 2 }).error))).toMatchObject({
      status: 400, cache: 'no-store', error: { code: 'BAD_REQUEST', message: expect.stringContaining('page') },
    });
    expect(await body(toErrorResponse(schema.safeParse({ limit: 500 }).error))).toMatchObject({
      status: 422, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^limit: /) },
    });
  });

  it('keeps an AppError’s code and status', async () => {
    expect(await body(toErrorResponse(new AppError('NOT_FOUND', 'No song 9.')))).toMatchObject({ status: 404, error: { code: 'NOT_FOUND', message: 'No song 9.' } });
  });

  it('answers 503 with Retry-After when the database is down, through Drizzle’s wrapping', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true });
    const response = toErrorResponse(new Error('Failed query: select 1\nparams: ', { cause: refused }));
    expect(response.headers.get('retry-after')).toBe('5');
    const answer = await body(response);
    expect(answer).toMatchObject({ status: 503, cache: 'no-store', error: { code: 'UNAVAILABLE', message: expect.stringMatching(/database is not answering/) } });
    expect(JSON.stringify(answer)).not.toMatch(/ECONNREFUSED|3306|select/);
  });

  it('never shows an unexpected error’s message, which may hold a driver’s text or a secret', async () => {
    const leaked = new Error("Access denied for user 'songcast'@'db' (using password: s3cret-pw)");
    const answer = await body(toErrorResponse(leaked));
    expect(answer).toMatchObject({ status: 500, cache: 'no-store', error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toMatch(/s3cret|Access denied/);
  });
});
