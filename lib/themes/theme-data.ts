/** Labelled rows for the theme model: songs with audio features and the label a theme set gives them. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { playlists, playlistTracks, tracks } from '@/lib/db/schema';
import { sampleOccasion, THEME_FEATURES, type ThemeFeatures } from './occasions';
import { THEME_SETS, type ThemeSet } from './theme-sets';

export interface ThemeDataset {
  x: Float32Array;
  labels: Int32Array;
  /** Class names, indexed by the labels. */
  classes: string[];
  trackIds: number[];
  /** The theme set's name, or `sample-rule` when no song had a label (the sample data). */
  labelSource: string;
  /** Songs whose playlists named two classes equally often (left out). */
  ambiguous: number;
  /** Classes of the set left out for having fewer than MIN_CLASS_SONGS labelled songs, with their counts. */
  dropped: Record<string, number>;
}

/** A class needs this many labelled songs to be learned and scored (fewer are left out and said). */
export const MIN_CLASS_SONGS = 20;

/** Reads a row's features in THEME_FEATURES order; null when any is missing. */
export function featureRow(row: Record<string, unknown>): ThemeFeatures | null {
  const out: Partial<ThemeFeatures> = {};
  for (const f of THEME_FEATURES) {
    const v = row[f.name];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    out[f.name] = v;
  }
  return out as ThemeFeatures;
}

/** Each song's majority label over the playlists it is on (ties left out and counted). */
export function majorityLabels(memberships: { trackId: number; label: string | null }[]): { labels: Map<number, string>; ambiguous: number } {
  const counts = new Map<number, Map<string, number>>();
  for (const m of memberships) {
    if (m.label === null) continue;
    const c = counts.get(m.trackId) ?? new Map<string, number>();
    c.set(m.label, (c.get(m.label) ?? 0) + 1);
    counts.set(m.trackId, c);
  }
  const labels = new Map<number, string>();
  let ambiguous = 0;
  for (const [trackId, c] of counts) {
    const ranked = [...c.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) ambiguous++;
    else labels.set(trackId, ranked[0]![0]);
  }
  return { labels, ambiguous };
}

/** Rows labelled with one of `classes` as a dataset; classes with too few songs are dropped and counted. */
export function toDataset(rows: { id: number; f: ThemeFeatures; label: string }[], classes: readonly string[], labelSource: string, ambiguous: number): ThemeDataset {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  const kept = classes.filter((c) => (counts.get(c) ?? 0) >= MIN_CLASS_SONGS);
  const dropped = Object.fromEntries(classes.filter((c) => !kept.includes(c)).map((c) => [c, counts.get(c) ?? 0]));
  const used = rows.filter((r) => kept.includes(r.label));
  const dim = THEME_FEATURES.length;
  const x = new Float32Array(used.length * dim);
  used.forEach((r, i) => THEME_FEATURES.forEach((f, k) => (x[i * dim + k] = r.f[f.name])));
  return { x, labels: Int32Array.from(used.map((r) => kept.indexOf(r.label))), classes: kept, trackIds: used.map((r) => r.id), labelSource, ambiguous, dropped };
}

/** The rows of `data` labelled with one of `classes` (e.g. the four well-separated ones), relabelled. */
export function subsetDataset(data: ThemeDataset, classes: readonly string[]): ThemeDataset {
  const dim = THEME_FEATURES.length;
  const rows: { id: number; f: ThemeFeatures; label: string }[] = [];
  data.labels.forEach((l, i) => {
    const f = featureRow(Object.fromEntries(THEME_FEATURES.map((t, k) => [t.name, data.x[i * dim + k]])));
    if (f) rows.push({ id: data.trackIds[i]!, f, label: data.classes[l]! });
  });
  return toDataset(rows, classes, data.labelSource, data.ambiguous);
}

/**
 * Songs with every theme feature, labelled by a theme set: by the playlists they are on (the
 * majority label) or by their genre. For the default set, when no playlist gives any label,
 * by the documented sample rule (the sample data has no playlists).
 */
export async function loadThemeDataset(db: Db, set: ThemeSet = THEME_SETS.occasions): Promise<ThemeDataset> {
  const featureColumns = Object.fromEntries(THEME_FEATURES.map((f) => [f.name, tracks[f.name]]));
  const songs = await db
    .select({ id: tracks.id, genre: tracks.genre, ...featureColumns })
    .from(tracks)
    .where(and(...THEME_FEATURES.map((f) => isNotNull(tracks[f.name]))));
  let labelOf: (song: { id: number; genre: string | null }, f: ThemeFeatures) => string | undefined;
  let labelSource: string = set.name;
  let ambiguous = 0;
  if (set.labelFrom === 'genre') {
    labelOf = (song) => song.genre?.toLowerCase();
  } else {
    const memberships = await db
      .select({ trackId: playlistTracks.trackId, source: playlists.source, externalId: playlists.externalId, name: playlists.name, theme: playlists.theme })
      .from(playlistTracks)
      .innerJoin(playlists, eq(playlists.id, playlistTracks.playlistId));
    const majority = majorityLabels(memberships.map((m) => ({ trackId: m.trackId, label: set.label(m) })));
    ambiguous = majority.ambiguous;
    if (majority.labels.size === 0 && set === THEME_SETS.occasions) {
      labelSource = 'sample-rule';
      labelOf = (_song, f) => sampleOccasion(f);
    } else {
      labelOf = (song) => majority.labels.get(song.id);
    }
  }
  const rows: { id: number; f: ThemeFeatures; label: string }[] = [];
  for (const song of songs) {
    const f = featureRow(song);
    const label = f ? labelOf(song, f) : undefined;
    if (f && label !== undefined && set.classes.includes(label)) rows.push({ id: song.id, f, label });
  }
  return toDataset(rows, set.classes, labelSource, ambiguous);
}
