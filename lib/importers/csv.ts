import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
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

/**
 * Streams a CSV file (plain or gzip, recognised by its magic bytes) record by
 * record in constant memory. Quoted fields may hold commas, quotes ("") and
 * newlines. A UTF-8 byte-order mark is dropped. Blank lines are skipped.
 */
export class CsvReader {
  /** Bytes of the file on disk read so far (compressed bytes for .gz), for progress. */
  bytesRead = 0;
  size = 0;

  constructor(readonly path: string) {}

  async *records(): AsyncGenerator<CsvRecord> {
    this.size = (await stat(this.path)).size;
    const gzip = await isGzip(this.path);
    // Everything below attaches synchronously: a 'data' listener starts the flow.
    const file = createReadStream(this.path, { highWaterMark: 1 << 16 });
    const text = gzip ? file.pipe(createGunzip()) : file;
    if (gzip) file.on('error', (err) => text.destroy(err));
    file.on('data', (chunk) => {
      this.bytesRead += chunk.length;
    });
    const lines = createInterface({ input: text, crlfDelay: Infinity });
    let lineNo = 0;
    let start = 0;
    let state: ParseState = { fields: [], field: '', inQuotes: false };
    try {
      for await (const raw of lines) {
        lineNo++;
        const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        if (!state.inQuotes) {
          if (line.trim() === '') continue;
          start = lineNo;
        }
        if (feed(state, line)) {
          yield { line: start, fields: state.fields };
          state = { fields: [], field: '', inQuotes: false };
        } else if (lineNo - start >= MAX_RECORD_LINES) {
          yield { line: start, fields: [], error: `quoted field still open after ${MAX_RECORD_LINES} lines (stray quote?)` };
          state = { fields: [], field: '', inQuotes: false };
        }
      }
      if (state.inQuotes) yield { line: start, fields: [], error: 'quoted field not closed before the end of the file' };
    } finally {
      lines.close();
      file.destroy();
    }
  }
}
