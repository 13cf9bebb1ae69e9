import { beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '@/lib/tracks/match-key';
import { christmasWeight } from './trajectory';
import { generateSample, SAMPLE_CHARTS, sampleOptionsSchema, type SampleData } from './generate';

/** Share of the songs on a chart in week t that are on it again in week t + h, averaged over t. */
function survival(data: SampleData, slug: string, h: number): number {
  const sets = data.chartWeeks.filter((w) => w.chart.slug === slug).map((w) => new Set(w.entries.map((e) => e.song)));
  let sum = 0;
  for (let t = 0; t + h < sets.length; t++) sum += [...sets[t]!].filter((s) => sets[t + h]!.has(s)).length / sets[t]!.size;
  return sum / (sets.length - h);
}

let data: SampleData;
beforeAll(() => {
  data = generateSample();
});

describe('generateSample determinism', () => {
  const small = { seed: 5, weeks: 20, songs: 600 };
  it('gives identical output for the same seed', () => {
    expect(generateSample(small)).toEqual(generateSample(small));
  });
  it('gives different songs and charts for another seed', () => {
    const a = generateSample(small);
    const b = generateSample({ ...small, seed: 6 });
    expect(b.songs.map((s) => s.spotifyId)).not.toEqual(a.songs.map((s) => s.spotifyId));
    expect(b.chartWeeks[0]!.entries).not.toEqual(a.chartWeeks[0]!.entries);
  });
});

describe('generateSample shape (defaults)', () => {
  it('uses the default window ending Thursday 2026-11-19', () => {
    expect(data.weeks).toHaveLength(156);
    expect(data.weeks.at(-1)).toBe('2026-11-19');
    expect(data.weeks[0]).toBe('2023-11-30');
    expect(data.chartWeeks).toHaveLength(156 * SAMPLE_CHARTS.length);
  });

  it('has about 2,000 songs by about 600 artists, each artist with a song', () => {
    expect(data.songs).toHaveLength(2000);
    expect(data.artists).toHaveLength(600);
    const credited = new Set(data.songs.flatMap((s) => s.artists));
    expect(credited.size).toBe(600);
  });

  it('fills every chart week with unique ranks 1..size, no song twice, streams falling with rank', () => {
    const problems = data.chartWeeks.flatMap((week) => {
      const ranksOk = week.entries.every((e, i) => e.rank === i + 1) && week.entries.length === week.chart.size;
      const uniqueSongs = new Set(week.entries.map((e) => e.song)).size === week.entries.length;
      const falling = week.entries.every((e, i) => i === 0 || e.streams <= week.entries[i - 1]!.streams) && week.entries.at(-1)!.streams > 0;
      return ranksOk && uniqueSongs && falling ? [] : [`${week.chart.slug} ${week.date}`];
    });
    expect(problems).toEqual([]);
  });

  it('gives realistic stream levels (global #1 tens of millions, country #100 hundreds of thousands)', () => {
    const global = data.chartWeeks.filter((w) => w.chart.slug === 'sample-weekly-global');
    const top = global.map((w) => w.entries[0]!.streams).sort((a, b) => a - b)[78]!;
    expect(top).toBeGreaterThan(20e6);
    expect(top).toBeLessThan(200e6);
    const gb = data.chartWeeks.filter((w) => w.chart.slug === 'sample-weekly-gb').map((w) => w.entries[99]!.streams);
    expect(Math.min(...gb)).toBeGreaterThan(100e3);
  });

  it('gives songs well-formed, unique identities', () => {
    expect(data.songs.every((s) => /^[0-9A-Za-z]{22}$/.test(s.spotifyId))).toBe(true);
    expect(data.songs.every((s) => /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(s.isrc))).toBe(true);
    expect(new Set(data.songs.map((s) => s.spotifyId)).size).toBe(data.songs.length);
    expect(new Set(data.songs.map((s) => s.isrc)).size).toBe(data.songs.length);
    const keys = data.songs.map((s) => matchKey(s.title, data.artists[s.artists[0]!]!.name));
    expect(new Set(keys).size).toBe(data.songs.length);
    expect(new Set(data.artists.map((a) => a.name.toLowerCase())).size).toBe(data.artists.length);
  });

  it('has audio features for about 85% of songs, each in its range', () => {
    const withFeatures = data.songs.filter((s) => s.features !== null);
    expect(withFeatures.length / data.songs.length).toBeGreaterThan(0.8);
    expect(withFeatures.length / data.songs.length).toBeLessThan(0.9);
    const unit = ['danceability', 'energy', 'speechiness', 'acousticness', 'instrumentalness', 'liveness', 'valence'] as const;
    const bad = withFeatures.filter(({ features: f }) => {
      const inUnit = unit.every((k) => f![k] >= 0 && f![k] <= 1);
      return !inUnit || f!.key < 0 || f!.key > 11 || ![0, 1].includes(f!.mode) || f!.tempo < 60 || f!.tempo > 200 ||
        f!.loudness >= 0 || ![3, 4, 5].includes(f!.timeSignature);
    });
    expect(bad).toEqual([]);
  });

  it('ties features to genre: hip-hop is wordier than indie, christmas songs are clean', () => {
    const mean = (genre: string) => {
      const xs = data.songs.filter((s) => s.genre === genre && s.features).map((s) => s.features!.speechiness);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('hip-hop')).toBeGreaterThan(mean('indie') + 0.1);
    expect(data.songs.filter((s) => s.genre === 'christmas').every((s) => !s.explicit)).toBe(true);
  });

  it('keeps roughly a third of the global chart 26 weeks later, fewer after 52, fewer on country charts', () => {
    const g26 = survival(data, 'sample-weekly-global', 26);
    const g52 = survival(data, 'sample-weekly-global', 52);
    expect(g26).toBeGreaterThan(0.2);
    expect(g26).toBeLessThan(0.4);
    expect(g52).toBeGreaterThan(0.05);
    expect(g52).toBeLessThan(g26);
    expect(survival(data, 'sample-weekly-de', 26)).toBeLessThan(g26);
  });

  it('brings Christmas songs back every December and drops them in spring', () => {
    const global = data.chartWeeks.filter((w) => w.chart.slug === 'sample-weekly-global');
    const holidays = (date: string) =>
      global.find((w) => w.date === date)!.entries.filter((e) => data.songs[e.song]!.kind === 'holiday').length;
    for (const date of ['2023-12-21', '2024-12-26', '2025-12-25']) expect(holidays(date)).toBeGreaterThan(15);
    for (const date of ['2024-04-04', '2025-06-05', '2026-09-03']) expect(holidays(date)).toBe(0);
    expect(christmasWeight('2025-12-25')).toBe(1);
    expect(christmasWeight('2026-07-02')).toBeLessThan(1e-6);
  });

  it('has debuts that fall off faster than long-runners, and evergreens that stay for years', () => {
    const global = data.chartWeeks.filter((w) => w.chart.slug === 'sample-weekly-global');
    const weeksOn = new Map<number, number>();
    for (const w of global) for (const e of w.entries) weeksOn.set(e.song, (weeksOn.get(e.song) ?? 0) + 1);
    const kindWeeks = (kind: string) => {
      const xs = data.songs.flatMap((s, i) => (s.kind === kind && weeksOn.has(i) ? [weeksOn.get(i)!] : []));
      return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    };
    const evergreens = data.songs.flatMap((s, i) => (s.kind === 'evergreen' ? [weeksOn.get(i) ?? 0] : []));
    expect(evergreens.filter((w) => w >= 104).length).toBeGreaterThan(evergreens.length / 3);
    expect(kindWeeks('debut')).toBeLessThan(kindWeeks('long-runner'));
  });

  it('has local hits: German acts fill the German chart, not the global one', () => {
    const share = (slug: string) => {
      const entries = data.chartWeeks.filter((w) => w.chart.slug === slug).flatMap((w) => w.entries);
      return entries.filter((e) => data.artists[data.songs[e.song]!.artists[0]!]!.country === 'de').length / entries.length;
    };
    expect(share('sample-weekly-de')).toBeGreaterThan(0.2);
    expect(share('sample-weekly-global')).toBeLessThan(0.1);
  });

  it('gives stars longer and bigger runs than unknowns', () => {
    const onChart = new Map<number, number>();
    for (const w of data.chartWeeks) if (w.chart.slug === 'sample-weekly-global') for (const e of w.entries) onChart.set(e.song, (onChart.get(e.song) ?? 0) + 1);
    const avg = (pred: (fame: number) => boolean) => {
      const xs = data.songs.filter((s) => s.kind !== 'evergreen' && s.kind !== 'holiday' && pred(data.artists[s.artists[0]!]!.fame));
      return xs.reduce((a, s) => a + (onChart.get(data.songs.indexOf(s)) ?? 0), 0) / xs.length;
    };
    expect(avg((f) => f > 1)).toBeGreaterThan(1.5 * avg((f) => f < -1));
  });
});

describe('sampleOptionsSchema', () => {
  it('refuses an end date that is not a Thursday, and too few songs', () => {
    expect(sampleOptionsSchema.safeParse({ end: '2026-11-20' }).success).toBe(false);
    expect(sampleOptionsSchema.safeParse({ end: '2026-02-30' }).success).toBe(false);
    expect(sampleOptionsSchema.safeParse({ songs: 100 }).success).toBe(false);
    expect(sampleOptionsSchema.parse({ seed: '7' }).seed).toBe(7);
  });
});
