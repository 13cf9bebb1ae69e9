import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { inTransaction } from '@/lib/db/transaction';
import { ArtistResolver } from './artist-resolver';
import { cleanTrack, DEEZER_COL, FILLABLE_COLUMNS, ISRC_COL, KNOWN_MASK_SQL, SPOTIFY_COL, type CleanTrack } from './track-columns';
import type { MatchStats, TrackInput } from './types';

/** Inputs per transaction: one SELECT per key kind and a few bulk INSERTs each. */
const BATCH = 2_000;
/** Cached identities before the caches are dropped (bounds memory on huge catalogs). */
const MAX_CACHED = 600_000;

/** A known track: id (negative while only planned in the current batch) and which fillable columns it has. */
interface TrackRef {
  id: number;
  mask: number;
}
interface Planned {
  ref: TrackRef;
  track: CleanTrack;
}

const TRACK_COLUMNS = ['match_key', 'title', 'artist_names', 'primary_artist_id', ...FILLABLE_COLUMNS];
const SELECT_REFS = `SELECT id, spotify_id, deezer_id, isrc, match_key, ${KNOWN_MASK_SQL} AS known FROM tracks`;

/**
 * Turns source rows into track ids, one song one track: match by Spotify id,
 * else Deezer id, else ISRC, else normalised title + primary artist (matchKey).
 * A matched track gains the fields it lacked; known values are never replaced.
 * Each batch is one transaction; the caches only ever hold committed rows, so
 * a re-run after a crash resolves exactly like one clean run.
 */
export class TrackResolver {
  readonly stats: MatchStats = { bySpotifyId: 0, byDeezerId: 0, byIsrc: 0, byKey: 0, created: 0 };
  private readonly bySpotify = new Map<string, TrackRef>();
  private readonly byDeezer = new Map<number, TrackRef>();
  private readonly byIsrc = new Map<string, TrackRef>();
  private readonly byKey = new Map<string, TrackRef>();
  /** One shared ref per track, so a fill seen through one identity is seen through all. */
  private readonly byId = new Map<number, TrackRef>();
  private readonly artists = new ArtistResolver();
  /** Inputs already cleaned: an importer passes one object per distinct song of a file (SongMemo). */
  private readonly cleaned = new WeakMap<TrackInput, CleanTrack>();

  constructor(private readonly pool: Pool) {}

