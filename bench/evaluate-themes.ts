/**
 * Theme-set evaluation on real data (issue 5): imports ../shared/data with the project's importers
 * into scratch databases, then for each theme set prints the stratified k-fold CV accuracy beside
 * always-the-commonest-class, per-class precision and recall, the confusion matrix, and the seed
 * system's bar: under 10% misclassification on the set's four well-separated classes.
 * Skips a source whose folder is absent.
 *   npm run bench:themes [-- --data ../shared/data --folds 5 --epochs 40 --keep --reuse --prefix songcast_bench_themes --only mood,y2024,editorial,tidy]
 */
import { parseArgs } from 'node:util';
import { SOURCE_ARGS, withSources, type ImportStep } from './shared-data';

process.env.LOG_LEVEL ??= 'warn';
const { values } = parseArgs({
  options: {
    ...SOURCE_ARGS,
    folds: { type: 'string', default: '5' },
    epochs: { type: 'string', default: '40' },
  },
});

const TIDY: ImportStep = { format: 'catalog', folder: 'tidytuesday-spotify-songs-2020', date: '2020-01-21' };
const Y2024: ImportStep = { format: 'catalog', folder: 'spotify-playlist-tracks-2024', date: '2024-12-01' };
const MOODS: ImportStep = { format: 'catalog', folder: 'spotify-mood-labels' };

/** Each source database and the theme sets scored on it. The editorial playlists have no features: the catalogs give them. */
const SOURCES: { name: string; steps: ImportStep[]; sets: ('occasions' | 'editorial' | 'moods' | 'genres')[] }[] = [
  { name: 'mood', steps: [MOODS], sets: ['moods'] },
  { name: 'y2024', steps: [Y2024], sets: ['occasions'] },
  {
    name: 'editorial',
    steps: [
      { format: 'playlists', folder: 'spotify-editorial-playlists-2019-2021' },
      TIDY, Y2024, MOODS,
      { format: 'catalog', folder: 'spotify-top200-global-2020-2021', date: '2021-07-30' },
      { format: 'spotify-charts', folder: 'spotify-country-top200-2023-12-28' },
    ],
    sets: ['editorial'],
  },
  { name: 'tidy', steps: [TIDY], sets: ['occasions', 'genres'] },
];

const pct = (v: number | null) => (v === null ? '   –  ' : `${(100 * v).toFixed(1).padStart(5)}%`);

async function main() {
  const { loadThemeDataset, subsetDataset } = await import('@/lib/themes/theme-data');
  const { fourSeparated, THEME_SETS } = await import('@/lib/themes/theme-sets');
  const { crossValidateThemes } = await import('@/lib/themes/train-themes');
  const settings = { folds: Number(values.folds), epochs: Number(values.epochs), hidden: 16, seed: 1 };
  const summary: string[] = [];
  await withSources(SOURCES, values, 'songcast_bench_themes', async (source, db) => {
    for (const setName of source.sets) {
      const set = THEME_SETS[setName];
      const data = await loadThemeDataset(db, set);
      const title = `${set.name} on ${source.name}`;
      console.log(`\n== ${title}: ${data.labels.length} songs, classes ${data.classes.join(', ')}; left out: ${JSON.stringify(data.dropped)}, ties ${data.ambiguous}`);
      const started = performance.now();
      const { cv, majorityAccuracy } = await crossValidateThemes(data, settings);
      console.log(`${settings.folds}-fold CV accuracy ${pct(cv.accuracy)} (commonest class ${pct(majorityAccuracy)}) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const w = Math.max(9, ...data.classes.map((c) => c.length));
      console.log(`${'class'.padEnd(w)} precision  recall  support   confusion (rows actual, columns predicted: ${data.classes.join(' ')})`);
      data.classes.forEach((c, i) => {
        const s = cv.perClass[i]!;
        console.log(`${c.padEnd(w)} ${pct(s.precision)}    ${pct(s.recall)} ${String(s.support).padStart(7)}   ${cv.confusion[i]!.map((v) => String(v).padStart(5)).join(' ')}`);
      });
      const picked = fourSeparated(set, data.classes);
      if (picked.length < 4) {
        console.log(`four-theme bar: not measurable, only ${picked.length} of ${set.separated.join(', ')} have enough songs`);
        summary.push(`${title.padEnd(22)} all ${pct(cv.accuracy)}   four: not measurable (${picked.join(', ')})`);
        continue;
      }
      // When the four are all the classes, the bar is the run above.
      const four = picked.length === data.classes.length ? data : subsetDataset(data, picked);
      const fourCv = four === data ? { cv } : await crossValidateThemes(four, settings);
      const error = 1 - fourCv.cv.accuracy;
      console.log(`four-theme bar (${picked.join(', ')}; ${four.labels.length} songs): misclassification ${pct(error)} → ${error < 0.1 ? 'reaches' : 'misses'} < 10%`);
      console.log(`  confusion: ${fourCv.cv.confusion.map((r) => `[${r.join(' ')}]`).join(' ')}; recall ${fourCv.cv.perClass.map((s, i) => `${four.classes[i]} ${pct(s.recall)}`).join(', ')}`);
      summary.push(`${title.padEnd(22)} all ${pct(cv.accuracy)}   four (${picked.join(', ')}): error ${pct(error)} ${error < 0.1 ? 'REACHES' : 'misses'} < 10%`);
    }
  });
  console.log(`\nsummary (${settings.folds}-fold stratified CV, ${settings.epochs} epochs, seed 1)`);
  for (const line of summary) console.log(line);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
