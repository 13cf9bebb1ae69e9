import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { artistKey } from '@/lib/tracks/match-key';

export interface ArtistRef {
  name: string;
  spotifyId: string | null;
}

interface NameEntry {
  /** Lowest id with this name. */
  any: number;
  /** Lowest id with this name and no Spotify id yet (one a Spotify id may be given to). */
  unlinked: number | null;
}

/**
 * Finds or creates artists, batched: by Spotify id, else by normalised name.
 * An input with a Spotify id takes over a same-named artist that has none;
 * it never joins a same-named artist that has a different Spotify id.
 */
export class ArtistResolver {
  // Mirrors of database rows only; cleared when a transaction rolls back.
  private readonly bySpotify = new Map<string, number>();
  private readonly byName = new Map<string, NameEntry>();

  /** Ids of `refs` (same order), inside the caller's transaction. */
  async resolve(conn: PoolConnection, refs: ArtistRef[]): Promise<number[]> {
    await this.load(conn, refs);
    const out: number[] = new Array<number>(refs.length);
    const creates = new Map<string, { ref: ArtistRef; key: string }>();
    const links: [number, string][] = [];
    const missing: number[] = [];
    refs.forEach((ref, i) => {
      const key = artistKey(ref.name);
      const id = this.lookup(ref, key, links);
      if (id !== undefined) out[i] = id;
      else {
        missing.push(i);
        const dedupe = ref.spotifyId ?? `name:${key}`;
        if (!creates.has(dedupe)) creates.set(dedupe, { ref, key });
      }
    });
    if (links.length > 0) {
      // Keyed by primary id, so each row only gains its Spotify id; other columns are placeholders.
      await conn.query(
        'INSERT INTO artists (id, name_key, name, spotify_id) VALUES ? ON DUPLICATE KEY UPDATE spotify_id = COALESCE(spotify_id, VALUES(spotify_id))',
        [links.map(([id, sid]) => [id, '', '', sid])],
      );
    }
    // A name-only credit joins an artist this batch creates with a Spotify id under the same name.
    const linkedKeys = new Set([...creates.values()].filter((c) => c.ref.spotifyId).map((c) => c.key));
    // A Spotify id linked to an existing artist later in the pass ("LeeHi" created, "LEE HI" linked) needs no row.
    const toCreate = [...creates.values()].filter((c) => (c.ref.spotifyId ? !this.bySpotify.has(c.ref.spotifyId) : !linkedKeys.has(c.key)));
    if (toCreate.length > 0) await this.create(conn, toCreate);
    for (const i of missing) {
      const ref = refs[i]!;
      const id = this.lookup(ref, artistKey(ref.name), links);
      if (id === undefined) throw new Error(`artist "${ref.name}" was inserted but cannot be found again`);
      out[i] = id;
    }
    return out;
  }

  /** How many entries the caches hold. */
  get size(): number {
    return this.bySpotify.size + this.byName.size;
  }

  /** Forgets everything (after a rollback, or to bound memory). */
  clear(): void {
    this.bySpotify.clear();
    this.byName.clear();
  }

  private lookup(ref: ArtistRef, key: string, links: [number, string][]): number | undefined {
    const named = this.byName.get(key);
    if (ref.spotifyId) {
      const id = this.bySpotify.get(ref.spotifyId);
      if (id !== undefined) return id;
      if (named?.unlinked == null) return undefined;
      const linked = named.unlinked;
      links.push([linked, ref.spotifyId]);
      this.bySpotify.set(ref.spotifyId, linked);
      this.byName.set(key, { any: named.any, unlinked: null });
      return linked;
    }
    return named?.any;
  }

  /** One SELECT per key kind for what the caches do not know yet. */
  private async load(conn: PoolConnection, refs: ArtistRef[]) {
    const sids = [...new Set(refs.flatMap((r) => (r.spotifyId && !this.bySpotify.has(r.spotifyId) ? [r.spotifyId] : [])))];
    const keys = [...new Set(refs.map((r) => artistKey(r.name)).filter((k) => !this.byName.has(k)))];
    if (sids.length > 0) {
      const [rows] = await conn.query<RowDataPacket[]>('SELECT id, spotify_id FROM artists WHERE spotify_id IN (?)', [sids]);
      for (const r of rows) this.bySpotify.set(r.spotify_id as string, r.id as number);
    }
    if (keys.length > 0) await this.loadNames(conn, keys);
  }

  private async loadNames(conn: PoolConnection, keys: string[]) {
    const [rows] = await conn.query<RowDataPacket[]>(
      'SELECT id, name_key, spotify_id FROM artists WHERE name_key IN (?) ORDER BY id',
      [keys],
    );
    const found = new Map<string, NameEntry>();
    for (const r of rows) {
      const key = r.name_key as string;
      const entry = found.get(key) ?? { any: r.id as number, unlinked: null };
      if (entry.unlinked === null && r.spotify_id === null) entry.unlinked = r.id as number;
      found.set(key, entry);
    }
    for (const [key, entry] of found) this.byName.set(key, entry);
  }

  /** Inserts, then re-selects by natural key (auto-increment ids need not be consecutive). */
  private async create(conn: PoolConnection, items: { ref: ArtistRef; key: string }[]) {
    await conn.query('INSERT INTO artists (spotify_id, name_key, name) VALUES ?', [
      items.map(({ ref, key }) => [ref.spotifyId, key, ref.name]),
    ]);
    const sids = items.flatMap(({ ref }) => (ref.spotifyId ? [ref.spotifyId] : []));
    if (sids.length > 0) {
      const [rows] = await conn.query<RowDataPacket[]>('SELECT id, spotify_id FROM artists WHERE spotify_id IN (?)', [sids]);
      for (const r of rows) this.bySpotify.set(r.spotify_id as string, r.id as number);
    }
    const unlinked = items.filter(({ ref }) => !ref.spotifyId).map(({ key }) => key);
    if (unlinked.length > 0) await this.loadNames(conn, unlinked);
    for (const { ref, key } of items) {
      const id = ref.spotifyId ? this.bySpotify.get(ref.spotifyId) : undefined;
      if (id !== undefined && !this.byName.get(key)) this.byName.set(key, { any: id, unlinked: null });
    }
  }
}
