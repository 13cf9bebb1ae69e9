import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listQueueOptions } from './queue';
import { defineJob, type JobDefinition } from './types';

const job = (name: string, input: z.ZodType = z.object({}).strict(), options: JobDefinition['options'] = {}) =>
  defineJob({ name, summary: name, help: name, options, input, run: async () => undefined }) as JobDefinition;

const byId = (reg: Record<string, JobDefinition>) => Object.fromEntries(listQueueOptions(reg).map((o) => [o.id, o]));

describe('listQueueOptions', () => {
  it('shows every button, disabled with the reason when its job does not exist yet', () => {
    const options = byId({ audit: job('audit') });
    expect(Object.keys(options)).toEqual(['update', 'predict-publish', 'train-forecast', 'audit']);
    expect(options.audit?.unavailable).toBeNull();
    expect(options.update?.unavailable).toMatch(/no "update" job/);
    expect(options['predict-publish']?.unavailable).toMatch(/no "predict" job/);
    expect(options['train-forecast']?.unavailable).toMatch(/no "train" job/);
  });

  it('chains predict then publish', () => {
    const options = byId({ predict: job('predict'), publish: job('publish') });
    expect(options['predict-publish']).toMatchObject({ unavailable: null, steps: [{ kind: 'predict' }, { kind: 'publish' }] });
  });

  it('offers one train button per model kind the train job accepts through --kind', () => {
    const train = job('train', z.object({ kind: z.enum(['forecast', 'theme']).default('forecast') }).strict(), {
      kind: { type: 'string', description: 'model kind' },
    });
    const options = byId({ train });
    expect(options['train-forecast']).toMatchObject({ unavailable: null, steps: [{ kind: 'train', args: { kind: 'forecast' } }] });
    expect(options['train-theme']).toMatchObject({ unavailable: null, steps: [{ kind: 'train', args: { kind: 'theme' } }] });
    expect(options['train-attributes']).toBeUndefined();
  });

  it('prefers a dedicated train-<kind> job', () => {
    const options = byId({ train: job('train'), 'train-attributes': job('train-attributes') });
    expect(options['train-forecast']?.steps).toEqual([{ kind: 'train', args: {} }]);
    expect(options['train-attributes']).toMatchObject({ unavailable: null, steps: [{ kind: 'train-attributes', args: {} }] });
  });
});
