import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTotals } from '@/lib/ingest/totals';
import { importJob } from '@/lib/jobs/import';
import { EXIT, runJob } from '@/lib/jobs/run-job';
import { createTestDb, type TestDb } from '@/tests/support/test-db';
import { syntheticSpotifyId } from './synthetic-charts';
import { IMPORT_BATCH } from './run-import';

let t: TestDb;
let dir: string;
beforeAll(async () => {
  t = await createTestDb('importbatches');
  dir = await mkdtemp(path.join(tmpdir(), 'import-batches-'));
});
afterAll(async () => {
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

const REGIONS = Array.from({ length: Math.ceil(IMPORT_BATCH / 200) + 1 }, (_, i) => `${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
const line = (region: string, rank: number, song: number) => `2024-01-04,${region},${rank},spotify:track:${syntheticSpotifyId(song)},Artist ${song},Song ${song},L,1,1,1,${1000 + rank}`;

describe('import batches stored side by side', () => {
  it('writes a place listed at the end of one batch and the start of the next in file order, and re-imports without change', async () => {
    // Batch 1 ends on region aa's #1 (song 1); batch 2 opens with aa's #1 again (song 2), which must win.
    const lines = ['week,region,rank,uri,artist_names,track_name,source,peak_rank,previous_rank,weeks_on_chart,streams'];
    let song = 10;
    for (const region of REGIONS.slice(1)) for (let rank = 1; rank <= 200 && lines.length < IMPORT_BATCH; rank++) lines.push(line(region, rank, song++));
    lines.push(line('aa', 1, 1), line('aa', 1, 2));
    for (let rank = 2; rank <= 200; rank++) lines.push(line('aa', rank, song++));
    const file = path.join(dir, 'charts.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const run = () => runJob(importJob, importJob.input.parse({ format: 'spotify-charts', path: file }), { url: t.url, tty: false });

    expect((await run()).code).toBe(EXIT.done);
    const top = async () => {
      const [rows] = await t.pool.query<RowDataPacket[]>(
        "SELECT t.spotify_id FROM chart_entries e JOIN charts c ON c.id = e.chart_id JOIN tracks t ON t.id = e.track_id WHERE c.slug = 'spotify-weekly-aa' AND e.rank = 1",
      );
      return rows.map((r) => r.spotify_id);
    };
    expect(await top()).toEqual([syntheticSpotifyId(2)]);
    const once = await ingestTotals(t.pool);
    expect(once.chartEntries).toBe(lines.length - 2);
    expect((await run()).code).toBe(EXIT.done);
    expect(await ingestTotals(t.pool)).toEqual(once);
    expect(await top()).toEqual([syntheticSpotifyId(2)]);
  });
});
