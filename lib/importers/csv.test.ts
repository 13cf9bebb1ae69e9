import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvReader, parseCsvLine, type CsvRecord } from './csv';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'csv-test-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function readAll(name: string, content: string | Buffer): Promise<CsvRecord[]> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const out: CsvRecord[] = [];
  for await (const chunk of new CsvReader(file).chunks()) out.push(...chunk);
  return out;
}

describe('parseCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c,', ['a', '', 'c', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"",x', ['', 'x']],
    ['ab"c,d', ['ab"c', 'd']],
    ['', ['']],
  ])('%s', (line, fields) => {
    expect(parseCsvLine(line)).toEqual(fields);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsvLine('"abc,d')).toThrow(/unterminated/);
  });
});

describe('CsvReader', () => {
  it('reads quoted newlines, CRLF, a BOM and blank lines, with start line numbers', async () => {
    const text = '\uFEFFh1,h2\r\n1,"multi\r\nline, with comma"\r\n\r\n2,"x ""q"""\r\n3,last';
    const records = await readAll('a.csv', text);
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['1', 'multi\nline, with comma'] },
      { line: 5, fields: ['2', 'x "q"'] },
      { line: 6, fields: ['3', 'last'] },
    ]);
  });

  it('reads gzip by its magic bytes, whatever the name', async () => {
    const records = await readAll('plain-name.csv', gzipSync('a,b\n1,2\n'));
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads a \\r\\n and a multi-byte character that the 64 KiB reads cut in two', async () => {
    const READ = 64 * 1024;
    const first = `a,${'x'.repeat(READ - 3)}\r\n`; // its \r is the read's last byte, its \n the next read's first
    const second = `b,${'y'.repeat(READ - 4)}é\r\n`; // the 2 bytes of "é" straddle the next boundary
    const records = await readAll('cut.csv', Buffer.from(`${first}${second}c,z\r\n`));
    expect(Buffer.byteLength(first)).toBe(READ + 1);
    expect(Buffer.byteLength(first + second.slice(0, -3))).toBe(2 * READ - 1);
    expect(records.map((r) => [r.line, r.fields[0], r.fields[1]!.slice(-1)])).toEqual([
      [1, 'a', 'x'],
      [2, 'b', 'é'],
      [3, 'c', 'z'],
    ]);
  });

  it.each([
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
    ['\r', 'CR'],
  ])('reads %j line ends in a file of many reads', async (eol, name) => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i},${'é🎵'.repeat(i % 7)}${'x'.repeat(i % 5)}`);
    const records = await readAll(`eol-${name}.csv`, lines.join(eol) + eol);
    expect(records).toHaveLength(20_000);
    records.forEach((r, i) => expect(r).toEqual({ line: i + 1, fields: [String(i), `${'é🎵'.repeat(i % 7)}${'x'.repeat(i % 5)}`] }));
  });

  it('reports a quote left open at the end of the file', async () => {
    const records = await readAll('b.csv', 'a,b\n1,"open\n2,3\n');
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not closed/) });
  });
});
