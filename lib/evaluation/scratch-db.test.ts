import { describe, expect, it } from 'vitest';
import { scratchUrl } from './scratch-db';

describe('scratchUrl', () => {
  it('gives each data set a scratch database of its own next to the main one', () => {
    const url = 'mysql://root@127.0.0.1:3306/songcast?charset=utf8mb4';
    expect(scratchUrl(url, 'billboard')).toBe('mysql://root@127.0.0.1:3306/songcast_eval_billboard?charset=utf8mb4');
    expect(scratchUrl(url, 'top50')).not.toBe(scratchUrl(url, 'billboard'));
  });
});
