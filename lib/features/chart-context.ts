/**
 * Chart-level context for the forecast features, computed once per chart: how many songs
 * survive h weeks (known only h weeks later) and each lead artist's track record.
 * Everything here is indexed so that a row at day t only sees outcomes observed by t.
 */
import type { ArtistRecord, TrackMeta } from './forecast-features';

/** Days after a debut at which "it lasted" is judged (26 weeks). */
const LASTED_DAYS = 26 * 7;

type EntryAt = (start: number, end: number, day: number) => number;

/**
 * For each chart week w and h ∈ {26, 52}: the share of songs on the chart at the latest
 * week u with day(u) + 7h ≤ day(w) that were on the chart at day(u) + 7h. NaN before any.
 */
export function buildSurvival(
  weekDays: readonly number[],
  weekOf: ReadonlyMap<number, number>,
  songStarts: readonly number[],
  days: ArrayLike<number>,
  weekIdx: Int32Array,
  entryAt: EntryAt,
): Record<26 | 52, Float32Array> {
  const result = { 26: new Float32Array(weekDays.length), 52: new Float32Array(weekDays.length) };
  for (const h of [26, 52] as const) {
    const tracked = new Int32Array(weekDays.length);
    const survived = new Int32Array(weekDays.length);
    for (let s = 0; s + 1 < songStarts.length; s++) {
      const end = songStarts[s + 1] as number;
      for (let e = songStarts[s] as number; e < end; e++) {
        const target = (days[e] as number) + 7 * h;
        if (!weekOf.has(target)) continue;
        const u = weekIdx[e] as number;
        tracked[u]!++;
        if (entryAt(e + 1, end, target) >= 0) survived[u]!++;
      }
    }
    const rate = result[h];
    let current = NaN;
    let u = 0;
    for (let w = 0; w < weekDays.length; w++) {
      while (u < weekDays.length && (weekDays[u] as number) + 7 * h <= (weekDays[w] as number)) {
        if ((tracked[u] as number) > 0) current = (survived[u] as number) / (tracked[u] as number);
        u++;
      }
      rate[w] = current;
    }
  }
  return result;
}

export interface ArtistIndex {
  /** The lead artist's record at `day`, the track itself excluded. */
  recordAt(trackId: number, artistId: number | null, day: number): ArtistRecord;
}

interface SongOutcome {
  debutDay: number;
  /** Day the 26-week outcome became known, or null when the chart has no data that day. */
  knownDay: number | null;
  lasted: boolean;
}

/** Number of values in the sorted array that are < x (strict) or ≤ x. */
function countBelow(sorted: readonly number[], x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v < x || (inclusive && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes every lead artist's songs on this chart by debut and by outcome date. */
export function buildArtistIndex(
  songStarts: readonly number[],
  chart: { trackIds: ArrayLike<number>; days: ArrayLike<number>; tracks: ReadonlyMap<number, TrackMeta> },
  weekOf: ReadonlyMap<number, number>,
  entryAt: EntryAt,
): ArtistIndex {
  const outcomes = new Map<number, SongOutcome>();
  const byArtist = new Map<number, SongOutcome[]>();
  for (let s = 0; s + 1 < songStarts.length; s++) {
    const start = songStarts[s] as number;
    const end = songStarts[s + 1] as number;
    const trackId = chart.trackIds[start] as number;
    const debutDay = chart.days[start] as number;
    const judged = debutDay + LASTED_DAYS;
    const knownDay = weekOf.has(judged) ? judged : null;
    const outcome = { debutDay, knownDay, lasted: knownDay !== null && entryAt(start, end, judged) >= 0 };
    outcomes.set(trackId, outcome);
    const artistId = chart.tracks.get(trackId)?.primaryArtistId;
    if (artistId === null || artistId === undefined) continue;
    const list = byArtist.get(artistId) ?? [];
    list.push(outcome);
    byArtist.set(artistId, list);
  }

  const index = new Map<number, { debuts: number[]; known: number[]; lastedPrefix: number[] }>();
  for (const [artistId, songs] of byArtist) {
    const debuts = songs.map((o) => o.debutDay).sort((a, b) => a - b);
    const knownSongs = songs.filter((o) => o.knownDay !== null).sort((a, b) => (a.knownDay as number) - (b.knownDay as number));
    const lastedPrefix = [0];
    for (const o of knownSongs) lastedPrefix.push((lastedPrefix.at(-1) as number) + (o.lasted ? 1 : 0));
    index.set(artistId, { debuts, known: knownSongs.map((o) => o.knownDay as number), lastedPrefix });
  }

  return {
    recordAt(trackId, artistId, day) {
      const entry = artistId === null ? undefined : index.get(artistId);
      if (!entry) return { priorSongs: 0, knownOutcomes: 0, lasted: 0 };
      const own = outcomes.get(trackId);
      const ownDebuted = own !== undefined && own.debutDay < day;
      const ownKnown = own !== undefined && own.knownDay !== null && own.knownDay <= day;
      const known = countBelow(entry.known, day, true);
      return {
        priorSongs: countBelow(entry.debuts, day, false) - (ownDebuted ? 1 : 0),
        knownOutcomes: known - (ownKnown ? 1 : 0),
        lasted: (entry.lastedPrefix[known] as number) - (ownKnown && own.lasted ? 1 : 0),
      };
    },
  };
}
