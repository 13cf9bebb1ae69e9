/**
 * What-if evaluation on real data (issue 5): imports catalogs from ../shared/data with the
 * project's importers into scratch databases, then per catalog trains the attributes model on the
 * earlier-released 80% and prints R² and MAE on the latest 20% beside the training mean and a
 * linear model, once with the artist's track record (mean popularity and count of the artist's
 * earlier releases) and once without it. Skips a catalog whose folder is absent.
 *   npm run bench:what-if [-- --data ../shared/data --epochs 25 --keep --reuse --prefix songcast_bench_whatif --only tidy,y2024,billboard]
 */
import { parseArgs } from 'node:util';
import { SOURCE_ARGS, withSources, type ImportStep } from './shared-data';

process.env.LOG_LEVEL ??= 'warn';
const { values } = parseArgs({
  options: {
    ...SOURCE_ARGS,
    epochs: { type: 'string', default: '25' },
  },
});

/** Each catalog with a popularity snapshot; the Hot 100 audio features fill the songs the Hot 100 file created (dated by their debut week). */
const SOURCES: { name: string; steps: ImportStep[] }[] = [
  { name: 'tidy', steps: [{ format: 'catalog', folder: 'tidytuesday-spotify-songs-2020', date: '2020-01-21' }] },
  { name: 'y2024', steps: [{ format: 'catalog', folder: 'spotify-playlist-tracks-2024', date: '2024-12-01' }] },
  {
    name: 'billboard',
    steps: [
      { format: 'billboard', folder: 'billboard-hot100-weekly' },
      { format: 'catalog', folder: 'billboard-hot100-audio-features', date: '2020-01-01' },
    ],
  },
];

const f3 = (v: number) => v.toFixed(3).padStart(7);
const f1 = (v: number) => v.toFixed(1).padStart(5);

async function main() {
  const { loadAttributesExamples } = await import('@/lib/attributes/attributes-data');
  const { trainAttributes } = await import('@/lib/attributes/train-attributes');
  const summary: string[] = [];
  await withSources(SOURCES, values, 'songcast_bench_whatif', async (source, db) => {
    const examples = await loadAttributesExamples(db);
    const withRecord = examples.filter((e) => (e.attributes.artistPriorSongs ?? 0) > 0).length;
    console.log(`\n== ${source.name}: ${examples.length} songs with every attribute and a popularity; ${withRecord} have earlier songs by their artist`);
    const variants = [
      { label: 'with artist record', rows: examples },
      { label: 'audio etc. only', rows: examples.map((e) => ({ ...e, attributes: { ...e.attributes, artistPriorMean: null, artistPriorSongs: null } })) },
    ];
    for (const v of variants) {
      const started = performance.now();
      const t = await trainAttributes(v.rows, { epochs: Number(values.epochs), seed: 1, target: 'popularity' });
      const shape = t.model.spec.hidden.length === 0 ? 'linear' : `network ${t.model.spec.hidden.join('×')}`;
      const line = `R² ${f3(t.metrics.r2)} MAE ${f1(t.metrics.mae)} | mean R² ${f3(t.baselines.mean.r2)} MAE ${f1(t.baselines.mean.mae)} | linear R² ${f3(t.baselines.linear.r2)} MAE ${f1(t.baselines.linear.mae)}`;
      console.log(`${v.label.padEnd(19)} ${line} | ${shape}, 80% interval held ${(100 * t.metrics.coverage80).toFixed(0)}%, p95 ${t.metrics.inferenceMs.p95?.toFixed(2)} ms`);
      console.log(`${''.padEnd(19)} train ${t.trainRows} songs released before ${t.cutoff}, test ${t.testRows} from it (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      summary.push(`${source.name.padEnd(10)} ${v.label.padEnd(19)} ${line}`);
      t.model.network.dispose();
    }
  });
  console.log(`\nsummary (release-date split: latest 20% held out; ${values.epochs} epochs, seed 1)`);
  for (const line of summary) console.log(line);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
