import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { themeFeaturesSchema } from './classify';
import { occasionOfPlaylist, sampleOccasion } from './occasions';

const typical = { danceability: '0.7', energy: '0.6', valence: '0.5', tempo: '120', loudness: '-6', acousticness: '0.2', speechiness: '0.08', instrumentalness: '0' };

describe('themeFeaturesSchema', () => {
  it('reads form strings as numbers', () => {
    expect(themeFeaturesSchema.parse(typical)).toMatchObject({ danceability: 0.7, tempo: 120, loudness: -6 });
  });

  it('names each bad field: missing, not a number, out of range', () => {
    const r = themeFeaturesSchema.safeParse({ ...typical, energy: '', tempo: 'fast', valence: '1.5', loudness: undefined });
    expect(r.success).toBe(false);
    const fields = z.flattenError(r.error!).fieldErrors as Record<string, string[]>;
    expect(fields.energy).toEqual(['Energy is required']);
    expect(fields.tempo).toEqual(['Tempo (BPM) must be a number']);
    expect(fields.valence).toEqual(['Valence (happiness) must be between 0 and 1']);
    expect(fields.loudness).toEqual(['Loudness (dB) is required']);
    expect(fields.danceability).toBeUndefined();
  });
});

describe('occasionOfPlaylist', () => {
  it('maps playlist names to occasions, the more specific use first', () => {
    expect(occasionOfPlaylist('Beast Mode')).toBe('workout');
    expect(occasionOfPlaylist('Deep Focus')).toBe('focus');
    expect(occasionOfPlaylist('Sleepy Chill')).toBe('sleep');
    expect(occasionOfPlaylist('Yoga & Meditation')).toBe('sleep');
    expect(occasionOfPlaylist('Chill Lofi Study Beats')).toBe('focus');
    expect(occasionOfPlaylist('Lofi Hip Hop')).toBe('focus');
    expect(occasionOfPlaylist('Friday Night Party')).toBe('party');
    expect(occasionOfPlaylist('Chill Vibes')).toBe('chill');
    expect(occasionOfPlaylist('Today’s Top Hits')).toBeNull();
  });
});

describe('sampleOccasion', () => {
  it('files clear-cut sounds under the occasion they suggest', () => {
    const f = { danceability: 0.68, energy: 0.65, valence: 0.5, tempo: 118, loudness: -6.3, acousticness: 0.2, speechiness: 0.09, instrumentalness: 0.01 };
    expect(sampleOccasion({ ...f, energy: 0.95, tempo: 170 })).toBe('workout');
    expect(sampleOccasion({ ...f, danceability: 0.9, valence: 0.9 })).toBe('party');
    expect(sampleOccasion({ ...f, instrumentalness: 0.4, speechiness: 0.03 })).toBe('focus');
    expect(sampleOccasion({ ...f, acousticness: 0.7, energy: 0.55 })).toBe('chill');
    expect(sampleOccasion({ ...f, energy: 0.25, loudness: -14, tempo: 80 })).toBe('sleep');
  });
});
