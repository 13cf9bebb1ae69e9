/** Classifying typed-in audio features with the active theme model (the /themes form). */
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { THEME_FEATURES, type ThemeFeatureName, type ThemeFeatures } from './occasions';
import { getActiveTheme, loadThemeModel, type ActiveTheme } from './theme-registry';
import { predictThemes } from './theme-model';

/** One number field: required, a number, inside the feature's range. */
const numberField = (label: string, min: number, max: number) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .transform(Number)
    .pipe(z.number({ message: `${label} must be a number` }).refine((v) => v >= min && v <= max, `${label} must be between ${min} and ${max}`));

export const themeFeaturesSchema = z.object(
  Object.fromEntries(THEME_FEATURES.map((f) => [f.name, numberField(f.label, f.min, f.max)])) as Record<ThemeFeatureName, ReturnType<typeof numberField>>,
);

export interface ThemeMix {
  modelVersion: number;
  /** Probability per occasion, best first. */
  occasions: { occasion: string; p: number }[];
}

/** The active theme model's occasion mix for one song's features; throws when no model is active. */
export async function classifyThemes(db: Db, features: ThemeFeatures): Promise<ThemeMix> {
  const active = await getActiveTheme(db);
  if (!active) throw new Error('No theme model yet: train one with `npm run job -- train-theme`.');
  return classifyWith(db, active, features);
}

/** The occasion mix from a given (active) theme model, for callers that already looked it up. */
export async function classifyWith(db: Db, active: Pick<ActiveTheme, 'id' | 'version'>, features: ThemeFeatures): Promise<ThemeMix> {
  const model = await loadThemeModel(db, active.id);
  const x = Float32Array.from(model.spec.featureNames.map((name) => features[name as ThemeFeatureName]));
  const p = await predictThemes(model, x, 1);
  return {
    modelVersion: active.version,
    occasions: model.spec.occasions.map((occasion, i) => ({ occasion, p: p[i] ?? 0 })).sort((a, b) => b.p - a.p),
  };
}
