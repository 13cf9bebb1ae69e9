/** Labelled rows for the theme model: songs with audio features and the occasion their playlists say. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { playlists, playlistTracks, tracks } from '@/lib/db/schema';
import { asOccasion, OCCASIONS, occasionOfPlaylist, sampleOccasion, THEME_FEATURES, type Occasion, type ThemeFeatures } from './occasions';

export interface ThemeDataset {
  x: Float32Array;
  labels: Int32Array;
  trackIds: number[];
  labelSource: 'playlists' | 'sample-rule';
  /** Songs whose playlists named two occasions equally often (left out). */
  ambiguous: number;
}

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

/** Each song's majority occasion over the playlists it is on (ties left out and counted). */
export function majorityOccasions(memberships: { trackId: number; occasion: Occasion | null }[]): { labels: Map<number, Occasion>; ambiguous: number } {
  const counts = new Map<number, Map<Occasion, number>>();
  for (const m of memberships) {
    if (m.occasion === null) continue;
    const c = counts.get(m.trackId) ?? new Map<Occasion, number>();
    c.set(m.occasion, (c.get(m.occasion) ?? 0) + 1);
    counts.set(m.trackId, c);
  }
  const labels = new Map<number, Occasion>();
  let ambiguous = 0;
  for (const [trackId, c] of counts) {
    const ranked = [...c.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) ambiguous++;
    else labels.set(trackId, ranked[0]![0]);
  }
  return { labels, ambiguous };
}

/**
 * Songs with every theme feature, labelled by their playlists (`playlists.theme`, else the
 * occasion the playlist's name says); when no playlist gives any label, by the sample rule.
 */
export async function loadThemeDataset(db: Db): Promise<ThemeDataset> {
  const featureColumns = Object.fromEntries(THEME_FEATURES.map((f) => [f.name, tracks[f.name]]));
  const [songs, memberships] = await Promise.all([
    db.select({ id: tracks.id, ...featureColumns }).from(tracks).where(and(...THEME_FEATURES.map((f) => isNotNull(tracks[f.name])))),
    db.select({ trackId: playlistTracks.trackId, name: playlists.name, theme: playlists.theme }).from(playlistTracks).innerJoin(playlists, eq(playlists.id, playlistTracks.playlistId)),
  ]);
  const { labels, ambiguous } = majorityOccasions(memberships.map((m) => ({ trackId: m.trackId, occasion: asOccasion(m.theme) ?? occasionOfPlaylist(m.name) })));
  const labelSource = labels.size > 0 ? 'playlists' : 'sample-rule';
  const rows: { id: number; f: ThemeFeatures; occasion: Occasion }[] = [];
  for (const song of songs) {
    const f = featureRow(song);
    if (!f) continue;
    const occasion = labelSource === 'playlists' ? labels.get(song.id) : sampleOccasion(f);
    if (occasion) rows.push({ id: song.id, f, occasion });
  }
  const x = new Float32Array(rows.length * THEME_FEATURES.length);
  rows.forEach((r, i) => THEME_FEATURES.forEach((f, k) => (x[i * THEME_FEATURES.length + k] = r.f[f.name])));
  return { x, labels: Int32Array.from(rows.map((r) => OCCASIONS.indexOf(r.occasion))), trackIds: rows.map((r) => r.id), labelSource, ambiguous };
}
