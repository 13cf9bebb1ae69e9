import { createHash } from 'node:crypto';

/** Longest key that fits the varchar(255) `match_key` / `name_key` columns. */
const MAX_KEY = 255;

// Parenthesised or bracketed asides that name the same recording differently.
const FEATURE_WORDS = String.raw`(?:feat\.?|ft\.?|featuring|with|duet with)`;
const SAME_RECORDING = String.raw`(?:(?:\d{4}\s+)?(?:digital(?:ly)?\s+)?remaster(?:ed)?(?:\s+(?:version|\d{4}))?(?:\s+\d{4})?|radio edit|radio version|single edit|single version|album version|original version|edit|explicit(?: version)?|clean(?: version)?|bonus track|mono|stereo)`;
const BRACKETED_FEATURE = new RegExp(String.raw`[([{]\s*${FEATURE_WORDS}\s[^)\]}]*[)\]}]`, 'giu');
const BRACKETED_SAME = new RegExp(String.raw`[([{]\s*${SAME_RECORDING}\s*[)\]}]`, 'giu');
// " - Remastered 2011", " - 2015 Remaster", " - Radio Edit", " - feat. X": a dash suffix of that kind, to the end.
const DASH_SAME = new RegExp(String.raw`\s[-–—]\s+(?:${SAME_RECORDING}|${FEATURE_WORDS}\s.*)\s*$`, 'iu');
// A bare "feat. X" at the end of a title (no brackets).
const BARE_FEATURE = /\s(?:feat\.?|ft\.?|featuring)\s.*$/iu;

/**
 * Lower case, accents and punctuation removed, "&" read as "and", apostrophes
 * dropped ("Don’t" = "dont"), whitespace collapsed. Letters of every script are kept.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´‘]/g, '')
    .replace(/&|\+/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The part of a title that names the song: drops featured artists ("(feat. X)",
 * "(with X)", "feat. X"), and suffixes that name the same recording
 * ("- Remastered 2011", "(Radio Edit)", "- Bonus Track"), then normalises like
 * {@link normalizeName}. Remixes, live and acoustic versions stay distinct.
 * Falls back to the plainly normalised title when stripping leaves nothing.
 */
export function normalizeTitle(title: string): string {
  let t = title;
  let before: string;
  do {
    before = t;
    t = t.replace(BRACKETED_FEATURE, ' ').replace(BRACKETED_SAME, ' ').replace(DASH_SAME, '');
  } while (t !== before);
  t = t.replace(BARE_FEATURE, '');
  return normalizeName(t) || normalizeName(title) || title.trim().toLowerCase();
}

// Acts whose names contain a separator and that sources credit as one artist.
const COMMA_ACTS = [
  'Tyler, The Creator',
  'Earth, Wind & Fire',
  'Crosby, Stills, Nash & Young',
  'Crosby, Stills & Nash',
  'Emerson, Lake & Palmer',
  'Blood, Sweat & Tears',
  'Peter, Paul and Mary',
  'Peter, Paul & Mary',
  'Now, Now',
];
const COMMA_ACT_RES = COMMA_ACTS.map((name) => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'));
const FEATURE_SPLIT = /\s+(?:feat\.?|ft\.?|featuring|with|duet with)\s+|\s+[(\[](?:feat\.?|ft\.?|featuring|with)\s+/iu;
const LIST_SPLIT = /\s*[,;]\s*|\s+x\s+|\s+×\s+/u;
const PLACEHOLDER = '\u0000';

/**
 * Splits a display credit into artist names, primary first.
 *
 * Rule: split on "feat."/"ft."/"featuring"/"with", on "," and ";", and on a
 * lower-case " x " ("A x B"). "&" and "and" split only inside the featured part
 * ("A feat. B & C"), because in a main credit they are usually part of one act's
 * name ("Simon & Garfunkel", "Hootie & The Blowfish"). A few well-known acts
 * whose names contain a comma ("Earth, Wind & Fire", "Tyler, The Creator") are
 * kept whole. Duplicates are removed; empty parts dropped.
 */
export function splitArtists(credit: string): string[] {
  return [...memoSplit(credit)];
}

const memoSplit = memo(splitUncached);

function splitUncached(credit: string): string[] {
  const saved: string[] = [];
  let text = credit;
  for (const re of COMMA_ACT_RES) {
    text = text.replace(re, (m) => `${PLACEHOLDER}${saved.push(m) - 1}${PLACEHOLDER}`);
  }
  const restore = (s: string) => s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => saved[Number(i)] ?? '');
  const featureAt = text.search(FEATURE_SPLIT);
  const main = featureAt < 0 ? text : text.slice(0, featureAt);
  const featured = featureAt < 0 ? '' : text.slice(featureAt).replace(FEATURE_SPLIT, '').replace(/[)\]]\s*$/, '');
  const parts = [
    ...main.split(LIST_SPLIT),
    ...featured.split(FEATURE_SPLIT).flatMap((p) => p.split(/\s*[,;]\s*|\s+&\s+|\s+and\s+|\s+x\s+|\s+×\s+/u)),
  ];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of parts) {
    const name = restore(raw).trim();
    const key = normalizeName(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * The artist part of a match key: the primary credit cut at its first "&"/"and",
 * because sources disagree on whether "A & B" is one credit or two.
 */
function keyArtist(primaryArtist: string): string {
  const name = normalizeName(primaryArtist);
  const cut = name.replace(/^(?:the )?/, '').split(' and ')[0] ?? name;
  return cut.trim() || name;
}

/** Shortens a key to the column width, keeping it unique with a hash of the whole. */
export function fitKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  const hash = createHash('sha1').update(key).digest('hex').slice(0, 16);
  return `${key.slice(0, MAX_KEY - 17)}~${hash}`;
}

/** Chart files repeat the same songs week after week: remember recent answers (bounded). */
function memo<T>(f: (arg: string) => T, max = 50_000): (arg: string) => T {
  const seen = new Map<string, T>();
  return (arg) => {
    let v = seen.get(arg);
    if (v === undefined) {
      if (seen.size >= max) seen.clear();
      v = f(arg);
      seen.set(arg, v);
    }
    return v;
  };
}

const memoKey = memo((pair) => {
  const cut = pair.indexOf('\u0000');
  return fitKey(`${normalizeTitle(pair.slice(0, cut))}|${keyArtist(pair.slice(cut + 1))}`);
});

/**
 * The last-resort identity of a song: normalised title + primary artist, so two
 * songs that only share a title never get the same key. Fits varchar(255).
 */
export function matchKey(title: string, primaryArtist: string): string {
  return memoKey(`${title}\u0000${primaryArtist}`);
}

/** The identity of an artist without a Spotify id (artists.name_key). */
export function artistKey(name: string): string {
  return fitKey(normalizeName(name) || name.trim().toLowerCase());
}
