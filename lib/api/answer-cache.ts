import { NextResponse } from 'next/server';

/** How long a process serves a repeated API answer from memory (ms). */
export const ANSWER_TTL_MS = 30_000;
/** Most answers held at once; the oldest goes first, so endless distinct query strings cannot grow it. */
export const MAX_ANSWERS = 500;

interface Held {
  expires: number;
  /** The first answer's body and headers, or null when it was not a 200 (errors are never reused). */
  answer: Promise<{ body: string; headers: [string, string][] } | null>;
}

/**
 * Repeats of an API answer within `ttlMs`, from memory. The data changes once a week (update → predict →
 * publish) and the answers already allow shared caches an hour (`s-maxage=3600`), so one process may
 * hold them for seconds: under load, 50 clients asking the same page cost one set of queries, not 50.
 * Requests that arrive while the first is still being answered wait for it rather than query too.
 */
export function createAnswerCache({ ttlMs = ANSWER_TTL_MS, max = MAX_ANSWERS, now = Date.now } = {}) {
  const held = new Map<string, Held>();
  return async function cachedAnswer(key: string, run: () => Promise<NextResponse>): Promise<NextResponse> {
    const hit = held.get(key);
    if (hit && hit.expires > now()) {
      const answer = await hit.answer;
      if (answer) return new NextResponse(answer.body, { headers: answer.headers });
      return run();
    }
    const response = run();
    held.delete(key); // re-inserted last: the Map's order is the eviction order
    held.set(key, {
      expires: now() + ttlMs,
      answer: response.then(
        async (r) => (r.status === 200 ? { body: await r.clone().text(), headers: [...r.headers] } : null),
        () => null,
      ),
    });
    if (held.size > max) held.delete(held.keys().next().value as string);
    return response;
  };
}
