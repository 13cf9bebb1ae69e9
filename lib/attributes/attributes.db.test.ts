import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artists, chartEntries, charts, popularitySnapshots, tracks } from '@/lib/db/schema';
import { getActiveVersions } from '@/lib/models/active-versions';
import { getSong } from '@/lib/queries/songs';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { loadAttributesExamples, TARGET_DOC } from './attributes-data';
import { getActiveAttributes, loadAttributesModel, storeAttributesModel } from './attributes-registry';
import { songWhatIf } from './song-what-if';
import { trainAttributes } from './train-attributes';
import { answerWhatIf, whatIfSchema } from './what-if';

let t: TestDb;

// 200 songs whose peak chart score follows danceability (plus a little noise); song 201 lacks features, 202 never charted.
beforeAll(async () => {
  t = await createTestDb('attrs');
  await t.db.insert(artists).values({ id: 1, nameKey: 'a', name: 'A', popularity: 70 });
  const song = (id: number) => {
    const d = ((id * 37) % 100) / 100;
    const month = String((id % 12) + 1).padStart(2, '0');
    return {
      id, title: `S${id}`, artistNames: 'A', matchKey: `k${id}`, primaryArtistId: 1, genre: id % 2 ? 'pop' : 'rock', explicit: false,
      releaseDate: `${2020 + Math.floor(id / 50)}-${month}-01`, durationMs: 200_000, key: id % 12, mode: id % 2,
      danceability: d, energy: 0.6, valence: 0.5, tempo: 120, loudness: -6, acousticness: 0.2, speechiness: 0.05, instrumentalness: 0, liveness: 0.1,
    };
  };
  await t.db.insert(tracks).values([...Array.from({ length: 200 }, (_, i) => song(i + 1)), { id: 201, title: 'x', artistNames: 'A', matchKey: 'x', releaseDate: '2021-01-01' }, song(202)]);
  // Peak score 101 − rank on a 100-place chart: each song's one week, on a day of its own.
  await t.db.insert(charts).values({ id: 1, slug: 'chart-a', name: 'A', source: 'test', country: 'us', frequency: 'daily', size: 100 });
  await t.db.insert(chartEntries).values(
    Array.from({ length: 201 }, (_, i) => i + 1).map((id) => ({
      chartId: 1, chartDate: new Date(Date.UTC(2024, 0, id)).toISOString().slice(0, 10), trackId: id,
      rank: 101 - Math.round(10 + 80 * (((id * 37) % 100) / 100) + ((id * 13) % 7)),
    })),
  );
  // Spotify's own popularity, where known, is the target instead.
  await t.db.insert(popularitySnapshots).values({ trackId: 200, observedOn: '2024-01-04', source: 'spotify', popularity: 3 });
});
afterAll(async () => t?.drop());

describe('what-if model', () => {
  it('loads songs with every attribute and a known popularity only', async () => {
    const rows = await loadAttributesExamples(t.db);
    expect(rows).toHaveLength(200);
    // Song 7 scored 10 + 80·0.59 = 57.2 → rank 44 → its peak chart score is 57.
    expect(rows.find((r) => r.trackId === 7)?.popularity).toBe(57);
    expect(rows.find((r) => r.trackId === 200)?.popularity).toBe(3);
    // Song 1 came out 2020-02-01; the same artist released songs 12, 24, 36 and 48 in January 2020.
    const first = rows.find((r) => r.trackId === 1)!;
    expect(first).toMatchObject({ attributes: { artistPriorSongs: 4, durationSec: 200, releaseMonth: 2 } });
    const earlier = rows.filter((r) => [12, 24, 36, 48].includes(r.trackId));
    expect(first.attributes.artistPriorMean).toBeCloseTo(earlier.reduce((s, r) => s + r.popularity, 0) / 4, 4);
  });

  it('beats the mean on later releases, stores, reloads and answers with sensitivity curves', async () => {
    const training = await trainAttributes(await loadAttributesExamples(t.db), { epochs: 60, seed: 1, target: TARGET_DOC });
    expect(training.testRows).toBeGreaterThan(10);
    expect(training.metrics.r2).toBeGreaterThan(0.5);
    expect(training.metrics.r2).toBeGreaterThan(training.baselines.mean.r2);
    const stored = await storeAttributesModel(t.db, training);
    expect(stored.promoted).toBe(true);
    const active = await getActiveAttributes(t.db);
    expect(active).toMatchObject({ version: 1, genres: ['pop', 'rock'] });
    expect(active?.typical.danceability?.[0]).toBeLessThan(active?.typical.danceability?.[1] ?? 0);
    await loadAttributesModel(t.db, stored.id);
    const base = { danceability: '0.2', energy: '0.6', valence: '0.5', tempo: '120', loudness: '-6', acousticness: '0.2', speechiness: '0.05', instrumentalness: '0', liveness: '0.1', durationSec: '200', key: '0', mode: '1', genre: 'pop', releaseMonth: '5' };
    const low = await answerWhatIf(t.db, whatIfSchema.parse(base));
    const high = await answerWhatIf(t.db, whatIfSchema.parse({ ...base, danceability: '0.9' }));
    expect(high.popularity).toBeGreaterThan(low.popularity + 20);
    expect(low.p10).toBeLessThanOrEqual(low.popularity);
    expect(low.p90).toBeGreaterThanOrEqual(low.popularity);
    const curve = low.sensitivity.find((s) => s.attribute === 'danceability');
    expect(curve?.points).toHaveLength(11);
    expect(curve!.points.at(-1)!.popularity).toBeGreaterThan(curve!.points[0]!.popularity);

    // A stored song: its prediction, and a /what-if link whose answer is the same.
    const activeVersion = (await getActiveVersions(t.db, ['attributes'])).get('attributes');
    const stored1 = await getSong(t.db, 1);
    const song = await songWhatIf(t.db, stored1!, activeVersion);
    if (song.state !== 'ok') throw new Error(`expected a prediction, got ${song.state}`);
    expect(song.modelVersion).toBe(1);
    const linked = await answerWhatIf(t.db, whatIfSchema.parse(Object.fromEntries(new URLSearchParams(song.query))));
    expect(linked.popularity).toBeCloseTo(song.prediction.popularity, 3);
    expect(await songWhatIf(t.db, (await getSong(t.db, 201))!, activeVersion)).toEqual({ state: 'missing', missing: ['danceability', 'energy', 'valence', 'tempo', 'loudness', 'acousticness', 'speechiness', 'instrumentalness', 'liveness', 'durationMs', 'key', 'mode'] });
  });
});
