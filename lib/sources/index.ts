import { deezerSource } from './deezer';
import { sampleSource } from './sample';
import { spotifySource } from './spotify';
import type { WeeklySource } from './types';

/** Every source `update --sources` can name, by name. */
export const sources: Record<string, WeeklySource> = Object.fromEntries([sampleSource, deezerSource, spotifySource].map((s) => [s.name, s]));
