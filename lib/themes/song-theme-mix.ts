import type { Db } from '@/lib/db/client';
import type { ActiveVersion } from '@/lib/models/active-versions';
import type { AudioFeatures } from '@/lib/queries/songs';
import { classifyWith, type ThemeMix } from './classify';
import { THEME_FEATURES, type ThemeFeatures } from './occasions';

export type SongThemeMix =
  | { state: 'ok'; mix: ThemeMix }
  | { state: 'no-features' }
  | { state: 'no-model' };

/** A song's occasion mix from its stored audio features with the active theme version (getActiveVersions); says why when there is none. */
export async function songThemeMix(db: Db, audio: AudioFeatures, active: ActiveVersion | undefined): Promise<SongThemeMix> {
  const features: Partial<ThemeFeatures> = {};
  for (const { name } of THEME_FEATURES) {
    const value = audio[name];
    if (value === null) return { state: 'no-features' };
    features[name] = value;
  }
  if (!active) return { state: 'no-model' };
  return { state: 'ok', mix: await classifyWith(db, active, features as ThemeFeatures) };
}
