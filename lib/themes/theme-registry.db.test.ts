import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playlists, playlistTracks, tracks } from '@/lib/db/schema';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { classifyThemes } from './classify';
import { loadThemeDataset } from './theme-data';
import { getActiveTheme, loadThemeModel, storeThemeModel } from './theme-registry';
import { predictThemes } from './theme-model';
import { trainThemes } from './train-themes';

let t: TestDb;

// Two well-separated kinds of song: loud fast ones on a workout playlist, quiet slow ones on a sleep playlist.
const loud = { danceability: 0.6, energy: 0.92, valence: 0.5, tempo: 160, loudness: -4, acousticness: 0.05, speechiness: 0.06, instrumentalness: 0 };
const quiet = { danceability: 0.3, energy: 0.15, valence: 0.3, tempo: 70, loudness: -18, acousticness: 0.85, speechiness: 0.04, instrumentalness: 0.3 };

beforeAll(async () => {
  t = await createTestDb('themes');
  const jitter = (i: number) => ((i * 37) % 11) / 100;
  await t.db.insert(tracks).values(
    Array.from({ length: 50 }, (_, i) => {
      const base = i < 25 ? loud : quiet;
      return { id: i + 1, title: `S${i}`, artistNames: 'A', matchKey: `k${i}`, ...base, energy: base.energy - jitter(i), tempo: base.tempo + 10 * jitter(i) };
    }),
  );
  // Song 51 has no features: left out. Song 50 is on both playlists once: ambiguous.
  await t.db.insert(tracks).values({ id: 51, title: 'No features', artistNames: 'A', matchKey: 'k51' });
  await t.db.insert(playlists).values([
    { id: 1, externalId: 'p1', source: 'test', name: 'Beast Mode Gym' },
    { id: 2, externalId: 'p2', source: 'test', name: 'Anything', theme: 'sleep' },
  ]);
  await t.db.insert(playlistTracks).values([
    ...Array.from({ length: 25 }, (_, i) => ({ playlistId: 1, trackId: i + 1 })),
    ...Array.from({ length: 25 }, (_, i) => ({ playlistId: 2, trackId: i + 26 })),
    { playlistId: 1, trackId: 50 },
    { playlistId: 2, trackId: 51 },
  ]);
});
afterAll(async () => t?.drop());

describe('theme model', () => {
  it('labels songs by their playlists’ names or themes, leaving out ties and songs without features', async () => {
    const data = await loadThemeDataset(t.db);
    expect(data.labelSource).toBe('occasions');
    expect(data.ambiguous).toBe(1);
    expect(data.trackIds).toHaveLength(49);
    expect(data.classes).toEqual(['workout', 'sleep']);
    expect(data.dropped).toEqual({ party: 0, focus: 0, chill: 0 });
  });

  it('cross-validates, stores, promotes and reloads a model that predicts the same', async () => {
    const data = await loadThemeDataset(t.db);
    const training = await trainThemes(data, { folds: 3, epochs: 30, hidden: 8, seed: 1 });
    expect(training.cv.accuracy).toBeGreaterThan(0.9);
    expect(training.cv.confusion.flat().reduce((a, b) => a + b, 0)).toBe(49);
    const stored = await storeThemeModel(t.db, training, 3);
    expect(stored).toMatchObject({ version: 1, promoted: true });
    const active = await getActiveTheme(t.db);
    expect(active).toMatchObject({ id: stored.id, version: 1, metrics: { folds: 3, labelSource: 'occasions' } });
    const reloaded = await loadThemeModel(t.db, stored.id);
    const x = data.x.subarray(0, 8);
    expect(Array.from(await predictThemes(reloaded, x, 1))).toEqual(Array.from(await predictThemes(training.model, x, 1)));
    const mix = await classifyThemes(t.db, quiet);
    expect(mix.occasions[0]?.occasion).toBe('sleep');
    expect(mix.occasions.reduce((s, o) => s + o.p, 0)).toBeCloseTo(1);
  });
});
