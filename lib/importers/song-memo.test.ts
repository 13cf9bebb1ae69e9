import { describe, expect, it } from 'vitest';
import { BadLine } from './fields';
import { SongMemo } from './song-memo';

const read = (fields: string[]) => {
  if (!fields[1]) throw new BadLine('title is empty');
  return { title: fields[1], artists: [{ name: fields[2]! }] };
};

describe('SongMemo', () => {
  it('gives one object per song, told apart by the key columns only', () => {
    const memo = new SongMemo([1, 2, -1], true, read);
    const a = memo.get(['1', 'Song', 'Artist']);
    expect(memo.get(['2', 'Song', 'Artist'])).toBe(a);
    expect(memo.get(['1', 'Song', 'Other'])).not.toBe(a);
    expect(memo.get(['1', 'Song', 'Other'])).toEqual({ title: 'Song', artists: [{ name: 'Other' }] });
  });

  it('does not mistake shifted fields for the same song', () => {
    const memo = new SongMemo([1, 2], true, read);
    expect(memo.get(['', 'ab', 'c'])).not.toBe(memo.get(['', 'a', 'bc']));
  });

  it('reads every line when off, and never remembers a bad line', () => {
    const off = new SongMemo([1, 2], false, read);
    expect(off.get(['', 'Song', 'A'])).not.toBe(off.get(['', 'Song', 'A']));
    const memo = new SongMemo([1, 2], true, read);
    expect(() => memo.get(['', '', 'A'])).toThrow(BadLine);
    expect(() => memo.get(['', '', 'A'])).toThrow(BadLine);
  });
});
