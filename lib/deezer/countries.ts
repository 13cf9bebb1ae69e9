/**
 * Deezer's editorial "Top <country>" playlists (owner: Deezer charts, 100
 * tracks, refreshed by Deezer from that country's streams). The public API has
 * no per-country chart endpoint — `/chart/0` answers for the caller's own
 * location — so a country's top list is read as `/playlist/{id}/tracks`.
 * Ids checked against the public API's playlist titles (March 2026); a country
 * not listed here is configured as `cc:playlistId` in DEEZER_COUNTRIES.
 */
export const COUNTRY_TOP_PLAYLISTS: Readonly<Record<string, number>> = {
  us: 1313621735,
  gb: 1111142221,
  fr: 1109890291,
  de: 1111143121,
  br: 1111141961,
  mx: 1111142361,
  es: 1116190041,
  it: 1116187241,
  ca: 1652248171,
  au: 1313616925,
  jp: 1362508955,
};

/** Deezer's "Top Worldwide" playlist: the same chart wherever it is read from. */
export const WORLDWIDE_TOP_PLAYLIST = 3155776842;

/** One top list the Deezer source follows. */
export interface DeezerTopList {
  /** ISO 3166 alpha-2 in lower case, or `global`. */
  country: string;
  /** Playlist to read, or null for `/chart/0/tracks`. */
  playlistId: number | null;
}

/**
 * Parses DEEZER_COUNTRIES entries ("us", "gb", "nl:1266971851") into top
 * lists; `global` (always first, from `/chart/0/tracks`) is added once.
 */
export function parseTopLists(entries: readonly string[]): DeezerTopList[] {
  const lists: DeezerTopList[] = [{ country: 'global', playlistId: null }];
  for (const entry of entries) {
    const m = entry.trim().toLowerCase().match(/^([a-z]{2}|global)(?::(\d+))?$/);
    if (!m) throw new Error(`DEEZER_COUNTRIES: "${entry}" is not a country code (e.g. "us") or "cc:playlistId" (e.g. "nl:1266971851")`);
    const country = m[1]!;
    if (lists.some((l) => l.country === country)) continue;
    const playlistId = m[2] ? Number(m[2]) : COUNTRY_TOP_PLAYLISTS[country];
    if (playlistId === undefined) {
      throw new Error(`DEEZER_COUNTRIES: no known Deezer top list for "${country}"; give its playlist as "${country}:<playlistId>" (known: ${Object.keys(COUNTRY_TOP_PLAYLISTS).join(', ')})`);
    }
    lists.push({ country, playlistId });
  }
  return lists;
}
