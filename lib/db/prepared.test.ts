import { describe, expect, it } from 'vitest';
import type { Db } from './client';
import { preparedPerDb } from './prepared';

describe('preparedPerDb', () => {
  it('prepares once per database handle and hands back that query after', () => {
    const prepared: string[] = [];
    const query = preparedPerDb((db) => {
      const name = (db as unknown as { name: string }).name;
      prepared.push(name);
      return { name };
    });
    const [a, b] = [{ name: 'a' }, { name: 'b' }] as unknown as Db[];
    const first = query(a!);
    expect(query(a!)).toBe(first);
    expect(query(b!)).toEqual({ name: 'b' });
    expect(query(b!)).not.toBe(first);
    expect(prepared).toEqual(['a', 'b']);
  });
});
