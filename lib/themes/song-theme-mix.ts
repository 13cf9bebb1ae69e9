import type { Db } from '@/lib/db/client';
import type { AudioFeatures } from '@/lib/queries/songs';
import { classifyWith, type ThemeMix } from './classify';
import { THEME_FEATURES, type ThemeFeatures } from './occasions';
import { getActiveTheme } from './theme-registry';

export type SongThemeMix =
  | { state: 'ok'; mix: ThemeMix }
  | { state: 'no-features' }
  | { state: 'no-model' };

/** A song's occasion mix from its stored audio features; says why when there is none. */
export async function songThemeMix(db: Db, audio: AudioFeatures): Promise<SongThemeMix> {
  const features: Partial<ThemeFeatures> = {};
  for (const { name } of THEME_FEATURES) {
    const value = audio[name];
    if (value === null) return { state: 'no-features' };
    features[name] = value;
  }
  const active = await getActiveTheme(db);
  if (!active) return { state: 'no-model' };
  return { state: 'ok', mix: await classifyWith(db, active, features as ThemeFeatures) };
}
