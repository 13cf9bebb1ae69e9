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
  for await (const r of new CsvReader(file).records()) out.push(r);
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

  it('reports a quote left open at the end of the file', async () => {
    const records = await readAll('b.csv', 'a,b\n1,"open\n2,3\n');
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not closed/) });
  });
});
