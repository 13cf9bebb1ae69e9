/** Escapes LIKE's wildcards so `text` matches literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** LIKE pattern that matches `text` literally anywhere in a value. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** LIKE pattern that matches values starting with `text`. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

/** Raw SQL aggregates come back as Date or string depending on driver settings: normalise to YYYY-MM-DD. */
export function toIsoDate(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
