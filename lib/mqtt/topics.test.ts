import { describe, expect, it } from 'vitest';
import { topicsFor, trackKey, validatePrefix } from './topics';

describe('topics', () => {
  const topics = topicsFor('songcast/v1');

  it('names a song by its Spotify id', () => {
    expect(topics.forecast({ id: 7, spotifyId: '4uLU6hMCjMI75M1A2tKUQC' })).toBe('songcast/v1/forecasts/4uLU6hMCjMI75M1A2tKUQC');
    expect(topics.audit({ id: 7, spotifyId: '4uLU6hMCjMI75M1A2tKUQC' })).toBe('songcast/v1/audits/4uLU6hMCjMI75M1A2tKUQC');
  });

  it('falls back to t<internal id> without a usable Spotify id', () => {
    expect(trackKey({ id: 42, spotifyId: null })).toBe('t42');
    expect(trackKey({ id: 42, spotifyId: '' })).toBe('t42');
    // A wildcard or level separator would break the topic tree.
    expect(trackKey({ id: 42, spotifyId: 'a/b' })).toBe('t42');
    expect(trackKey({ id: 42, spotifyId: 'a#' })).toBe('t42');
  });

  it('puts the summary beside the songs', () => {
    expect(topics.summary()).toBe('songcast/v1/forecasts/_summary');
    expect(topics.forecastsRoot).toBe('songcast/v1/forecasts/');
  });

  it('rejects prefixes MQTT cannot publish to', () => {
    expect(() => validatePrefix('songcast/#')).toThrow(/wildcards/);
    expect(() => validatePrefix('a/+/b')).toThrow(/wildcards/);
    expect(() => validatePrefix('/songcast')).toThrow(/leading or trailing/);
    expect(() => validatePrefix('songcast/')).toThrow(/leading or trailing/);
    expect(() => validatePrefix('')).toThrow();
    expect(() => validatePrefix('a'.repeat(201))).toThrow(/at most 200 characters/);
    expect(validatePrefix('test/run-1')).toBe('test/run-1');
  });
});
