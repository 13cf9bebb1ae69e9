/**
 * Listening occasions the theme model tells apart, the audio features it reads, and the
 * project's own playlist-name → occasion map (labels for training come from playlists).
 */
import { NUMERIC_ATTRIBUTES } from '@/lib/attributes/attributes';

export const OCCASIONS = ['workout', 'party', 'focus', 'chill', 'sleep'] as const;
export type Occasion = (typeof OCCASIONS)[number];

const THEME_FEATURE_NAMES = ['danceability', 'energy', 'valence', 'tempo', 'loudness', 'acousticness', 'speechiness', 'instrumentalness'] as const;
export type ThemeFeatureName = (typeof THEME_FEATURE_NAMES)[number];
type ThemeFeature = Extract<(typeof NUMERIC_ATTRIBUTES)[number], { name: ThemeFeatureName }>;

/** The model's inputs, in order, with the range a form accepts (the what-if model's audio attributes). */
export const THEME_FEATURES = NUMERIC_ATTRIBUTES.filter((a): a is ThemeFeature => (THEME_FEATURE_NAMES as readonly string[]).includes(a.name));
export type ThemeFeatures = Record<ThemeFeatureName, number>;

/**
 * Playlist-name keywords per occasion, checked in this order (so "Sleepy Chill" is sleep, and
 * "Workout Party" is workout: the more specific use wins). Whole words, case-insensitive.
 */
const NAME_KEYWORDS: [Occasion, RegExp][] = [
  ['sleep', /\b(sleep\w*|lullab\w*|bedtime|night ?time|deep sleep|dream\w*|insomnia|meditat\w*|yoga)\b/i],
  ['workout', /\b(workout|work out|gym|training|cardio|running|run|fitness|hiit|beast ?mode|power ?hour|motivation|pump)\b/i],
  ['focus', /\b(focus\w*|study\w*|concentrat\w*|deep work|coding|reading|brain ?food|productiv\w*|lo-?fi\w*)\b/i],
  ['party', /\b(party|parties|club\w*|dance ?floor|pre-?game|friday night|saturday night|bangers|fiesta|hits? to dance)\b/i],
  ['chill', /\b(chill\w*|relax\w*|calm|lazy|sunday|unwind|mellow|easy|lounge|acoustic mornings?|coffee ?house)\b/i],
];

/** The occasion a playlist's name says, or null when it names none. */
export function occasionOfPlaylist(name: string): Occasion | null {
  for (const [occasion, pattern] of NAME_KEYWORDS) if (pattern.test(name)) return occasion;
  return null;
}

/** A stored `playlists.theme` value read as an occasion (null for other themes). */
export function asOccasion(theme: string | null): Occasion | null {
  return (OCCASIONS as readonly string[]).includes(theme ?? '') ? (theme as Occasion) : null;
}

/** Centre and spread of a typical chart song's features (medians and spreads of the sample catalog). */
const TYPICAL: Record<ThemeFeatureName, [centre: number, spread: number]> = {
  danceability: [0.68, 0.14],
  energy: [0.65, 0.15],
  valence: [0.5, 0.19],
  tempo: [118, 23],
  loudness: [-6.3, 1.9],
  acousticness: [0.2, 0.16],
  speechiness: [0.09, 0.09],
  instrumentalness: [0.01, 0.05],
};

/**
 * The sample data has no playlists, so its songs get the occasion a curator would file them
 * under by this documented rule: each occasion's fit is a simple score of how the song's sound
 * differs from a typical chart song (in spreads), and the best fit wins. It is a stand-in that
 * lets the demo train and show the model; real labels come from playlists (occasionOfPlaylist).
 */
export function sampleOccasion(f: ThemeFeatures): Occasion {
  const z = (name: ThemeFeatureName) => Math.max(-3, Math.min(3, (f[name] - TYPICAL[name][0]) / TYPICAL[name][1]));
  const fit: Record<Occasion, number> = {
    workout: z('energy') + 0.8 * z('tempo') - 0.3 * z('acousticness'),
    party: z('danceability') + 0.8 * z('valence') - 0.2,
    focus: 0.8 * z('instrumentalness') - 0.7 * z('speechiness') - 0.4 * z('valence') - 0.1,
    chill: z('acousticness') - 0.4 * z('energy') + 0.2 * z('valence') - 0.1,
    sleep: -z('energy') - 0.7 * z('loudness') - 0.4 * z('tempo') - 0.4,
  };
  return OCCASIONS.reduce((best, o) => (fit[o] > fit[best] ? o : best), OCCASIONS[0] as Occasion);
}
