import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDb } from '@/tests/api/app-db';
import { apiGet } from '@/tests/api/call';
import type { TestDb } from '@/tests/support/test-db';
import { ALL_HOSTILE, HUGE_PAGE_SIZES, SQL_INJECTION } from './hostile-values';
import { tableChecksums } from './table-checksums';

let app: { t: TestDb; close(): Promise<void> };
beforeAll(async () => {
  app = await openAppDb('hostile');
});
afterAll(async () => app?.close());

// Every query parameter of every endpoint; `q` is free text, so a hostile value there may rightly answer 200.
const QUERY_INPUTS: [path: string, param: string][] = [
  ['/songs', 'q'], ['/songs', 'limit'], ['/songs', 'cursor'],
  ['/songs/1', 'chart'],
  ['/forecasts', 'chart'], ['/forecasts', 'horizon'], ['/forecasts', 'minChance'], ['/forecasts', 'sort'],
  ['/forecasts', 'dir'], ['/forecasts', 'limit'], ['/forecasts', 'cursor'],
  ['/charts/test-weekly-global/weeks', 'limit'], ['/charts/test-weekly-global/weeks', 'cursor'],
  ['/models', 'kind'],
];
const FREE_TEXT = new Set(['/songs q']);
// Hostile-list values that happen to be valid for a parameter.
const VALID_BY_CHANCE: Record<string, string[]> = { '/forecasts minChance': ['0'] };
const PATH_INPUTS = ['/songs/{}', '/charts/{}/weeks'];
const ENDPOINTS = ['/songs', '/songs/1', '/forecasts', '/charts', '/charts/test-weekly-global/weeks', '/models'];

function requests(): { url: string; mayAnswer200: boolean }[] {
  const list: { url: string; mayAnswer200: boolean }[] = [];
  for (const [path, param] of QUERY_INPUTS) {
    for (const value of ALL_HOSTILE) {
      // A valid free-text search is fine to answer.
      const key = `${path} ${param}`;
      const mayAnswer200 = (FREE_TEXT.has(key) && value.trim().length >= 1 && value.trim().length <= 100) || (VALID_BY_CHANCE[key] ?? []).includes(value);
      list.push({ url: `${path}?${new URLSearchParams({ [param]: value })}`, mayAnswer200 });
    }
  }
  for (const template of PATH_INPUTS) {
    for (const value of [...SQL_INJECTION, '0', '-1', '1.5', 'a'.repeat(300), '%00', '99999999999']) {
      list.push({ url: template.replace('{}', encodeURIComponent(value)), mayAnswer200: false });
    }
  }
  for (const path of ENDPOINTS) {
    const glue = path.includes('?') ? '&' : '?';
    for (const extra of ['debug=1', 'page=2', 'offset=0', 'sql=SELECT%201', '__proto__=x', 'constructor=x', 'q[]=a', `${'k'.repeat(3000)}=1`]) {
      list.push({ url: `${path}${glue}${extra}`, mayAnswer200: false });
    }
    for (const size of HUGE_PAGE_SIZES) list.push({ url: `${path}${glue}limit=${size}`, mayAnswer200: false });
  }
  return list;
}

describe('hostile inputs to /api/v1', () => {
  it('answer 4xx (200 only for valid free text), never 5xx, and change no row', async () => {
    const before = await tableChecksums(app.t.url);
    const tally = { tried: 0, '2xx': 0, '4xx': 0, '5xx': 0 };
    const wrong: string[] = [];
    for (const { url, mayAnswer200 } of requests()) {
      const response = await apiGet(url);
      const body = (await response.json()) as { error?: { code: string; message: string } };
      tally.tried += 1;
      const klass = `${String(response.status)[0]}xx` as '2xx' | '4xx' | '5xx';
      tally[klass] = (tally[klass] ?? 0) + 1;
      const ok = response.status >= 400 && response.status < 500 ? typeof body.error?.message === 'string' : response.status === 200 && mayAnswer200;
      if (!ok) wrong.push(`${response.status} ${url.slice(0, 120)}`);
    }
    console.log(`hostile API inputs: ${JSON.stringify(tally)}`);
    expect(wrong).toEqual([]);
    expect(tally['5xx']).toBe(0);
    expect(tally.tried).toBeGreaterThan(400);
    expect(await tableChecksums(app.t.url)).toEqual(before);
  });

  it('searches for injection text literally: no match, not every row', async () => {
    for (const value of SQL_INJECTION) {
      const body = (await (await apiGet(`/songs?${new URLSearchParams({ q: value })}`)).json()) as { data: unknown[] };
      expect(body.data, value).toEqual([]);
    }
  });
});
