/**
 * Theme sets: which labels the theme model learns and where they come from. Each set names its
 * classes, how a playlist membership (or a song's genre) gives a label, and the four
 * well-separated classes the seed system's bar (< 10% misclassification) is checked on.
 */
import { EDITORIAL_OCCASIONS } from './editorial-occasions';
import { asOccasion, OCCASIONS, occasionOfPlaylist } from './occasions';

/** One playlist a song is on, as stored (`playlists` row). */
export interface Membership {
  source: string;
  externalId: string;
  name: string;
  theme: string | null;
}

interface SetBase {
  name: string;
  /** One line for the page and the job's help: where the labels come from. */
  doc: string;
  classes: readonly string[];
  /**
   * Classes far apart in sound, most distinct first: the < 10% misclassification check takes the
   * first four that have enough songs (see fourSeparated).
   */
  separated: readonly string[];
}

export type ThemeSet =
  | (SetBase & { labelFrom: 'playlists'; label: (m: Membership) => string | null })
  | (SetBase & { labelFrom: 'genre' });

export const THEME_SETS = {
  occasions: {
    name: 'occasions',
    doc: 'the occasion each song’s playlists name (playlists.theme, else keywords in the playlist name)',
    classes: OCCASIONS,
    separated: ['sleep', 'workout', 'party', 'focus', 'chill'],
    labelFrom: 'playlists',
    label: (m) => asOccasion(m.theme) ?? occasionOfPlaylist(m.name),
  },
  editorial: {
    name: 'editorial',
    doc: 'Spotify editorial playlists (2019–2021) mapped to occasions by the project’s own map',
    classes: ['workout', 'party', 'focus', 'chill', 'sleep', 'happy', 'sad', 'romance'],
    separated: ['sleep', 'workout', 'party', 'focus', 'chill', 'sad'],
    labelFrom: 'playlists',
    label: (m) => (m.source === 'spotify' ? (EDITORIAL_OCCASIONS[m.externalId] ?? null) : null),
  },
  moods: {
    name: 'moods',
    doc: 'the mood-labels catalog (Happy, Sad, Energetic, Calm), imported as one playlist per mood',
    classes: ['happy', 'sad', 'energetic', 'calm'],
    separated: ['happy', 'sad', 'energetic', 'calm'],
    labelFrom: 'playlists',
    label: (m) => (m.source === 'mood' ? m.theme : null),
  },
  genres: {
    name: 'genres',
    doc: 'the song’s genre (for tidytuesday 2020: the genre of the first playlist it was found on)',
    classes: ['edm', 'latin', 'pop', 'r&b', 'rap', 'rock'],
    separated: ['edm', 'rap', 'rock', 'latin', 'r&b', 'pop'],
    labelFrom: 'genre',
  },
} as const satisfies Record<string, ThemeSet>;

export type ThemeSetName = keyof typeof THEME_SETS;
export const THEME_SET_NAMES = Object.keys(THEME_SETS) as [ThemeSetName, ...ThemeSetName[]];

/** The set a stored model's labelSource names, if any (older models store `playlists`). */
export function themeSetOf(labelSource: string): ThemeSet | null {
  if (labelSource === 'playlists') return THEME_SETS.occasions;
  return (THEME_SETS as Record<string, ThemeSet>)[labelSource] ?? null;
}

/** The four most distinct classes of a set that a dataset has (fewer when it has fewer). */
export const fourSeparated = (set: ThemeSet, present: readonly string[]): string[] => set.separated.filter((c) => present.includes(c)).slice(0, 4);
