import type { TrackInput } from '@/lib/ingest/types';

/** Distinct songs remembered per file before the memo starts over (bounds memory). */
const MAX_SONGS = 100_000;

/**
 * One TrackInput object per distinct song of a file. A chart file lists each song
 * on many lines; reading it once saves the parsing, and the resolver, which checks
 * each TrackInput object once, the cleaning. Lines are the same song when their
 * fields at `columns` are equal. Off (every line read) when lines may carry other
 * per-line track facts (genre, duration, audio features). A bad line is not remembered.
 */
export class SongMemo {
  private readonly songs = new Map<string, TrackInput>();

  constructor(
    private readonly columns: number[],
    private readonly on: boolean,
    private readonly read: (fields: string[]) => TrackInput,
  ) {}

  get(fields: string[]): TrackInput {
    if (!this.on) return this.read(fields);
    let key = '';
    for (const i of this.columns) key += `${i < 0 ? '' : (fields[i] ?? '')}\u0001`;
    let song = this.songs.get(key);
    if (song === undefined) {
      song = this.read(fields);
      if (this.songs.size >= MAX_SONGS) this.songs.clear();
      this.songs.set(key, song);
    }
    return song;
  }
}
