import { NextResponse } from 'next/server';
import { toErrorResponse } from './errors';

/**
 * Data changes once a week (update → predict → publish), so shared caches may keep an answer for an
 * hour and serve it stale for a day while they refetch in the background.
 */
export const API_CACHE_CONTROL = 'public, s-maxage=3600, stale-while-revalidate=86400';

/** A cacheable JSON answer. */
export function jsonOk(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { 'Cache-Control': API_CACHE_CONTROL } });
}

/** Runs a handler and turns whatever it throws into the API's JSON error. */
export async function answer(run: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await run();
  } catch (err) {
    return toErrorResponse(err);
  }
}
