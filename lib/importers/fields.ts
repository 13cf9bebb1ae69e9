import type { AudioFeatures } from '@/lib/ingest/types';

/** A data line that cannot be imported; the message says why (the driver adds file:line). */
export class BadLine extends Error {}

const norm = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, '_');

/** Column lookup by any of several names, as the many CSV dialects spell them. */
export class Header {
  private readonly index = new Map<string, number>();

  constructor(readonly names: string[]) {
    names.forEach((n, i) => {
      if (!this.index.has(norm(n))) this.index.set(norm(n), i);
    });
  }

  /** Position of the first alias present, or -1. */
  find(...aliases: string[]): number {
    for (const a of aliases) {
      const i = this.index.get(norm(a));
      if (i !== undefined) return i;
    }
    return -1;
  }

  /** Position of a required column; throws naming the aliases accepted. */
  need(what: string, ...aliases: string[]): number {
    const i = this.find(...aliases);
    if (i < 0) throw new Error(`no ${what} column (expected one of: ${aliases.join(', ')})`);
    return i;
  }
}

/** The trimmed field at `i`, or null when the column is absent or the field empty. */
export function text(fields: string[], i: number): string | null {
  if (i < 0) return null;
  const v = fields[i]?.trim();
  return v ? v : null;
}

/** A required non-empty field. */
export function required(fields: string[], i: number, what: string): string {
  const v = text(fields, i);
  if (v === null) throw new BadLine(`${what} is empty`);
  return v;
}

/** A number ("1,234.00" allowed), null when empty; a bad line when not a number. */
export function num(fields: string[], i: number, what: string): number | null {
  const v = text(fields, i);
  if (v === null) return null;
  const plain = Number(v); // the common case, without the checks below
  if (Number.isFinite(plain)) return plain;
  if (/^(nan|null|none|na)$/i.test(v)) return null;
  const n = Number(v.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new BadLine(`${what} "${v}" is not a number`);
  return n;
}

/** A positive integer such as a rank. */
export function positiveInt(fields: string[], i: number, what: string): number {
  const n = num(fields, i, what);
  if (n === null || !Number.isInteger(n) || n < 1) throw new BadLine(`${what} "${text(fields, i) ?? ''}" is not a positive whole number`);
  return n;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

/** Two-digit years: up to this year's two digits → 20yy, above → 19yy. */
const century = (y: string) => (y.length === 4 ? Number(y) : Number(y) + (Number(y) <= new Date().getUTCFullYear() % 100 ? 2000 : 1900));

/** Dates already read: a chart file repeats one date on every line of a chart. */
const knownDays = new Map<string, string | null>();
const MAX_KNOWN_DAYS = 10_000;

/** YYYY-MM-DD from "YYYY-MM-DD[…]", "M/D/YYYY" or "M/D/YY"; null for partial dates ("2019", "2019-06") or empty. */
export function day(value: string | null, what: string): string | null {
  if (value === null) return null;
  let known = knownDays.get(value);
  if (known === undefined) {
    known = parseDay(value, what);
    if (knownDays.size >= MAX_KNOWN_DAYS) knownDays.clear();
    knownDays.set(value, known);
  }
  return known;
}

function parseDay(value: string, what: string): string | null {
  if (/^\d{4}(-\d{2})?$/.test(value)) return null;
  let y: number, m: number, d: number;
  const iso = ISO_DAY.exec(value);
  const us = US_DAY.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [y, m, d] = [century(us[3]!), Number(us[1]), Number(us[2])];
  else throw new BadLine(`${what} "${value}" is not a date`);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw new BadLine(`${what} "${value}" is not a valid date`);
  return date.toISOString().slice(0, 10);
}

/** A required full date. */
export function requiredDay(value: string | null, what: string): string {
  const d = day(value, what);
  if (d === null) throw new BadLine(value === null ? `${what} is empty` : `${what} "${value}" is not a full date`);
  return d;
}

/** "true"/"false"/"1"/"0"/"yes"/"no" in any case; null when empty. */
export function bool(fields: string[], i: number, what: string): boolean | null {
  const v = text(fields, i)?.toLowerCase() ?? null;
  if (v === null) return null;
  if (['true', '1', 'yes', 't'].includes(v)) return true;
  if (['false', '0', 'no', 'f'].includes(v)) return false;
  throw new BadLine(`${what} "${v}" is not true/false`);
}

/** The 22-character id out of a bare id, a `spotify:track:` URI or an open.spotify.com URL. */
export function spotifyTrackId(value: string | null): string | null {
  if (value === null) return null;
  const m = /(?:^|track[:/])([0-9A-Za-z]{22})(?:$|[?/])/.exec(value.trim());
  return m ? m[1]! : null;
}

/** Items of a Python-style list ("['a', 'b']"), a ";"-separated list, or a single value. */
export function list(value: string | null): string[] {
  if (value === null) return [];
  const inner = value.trim().replace(/^\[(.*)\]$/s, '$1');
  const quoted = [...inner.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  if (quoted.length > 0) return quoted.map((s) => s.trim()).filter(Boolean);
  return inner
    .split(/\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Milliseconds from "m:ss" / "h:mm:ss" or a number of ms; null when empty. */
export function durationMs(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+(:\d{1,2}){1,2}$/.test(value)) return value.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) * 1000;
  const n = Number(value.replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new BadLine(`duration "${value}" is neither m:ss nor milliseconds`);
  return Math.round(n);
}

const PITCHES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
const FLATS: Record<string, string> = { Db: 'C#', Eb: 'D#', Gb: 'F#', Ab: 'G#', Bb: 'A#' };

/** Pitch class 0–11 from a number or a note name ("C#", "Db", "C#/Db"); null when empty. */
function pitch(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const note = value.split('/')[0]!.trim();
  const i = PITCHES.indexOf(FLATS[note] ?? note);
  if (i < 0) throw new BadLine(`key "${value}" is neither a number nor a note name`);
  return i;
}

const FEATURE_COLUMNS: [keyof AudioFeatures, string[]][] = [
  ['danceability', ['danceability']],
  ['energy', ['energy']],
  ['loudness', ['loudness']],
  ['mode', ['mode']],
  ['speechiness', ['speechiness']],
  ['acousticness', ['acousticness']],
  ['instrumentalness', ['instrumentalness']],
  ['liveness', ['liveness']],
  ['valence', ['valence']],
  ['tempo', ['tempo', 'bpm']],
  ['timeSignature', ['time_signature', 'time signature']],
];

/** Reads whichever audio-feature columns a header has; null when it has none. */
export function featureReader(h: Header): ((fields: string[]) => Partial<AudioFeatures>) | null {
  const cols = FEATURE_COLUMNS.map(([name, aliases]) => [name, h.find(...aliases)] as const).filter(([, i]) => i >= 0);
  const keyCol = h.find('key', 'chord', 'musical_key');
  if (cols.length === 0 && keyCol < 0) return null;
  return (fields) => {
    const out: Partial<AudioFeatures> = {};
    for (const [name, i] of cols) out[name] = num(fields, i, name);
    if (keyCol >= 0) out.key = pitch(text(fields, keyCol));
    return out;
  };
}
