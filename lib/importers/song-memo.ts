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
  /** By the first key column's field: the songs with it, and their other key fields. */
  private readonly songs = new Map<string, { key: string[]; song: TrackInput }[]>();
  private size = 0;

  constructor(
    private readonly columns: number[],
    private readonly on: boolean,
    private readonly read: (fields: string[]) => TrackInput,
  ) {}

  get(fields: string[]): TrackInput {
    if (!this.on) return this.read(fields);
    // Plain loops: this runs for every line of a file.
    const first = field(fields, this.columns[0]!);
    const same = this.songs.get(first);
    if (same) {
      for (const entry of same) {
        let k = 1;
        while (k < this.columns.length && entry.key[k] === field(fields, this.columns[k]!)) k++;
        if (k === this.columns.length) return entry.song;
      }
    }
    const song = this.read(fields);
    if (this.size >= MAX_SONGS) {
      this.songs.clear();
      this.size = 0;
    }
    const entry = { key: this.columns.map((i) => field(fields, i)), song };
    if (same && this.songs.has(first)) same.push(entry);
    else this.songs.set(first, [entry]);
    this.size++;
    return song;
  }
}

function field(fields: string[], i: number): string {
  return i < 0 ? '' : (fields[i] ?? '');
}
