/**
 * A tiny deterministic chart history for the forecast tests: fast-decaying hits, slow
 * climbers, evergreens (more likely from a few "catalog" artists) and December songs that
 * come back every year. Enough structure that a model can beat rank-only baselines.
 */
import { seededRandom } from '@/lib/models/random';
import { dayNumber, type TrackMeta } from '../forecast-features';
import type { ChartHistory } from '../forecast-rows';

export interface SyntheticChart {
  chart: ChartHistory;
  /** Entries in chart order (date, rank) for tests that load them into a database. */
  entries: { trackId: number; day: number; rank: number }[];
}

type Kind = 'hit' | 'climber' | 'evergreen' | 'holiday';

/** Strength of a song `age` weeks after release (≤ 0 = not charting material). */
function strength(kind: Kind, age: number, peak: number, life: number, week: number, startDay: number): number {
  if (kind === 'hit') return peak * Math.exp(-age / (life / 3)) - 10;
  if (kind === 'climber') return peak * Math.sin((Math.PI * Math.min(age, life)) / life) - 10;
  if (kind === 'evergreen') return age < life ? peak * 0.6 : -1;
  const month = new Date((startDay + week * 7) * 86_400_000).getUTCMonth();
  return month === 11 || (age < 3 && age >= 0) ? peak * 0.8 : -1;
}

/** Generates `weeks` weekly charts of `size` places from `seed`. */
export function syntheticChart({ seed = 7, weeks = 130, size = 20, chartId = 1, start = '2021-01-02' } = {}): SyntheticChart {
  const random = seededRandom(seed);
  const startDay = dayNumber(start);
  const songs: { id: number; kind: Kind; release: number; peak: number; life: number }[] = [];
  const tracks = new Map<number, TrackMeta>();
  const catalogArtists = new Set([1, 2, 3]);
  let nextId = 1;
  const entries: SyntheticChart['entries'] = [];
  for (let week = -80; week < weeks; week++) {
    for (let k = 0; k < 3; k++) {
      const artist = 1 + Math.floor(random() * 30);
      const roll = random();
      const kind: Kind = catalogArtists.has(artist) && roll < 0.5 ? 'evergreen' : roll < 0.55 ? 'hit' : roll < 0.9 ? 'climber' : roll < 0.97 ? 'evergreen' : 'holiday';
      const id = nextId++;
      songs.push({ id, kind, release: week, peak: 50 + random() * 50, life: kind === 'evergreen' ? 30 + random() * 50 : 8 + random() * 30 });
      tracks.set(id, {
        primaryArtistId: artist,
        title: kind === 'holiday' ? `Christmas Song ${id}` : `Song ${id}`,
        releaseDay: id % 5 === 0 ? null : startDay + week * 7 - 7,
        durationMs: 150_000 + Math.floor(random() * 120_000),
        explicit: random() < 0.3,
        audio: id % 4 === 0 ? null : [random(), random(), -10 * random(), random() / 3, random(), random() / 10, random() / 2, random(), 80 + 80 * random(), random() < 0.5 ? 0 : 1],
      });
    }
    if (week < 0) continue;
    const ranked = songs
      .map((s) => ({ id: s.id, v: strength(s.kind, week - s.release, s.peak, s.life, week, startDay) + 8 * random() }))
      .filter((s) => s.v > 0)
      .sort((a, b) => b.v - a.v || a.id - b.id)
      .slice(0, size);
    ranked.forEach((s, i) => entries.push({ trackId: s.id, day: startDay + week * 7, rank: i + 1 }));
  }
  const sorted = [...entries].sort((a, b) => a.trackId - b.trackId || a.day - b.day);
  return {
    entries,
    chart: {
      chartId,
      size,
      trackIds: Int32Array.from(sorted, (e) => e.trackId),
      days: Int32Array.from(sorted, (e) => e.day),
      ranks: Int32Array.from(sorted, (e) => e.rank),
      tracks,
    },
  };
}
