import { describe, expect, it } from 'vitest';
import { evaluateInput } from './evaluate';

// dataDir '.' exists, so only the options under test decide.
const parse = (o: Record<string, unknown>) => evaluateInput.safeParse({ dataDir: '.', ...o });

describe('evaluate options', () => {
  it('scores the issue split unless --split streaming asks for the streaming-era one', () => {
    expect(parse({}).data?.split).toBe('issue');
    expect(parse({ dataset: 'billboard', split: 'streaming' }).data?.split).toBe('streaming');
  });

  it('refuses the streaming-era split for Top 50, for all data sets and with --rolling, saying why', () => {
    for (const o of [{ split: 'streaming' }, { dataset: 'top50', split: 'streaming' }, { dataset: 'billboard', split: 'streaming', rolling: '2016' }]) {
      const result = parse(o);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain('--split streaming is a Billboard split of its own: give --dataset billboard, without --rolling');
    }
    expect(parse({ dataset: 'billboard', split: 'later' }).success).toBe(false);
  });
});
