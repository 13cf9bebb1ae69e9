import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracks } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { inShard, shardCondition } from './shard';

let t: TestDb;
// Gapped ids, as a distributed database may hand them out.
const ids = [...Array(120).keys()].map((i) => (i % 3) * 30_000 + Math.floor(i / 3) + 1);

beforeAll(async () => {
  t = await createTestDb('shard');
  await t.db.insert(tracks).values(ids.map((id) => ({ id, matchKey: `k${id}`, title: `Song ${id}`, artistNames: 'Someone' })));
});
afterAll(async () => t?.drop());

describe('shardCondition on the database', () => {
  it('selects the tracks inShard picks, and the shards together select each track once', async () => {
    const count = 3;
    const seen: number[] = [];
    for (let index = 0; index < count; index++) {
      const rows = await t.db.select({ id: tracks.id }).from(tracks).where(shardCondition({ index, count }, tracks.id));
      const got = rows.map((r) => r.id).sort((a, b) => a - b);
      expect(got).toEqual(ids.filter((id) => inShard({ index, count }, id)).sort((a, b) => a - b));
      seen.push(...got);
    }
    expect(seen.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });
});
