import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface SyntheticChartsOptions {
  weeks: number;
  regions: string[];
  /** Places per chart (200 on Spotify Charts). */
  size?: number;
  firstWeek?: string;
  seed?: number;
}

/** Small deterministic PRNG (mulberry32), so fixtures are the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable fake 22-character Spotify id for song `n`. */
export const syntheticSpotifyId = (n: number) => `syn${n.toString(36).padStart(19, '0')}`;

/**
 * Writes a charts.spotify.com-style CSV with `week,region` columns: `weeks` ×
 * `regions` charts of `size` places, songs drifting through a sliding pool so
 * they chart for several weeks and in several regions. Returns the data rows written.
 */
export async function writeSyntheticCharts(file: string, opts: SyntheticChartsOptions): Promise<number> {
  const size = opts.size ?? 200;
  const rnd = random(opts.seed ?? 1);
  const start = Date.parse(`${opts.firstWeek ?? '2023-01-05'}T00:00:00Z`);
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('week,region,rank,uri,artist_names,track_name,source,peak_rank,previous_rank,weeks_on_chart,streams\n');
  let rows = 0;
  for (let w = 0; w < opts.weeks; w++) {
    const week = new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10);
    for (const [r, region] of opts.regions.entries()) {
      const base = w * Math.ceil(size / 10) + r * 3;
      const picked = new Set<number>();
      const lines: string[] = [];
      for (let rank = 1; rank <= size; rank++) {
        let n: number;
        do n = base + Math.floor(rnd() * size * 2);
        while (picked.has(n));
        picked.add(n);
        const credit = n % 5 === 0 ? `"Artist ${n % 997}, Guest ${n % 13}"` : `Artist ${n % 997}`;
        const streams = Math.round(2_000_000 / rank + rnd() * 1000);
        lines.push(`${week},${region},${rank},spotify:track:${syntheticSpotifyId(n)},${credit},Song ${n},Label,${rank},${rank + 1},${1 + (w % 9)},${streams}\n`);
      }
      await write(lines.join(''));
      rows += size;
    }
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
