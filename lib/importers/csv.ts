import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** One CSV record: the line it starts on (1-based), its fields, or why it could not be read. */
export interface CsvRecord {
  line: number;
  fields: string[];
  error?: string;
}

/** A quoted field left open this many lines is taken as a stray quote, not a multi-line value. */
const MAX_RECORD_LINES = 1_000;

interface ParseState {
  fields: string[];
  field: string;
  inQuotes: boolean;
}

/**
 * Continues an RFC-4180 record with one physical line. Returns true when the
 * record is complete; false when a quoted field runs on to the next line.
 * Lenient where files in the wild are: a quote inside an unquoted field is kept.
 */
function feed(state: ParseState, line: string): boolean {
  let i = 0;
  const n = line.length;
  if (state.inQuotes) state.field += '\n';
  else if (line.indexOf('"') < 0) {
    // Fast path: no quotes at all on a fresh record.
    const parts = line.split(',');
    if (state.fields.length === 0 && state.field === '') state.fields = parts;
    else {
      parts[0] = state.field + parts[0];
      state.fields.push(...parts);
    }
    state.field = '';
    return true;
  }
  while (i < n) {
    if (state.inQuotes) {
      const q = line.indexOf('"', i);
      if (q < 0) {
        state.field += line.slice(i);
        return false;
      }
      state.field += line.slice(i, q);
      if (line[q + 1] === '"') {
        state.field += '"';
        i = q + 2;
      } else {
        state.inQuotes = false;
        i = q + 1;
      }
    } else if (line[i] === '"' && state.field === '') {
      state.inQuotes = true;
      i++;
    } else {
      // Unquoted (or the rest of a field after its closing quote): up to the next comma, quotes kept.
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      state.field += line.slice(i, end);
      if (comma < 0) break;
      state.fields.push(state.field);
      state.field = '';
      i = comma + 1;
    }
  }
  if (state.inQuotes) return false;
  state.fields.push(state.field);
  state.field = '';
  return true;
}

/** Splits one complete CSV line (no embedded newlines) into fields. */
export function parseCsvLine(line: string): string[] {
  const state: ParseState = { fields: [], field: '', inQuotes: false };
  if (!feed(state, line)) throw new Error('unterminated quoted field');
  return state.fields;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits `buf` at line ends (\n, \r\n or a lone \r, as readline does) into `out` and returns where
 * the unfinished last line starts (a \r at the very end may be the first half of a \r\n). Each line
 * is decoded on its own (neither byte is ever part of a multi-byte UTF-8 character), so a field kept
 * for the whole file (a song's key) holds its line in memory, not the chunk it came in.
 */
function splitLines(buf: Buffer, out: string[]): number {
  let start = 0;
  let cr = buf.indexOf(CR);
  for (;;) {
    const lf = buf.indexOf(LF, start);
    if (cr >= 0 && cr < start) cr = buf.indexOf(CR, start);
    let end = lf;
    let next = lf + 1;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (cr === buf.length - 1) return start;
      end = cr;
      next = buf[cr + 1] === LF ? cr + 2 : cr + 1;
    } else if (lf < 0) return start;
    out.push(buf.toString('utf8', start, end));
    start = next;
  }
}

/**
 * Streams a CSV file (plain or gzip, recognised by its magic bytes) in constant
 * memory, as the records of each chunk read. Quoted fields may hold commas, quotes ("") and
 * newlines. A UTF-8 byte-order mark is dropped. Blank lines are skipped.
 */
export class CsvReader {
  /** Bytes of the file on disk read so far (compressed bytes for .gz), for progress. */
  bytesRead = 0;
  size = 0;

  constructor(readonly path: string) {}

  /** The file's records, a chunk's worth at a time (one await per chunk, not per record). */
  async *chunks(): AsyncGenerator<CsvRecord[]> {
    this.size = (await stat(this.path)).size;
    const gzip = await isGzip(this.path);
    const file = createReadStream(this.path, { highWaterMark: 1 << 16 });
    const input = gzip ? file.pipe(createGunzip()) : file;
    if (gzip) {
      file.on('error', (err) => input.destroy(err));
      file.on('data', (chunk) => {
        this.bytesRead += chunk.length;
      });
    }
    const lines: string[] = [];
    let rest: Buffer | null = null;
    let lineNo = 0;
    let start = 0;
    let state: ParseState = { fields: [], field: '', inQuotes: false };
    const records: CsvRecord[] = [];
    const read = (raw: string) => {
      lineNo++;
      const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (!state.inQuotes) {
        if (line.trim() === '') return;
        start = lineNo;
      }
      if (feed(state, line)) {
        records.push({ line: start, fields: state.fields });
        state = { fields: [], field: '', inQuotes: false };
      } else if (lineNo - start >= MAX_RECORD_LINES) {
        records.push({ line: start, fields: [], error: `quoted field still open after ${MAX_RECORD_LINES} lines (stray quote?)` });
        state = { fields: [], field: '', inQuotes: false };
      }
    };
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        if (!gzip) this.bytesRead += chunk.length;
        const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
        const end = splitLines(buf, lines);
        rest = end < buf.length ? buf.subarray(end) : null;
        for (const line of lines) read(line);
        lines.length = 0;
        if (records.length > 0) yield records.splice(0);
      }
      if (rest) read(rest.toString('utf8', 0, rest[rest.length - 1] === CR ? rest.length - 1 : rest.length));
      if (state.inQuotes) records.push({ line: start, fields: [], error: 'quoted field not closed before the end of the file' });
      if (records.length > 0) yield records;
    } finally {
      file.destroy();
      if (gzip) input.destroy();
    }
  }
}
