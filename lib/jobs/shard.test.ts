import { MySqlDialect } from 'drizzle-orm/mysql-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tracks } from '@/lib/db/schema';
import { inShard, MAX_SHARDS, shardCondition, shardLabel, shardSchema } from './shard';

describe('shardSchema', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['3/4', { index: 3, count: 4 }],
    [' 1/2 ', { index: 1, count: 2 }],
    [`${MAX_SHARDS - 1}/${MAX_SHARDS}`, { index: MAX_SHARDS - 1, count: MAX_SHARDS }],
  ])('reads %j', (text, shard) => {
    expect(shardSchema.parse(text)).toEqual(shard);
  });

  it.each([
    ['4/4', 'i must be 0 to 3'],
    ['1/0', 'n must be 1 to'],
    [`0/${MAX_SHARDS + 1}`, 'n must be 1 to'],
    ['-1/2', 'takes i/n'],
    ['1', 'takes i/n'],
    ['1/2/3', 'takes i/n'],
    ['a/b', 'takes i/n'],
    ['', 'takes i/n'],
  ])('refuses %j with a message that says why', (text, why) => {
    const result = shardSchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain(why);
  });

  it('works as an optional job input', () => {
    const input = z.object({ shard: shardSchema.optional() }).strict();
    expect(input.parse({})).toEqual({});
    expect(input.parse({ shard: '1/3' })).toEqual({ shard: { index: 1, count: 3 } });
  });
});

describe('inShard', () => {
  it('puts every track in exactly one of n shards, about evenly, whatever the id gaps', () => {
    // Ids in per-server batches, as TiDB hands them out: three servers, 30,000 apart.
    const ids = [...Array(300).keys()].map((i) => (i % 3) * 30_000 + Math.floor(i / 3) + 1);
    const count = 4;
    const sizes = Array.from({ length: count }, (_, index) => ids.filter((id) => inShard({ index, count }, id)).length);
    for (const id of ids) {
      expect(Array.from({ length: count }, (_, index) => inShard({ index, count }, id)).filter(Boolean)).toHaveLength(1);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(70);
  });

  it('takes every track when no shard is given', () => {
    expect(inShard(null, 7)).toBe(true);
    expect(inShard(undefined, 8)).toBe(true);
  });

  it('refuses an id that is not a whole number', () => {
    expect(() => inShard({ index: 0, count: 2 }, 1.5)).toThrow(RangeError);
  });
});

describe('shardCondition', () => {
  const dialect = new MySqlDialect();

  it('is track_id % n = i as SQL', () => {
    const query = dialect.sqlToQuery(shardCondition({ index: 2, count: 5 }, tracks.id)!);
    expect(query.sql).toBe('`tracks`.`id` % ? = ?');
    expect(query.params).toEqual([5, 2]);
  });

  it('is no condition for no shard or a single one', () => {
    expect(shardCondition(null, tracks.id)).toBeUndefined();
    expect(shardCondition({ index: 0, count: 1 }, tracks.id)).toBeUndefined();
  });

  it('labels a shard as i/n', () => {
    expect(shardLabel({ index: 2, count: 4 })).toBe('2/4');
  });
});
