import { NextResponse } from 'next/server';
import { z } from 'zod';
import { serverGoneError } from '@/lib/db/connection-lost';
import { AppError, type ErrorCode } from '@/lib/errors';
import { logger } from '@/lib/log';

/** The body of every API error: a stable machine code and a sentence for people. */
export interface ApiErrorBody {
  error: { code: ErrorCode | 'INTERNAL'; message: string };
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function describe(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Maps a thrown error to the API's JSON error: an unknown query parameter 400, other validation
 * failures 422, an AppError its own status, a database that is down or went away 503 (with
 * Retry-After), anything else a logged, generic 500 (never a driver's message). Errors are never cached.
 */
export function toErrorResponse(err: unknown): NextResponse<ApiErrorBody> {
  if (err instanceof z.ZodError) {
    const unknownKey = err.issues.some((issue) => issue.code === 'unrecognized_keys');
    const code = unknownKey ? 'BAD_REQUEST' : 'INVALID_INPUT';
    return NextResponse.json({ error: { code, message: describe(err) } }, { status: unknownKey ? 400 : 422, headers: NO_STORE });
  }
  if (err instanceof AppError) {
    return NextResponse.json({ error: { code: err.code, message: err.message } }, { status: err.status, headers: NO_STORE });
  }
  const gone = serverGoneError(err);
  if (gone) {
    logger.warn({ err: gone.message }, 'api: the database is not answering');
    return NextResponse.json(
      { error: { code: 'UNAVAILABLE', message: 'The database is not answering right now. Try again in a moment.' } },
      { status: 503, headers: { ...NO_STORE, 'Retry-After': '5' } },
    );
  }
  logger.error({ err: err instanceof Error ? err.message : String(err) }, 'api: request failed');
  return NextResponse.json(
    { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again in a moment.' } },
    { status: 500, headers: NO_STORE },
  );
}
