import { describe, expect, it } from 'vitest';
import { majorityLabels, MIN_CLASS_SONGS, subsetDataset, toDataset } from './theme-data';
import { fourSeparated, THEME_SETS, themeSetOf } from './theme-sets';

const f = { danceability: 0.5, energy: 0.5, valence: 0.5, tempo: 120, loudness: -6, acousticness: 0.2, speechiness: 0.05, instrumentalness: 0 };
const rows = (label: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i, f: { ...f, tempo: from + i }, label }));

describe('theme sets', () => {
  it('label memberships by their own rules', () => {
    const m = (source: string, externalId: string, name: string, theme: string | null = null) => ({ source, externalId, name, theme });
    expect(THEME_SETS.occasions.label(m('spotify', 'x', 'Beast Mode'))).toBe('workout');
    expect(THEME_SETS.occasions.label(m('spotify', 'x', 'Anything', 'sleep'))).toBe('sleep');
    expect(THEME_SETS.editorial.label(m('spotify', '37i9dQZF1DWZeKCadgRdKQ', 'renamed'))).toBe('focus');
    expect(THEME_SETS.editorial.label(m('spotify', 'unknown', 'Beast Mode'))).toBeNull();
    expect(THEME_SETS.moods.label(m('mood', 'calm', 'Calm', 'calm'))).toBe('calm');
    expect(THEME_SETS.moods.label(m('spotify', 'calm', 'Calm', 'calm'))).toBeNull();
  });

  it('take the four most distinct classes present, and read older models’ label sources', () => {
    expect(fourSeparated(THEME_SETS.occasions, ['workout', 'party', 'focus', 'chill'])).toEqual(['workout', 'party', 'focus', 'chill']);
    expect(fourSeparated(THEME_SETS.occasions, ['chill', 'sleep', 'party', 'focus', 'workout'])).toEqual(['sleep', 'workout', 'party', 'focus']);
    expect(fourSeparated(THEME_SETS.moods, ['happy', 'sad'])).toEqual(['happy', 'sad']);
    expect(themeSetOf('playlists')).toBe(THEME_SETS.occasions);
    expect(themeSetOf('genres')).toBe(THEME_SETS.genres);
    expect(themeSetOf('sample-rule')).toBeNull();
  });
});

describe('majorityLabels', () => {
  it('takes each song’s commonest label and leaves out ties', () => {
    const { labels, ambiguous } = majorityLabels([
      { trackId: 1, label: 'party' }, { trackId: 1, label: 'party' }, { trackId: 1, label: 'chill' },
      { trackId: 2, label: 'party' }, { trackId: 2, label: 'chill' },
      { trackId: 3, label: null },
    ]);
    expect([...labels]).toEqual([[1, 'party']]);
    expect(ambiguous).toBe(1);
  });
});

describe('toDataset and subsetDataset', () => {
  it('drops classes with too few songs (saying so) and relabels a subset', () => {
    const data = toDataset([...rows('a', MIN_CLASS_SONGS), ...rows('b', MIN_CLASS_SONGS + 5, 100), ...rows('c', 3, 200)], ['a', 'b', 'c', 'd'], 'test', 0);
    expect(data.classes).toEqual(['a', 'b']);
    expect(data.dropped).toEqual({ c: 3, d: 0 });
    expect(data.labels).toHaveLength(2 * MIN_CLASS_SONGS + 5);
    const sub = subsetDataset(data, ['b']);
    expect(sub.classes).toEqual(['b']);
    expect([...new Set(sub.labels)]).toEqual([0]);
    expect(sub.trackIds[0]).toBe(100);
    // Features travel with their song: tempo was set to the song's id.
    expect(sub.x[3]).toBe(100);
  });
});