  /** Returns the track id for each input (same order), creating tracks/artists/track_artists as needed. */
  async resolve(inputs: TrackInput[]): Promise<number[]> {
    // An importer names a song on many lines with one object (SongMemo): each object is resolved once.
    const slotOf = new Map<TrackInput, number>();
    const distinct: TrackInput[] = [];
    const firstAt: number[] = [];
    const lines: number[] = [];
    const slots = inputs.map((input, i) => {
      let slot = slotOf.get(input);
      if (slot === undefined) {
        slotOf.set(input, (slot = distinct.length));
        distinct.push(input);
        firstAt.push(i);
        lines.push(0);
      }
      lines[slot]!++;
      return slot;
    });
    const clean = distinct.map((input, slot) => {
      try {
        let track = this.cleaned.get(input);
        if (!track) this.cleaned.set(input, (track = cleanTrack(input)));
        return track;
      } catch (err) {
        throw new Error(`track input ${firstAt[slot]}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    const ids: number[] = [];
    for (let i = 0; i < clean.length; i += BATCH) ids.push(...(await this.resolveBatch(clean.slice(i, i + BATCH), lines.slice(i, i + BATCH))));
    return slots.map((slot) => ids[slot]!);
  }

  /** Resolves distinct songs; `lines[i]` inputs named `batch[i]`, each counted in the stats. */
  private async resolveBatch(batch: CleanTrack[], lines: number[]): Promise<number[]> {
    const cached = this.fromCache(batch, lines);
    if (cached) return cached;
    const statsBefore = { ...this.stats };
    try {
      const ids = await inTransaction(this.pool, async (conn) => {
        await this.load(conn, batch);
        const refs: TrackRef[] = [];
        const planned: Planned[] = [];
        const fills = new Map<TrackRef, CleanTrack>();
        batch.forEach((track, i) => {
          let ref = this.match(track);
          if (!ref) {
            ref = { id: -(planned.length + 1), mask: track.mask };
            planned.push({ ref, track: { ...track, values: [...track.values] } });
            this.stats.created++;
            this.index(ref, track, true);
          } else {
            this.fill(ref, track, planned, fills);
          }
          // The input's other lines find the track as the line after the first would: created or filled by now.
          if (lines[i]! > 1) this.stats[this.lookup(track)![1]] += lines[i]! - 1;
          refs.push(ref);
        });
        if (planned.length > 0) await this.create(conn, planned);
        if (fills.size > 0) await this.applyFills(conn, fills);
        return refs;
      });
      if (this.byId.size + this.artists.size > MAX_CACHED) this.clearCaches();
      return ids.map((r) => r.id);
    } catch (err) {
      // The rolled-back batch's rows and counts were never written: forget them.
      this.clearCaches();
      Object.assign(this.stats, statsBefore);
      throw err;
    }
  }

  private match(t: CleanTrack): TrackRef | undefined {
    const found = this.lookup(t);
    if (found) this.stats[found[1]]++;
    return found?.[0];
  }

  /** The cached track `t` is, and by which identity; no side effects. */
  private lookup(t: CleanTrack): [TrackRef, Exclude<keyof MatchStats, 'created'>] | undefined {
    const sid = t.values[SPOTIFY_COL] as string | null;
    const did = t.values[DEEZER_COL] as number | null;
    const isrc = t.values[ISRC_COL] as string | null;
    let ref = sid === null ? undefined : this.bySpotify.get(sid);
    if (ref) return [ref, 'bySpotifyId'];
    ref = did === null ? undefined : this.byDeezer.get(did);
    if (ref) return [ref, 'byDeezerId'];
    ref = isrc === null ? undefined : this.byIsrc.get(isrc);
    if (ref) return [ref, 'byIsrc'];
    ref = this.byKey.get(t.key);
    if (ref) return [ref, 'byKey'];
    return undefined;
  }

  /**
   * The batch's track ids when the caches already know every song and no song
   * brings a column its track lacks: then there is nothing to read or write.
   */
  private fromCache(batch: CleanTrack[], lines: number[]): number[] | null {
    const found = [];
    for (const t of batch) {
      const hit = this.lookup(t);
      if (!hit || this.missing(hit[0], t) !== 0) return null;
      found.push(hit);
    }
    found.forEach(([, how], i) => (this.stats[how] += lines[i]!));
    return found.map(([ref]) => ref.id);
  }

  /** Records the identities `t` gives `ref`; unique ids only when no other track owns them. */
  private index(ref: TrackRef, t: CleanTrack, isNew: boolean) {
    const sid = t.values[SPOTIFY_COL] as string | null;
    const did = t.values[DEEZER_COL] as number | null;
    const isrc = t.values[ISRC_COL] as string | null;
    if (sid !== null && !this.bySpotify.has(sid)) this.bySpotify.set(sid, ref);
    if (did !== null && !this.byDeezer.has(did)) this.byDeezer.set(did, ref);
    if (isrc !== null && !this.byIsrc.has(isrc)) this.byIsrc.set(isrc, ref);
    if (isNew) this.byKey.set(t.key, ref);
  }

  /** Bit mask of the columns `t` can give `ref`: those it lacks, less unique ids another track already holds. */
  private missing(ref: TrackRef, t: CleanTrack): number {
    let missing = t.mask & ~ref.mask;
    const sid = t.values[SPOTIFY_COL] as string | null;
    const did = t.values[DEEZER_COL] as number | null;
    if (sid !== null && this.bySpotify.has(sid)) missing &= ~(1 << SPOTIFY_COL);
    if (did !== null && this.byDeezer.has(did)) missing &= ~(1 << DEEZER_COL);
    return missing;
  }

  /** Plans filling the columns `ref` lacks from `t`, merging several inputs of one batch. */
  private fill(ref: TrackRef, t: CleanTrack, planned: Planned[], fills: Map<TrackRef, CleanTrack>) {
    const missing = this.missing(ref, t);
    if (missing === 0) return;
    const target = ref.id < 0 ? planned[-ref.id - 1]!.track : fills.get(ref) ?? { ...t, values: FILLABLE_COLUMNS.map(() => null) };
    for (let i = 0; i < FILLABLE_COLUMNS.length; i++) if (missing & (1 << i)) target.values[i] = t.values[i]!;
    if (ref.id > 0) fills.set(ref, target);
    ref.mask |= missing;
    const only = { ...t, values: t.values.map((v, i) => (missing & (1 << i) ? v : null)) };
    this.index(ref, only, false);
  }

  /** One SELECT per key kind for the identities the caches do not know. */
  private async load(conn: PoolConnection, batch: CleanTrack[]) {
    const unknown = <K>(col: number, map: Map<K, TrackRef>) => [
      ...new Set(batch.map((t) => t.values[col] as K | null).filter((v): v is K => v !== null && !map.has(v))),
    ];
    const lookups: [string, unknown[]][] = [
      ['spotify_id', unknown(SPOTIFY_COL, this.bySpotify)],
      ['deezer_id', unknown(DEEZER_COL, this.byDeezer)],
      ['isrc', unknown(ISRC_COL, this.byIsrc)],
      ['match_key', [...new Set(batch.map((t) => t.key).filter((k) => !this.byKey.has(k)))]],
    ];
    for (const [column, values] of lookups) {
      if (values.length === 0) continue;
      const [rows] = await conn.query<RowDataPacket[]>(`${SELECT_REFS} WHERE ${column} IN (?) ORDER BY id`, [values]);
      for (const row of rows) this.remember(row);
    }
  }

  private remember(row: RowDataPacket) {
    const ref = this.byId.get(row.id as number) ?? { id: row.id as number, mask: Number(row.known) };
    this.byId.set(ref.id, ref);
    if (row.spotify_id !== null && !this.bySpotify.has(row.spotify_id as string)) this.bySpotify.set(row.spotify_id as string, ref);
    if (row.deezer_id !== null && !this.byDeezer.has(Number(row.deezer_id))) this.byDeezer.set(Number(row.deezer_id), ref);
    if (row.isrc !== null && !this.byIsrc.has(row.isrc as string)) this.byIsrc.set(row.isrc as string, ref);
    if (!this.byKey.has(row.match_key as string)) this.byKey.set(row.match_key as string, ref);
  }

  /** Inserts planned tracks and their artists, then re-selects them by match key for their ids. */
  private async create(conn: PoolConnection, planned: Planned[]) {
    const credits = planned.flatMap((p) => p.track.artists);
    const artistIds = await this.artists.resolve(conn, credits);
    let at = 0;
    const artistsOf = planned.map((p) => p.track.artists.map(() => artistIds[at++]!));
    const rows = planned.map((p, i) => [p.track.key, p.track.title, p.track.artistNames, artistsOf[i]![0] ?? null, ...p.track.values]);
    await conn.query(`INSERT INTO tracks (${TRACK_COLUMNS.join(', ')}) VALUES ?`, [rows]);
    const [found] = await conn.query<RowDataPacket[]>('SELECT id, match_key FROM tracks WHERE match_key IN (?) ORDER BY id DESC', [
      planned.map((p) => p.track.key),
    ]);
    // Newest first: a key planned here had no row before this batch, so the one just inserted is it.
    const idByKey = new Map<string, number>();
    for (const r of found) if (!idByKey.has(r.match_key as string)) idByKey.set(r.match_key as string, r.id as number);
    for (const p of planned) {
      const id = idByKey.get(p.track.key);
      if (id === undefined) throw new Error(`track "${p.track.title}" was inserted but cannot be found again`);
      p.ref.id = id;
      this.byId.set(id, p.ref);
    }
    const links = planned.flatMap((p, i) => [...new Set(artistsOf[i])].map((artistId, pos) => [p.ref.id, artistId, pos]));
    await conn.query('INSERT IGNORE INTO track_artists (track_id, artist_id, position) VALUES ?', [links]);
  }

  /**
   * Fills missing columns of existing tracks in one statement: keyed by primary id,
   * so every row exists and only gains values (COALESCE keeps what is known).
   * The NOT NULL columns carry placeholders that the update never touches.
   */
  private async applyFills(conn: PoolConnection, fills: Map<TrackRef, CleanTrack>) {
    const rows = [...fills].map(([ref, t]) => [ref.id, '', '', '', ...t.values]);
    const updates = FILLABLE_COLUMNS.map((c) => `\`${c}\` = COALESCE(\`${c}\`, VALUES(\`${c}\`))`).join(', ');
    await conn.query(`INSERT INTO tracks (id, match_key, title, artist_names, ${FILLABLE_COLUMNS.join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ${updates}`, [rows]);
  }

  private clearCaches() {
    this.bySpotify.clear();
    this.byDeezer.clear();
    this.byIsrc.clear();
    this.byKey.clear();
    this.byId.clear();
    this.artists.clear();
  }
}
