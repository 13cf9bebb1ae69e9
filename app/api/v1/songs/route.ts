/**
 * GET /api/v1/songs?q=&limit=&cursor=: songs in id order, those whose title or artists contain `q` when
 * given, one keyset page at a time. Trigger: API clients. Cacheable for an hour (data changes weekly).
 */
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { songsParamsSchema } from '@/lib/api/params';
import { parseQuery } from '@/lib/api/query';
import { answer, jsonOk } from '@/lib/api/respond';
import { getDb } from '@/lib/db/client';
import { listSongsAfter } from '@/lib/queries/api-lists';

const positionSchema = z.strictObject({ id: z.number().int().nonnegative() });

export function GET(request: Request) {
  return answer(async () => {
    const { q, limit, cursor } = parseQuery(new URL(request.url), songsParamsSchema);
    const afterId = cursor ? decodeCursor(cursor, positionSchema).id : 0;
    // One row more than the page tells whether another page follows.
    const rows = await listSongsAfter(getDb(), { q, afterId, limit: limit + 1 });
    const data = rows.slice(0, limit);
    const last = data.at(-1);
    return jsonOk({ data, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null });
  });
}
