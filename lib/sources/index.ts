import { sampleSource } from './sample';
import type { WeeklySource } from './types';

/** Every source `update --sources` can name, by name. */
export const sources: Record<string, WeeklySource> = Object.fromEntries([sampleSource].map((s) => [s.name, s]));
