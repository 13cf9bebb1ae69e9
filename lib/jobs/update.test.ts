import { describe, expect, it } from 'vitest';
import { updateJob } from './update';

describe('update input', () => {
  it('defaults to the sample source and today, and reads the CLI names', () => {
    const input = updateJob.input.parse({ 'as-of': '2026-11-26', limit: '3', 'skip-to': 'charts' });
    expect(input).toEqual({ sources: ['sample'], asOf: '2026-11-26', limit: 3, skipTo: 'charts' });
    expect(updateJob.input.parse({}).asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses unknown sources, unknown phases and bad dates with a clear message', () => {
    const sources = updateJob.input.safeParse({ sources: 'sample,nope' });
    expect(sources.success).toBe(false);
    expect(sources.error?.issues[0]?.message).toMatch(/unknown source\(s\) "nope"; known: sample/);
    const phase = updateJob.input.safeParse({ 'skip-to': 'later' });
    expect(phase.error?.issues[0]?.message).toMatch(/source "sample" has no phase "later"; its phases: artists, charts/);
    expect(updateJob.input.safeParse({ 'as-of': '2026-13-01' }).success).toBe(false);
    expect(updateJob.input.safeParse({ limit: '0' }).success).toBe(false);
  });

  it('lists the sources and their phases in its help', () => {
    expect(updateJob.help).toMatch(/sample: .*\(phases: artists, charts\)/);
  });
});
