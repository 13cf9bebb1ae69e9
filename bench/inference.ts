/**
 * Inference latency of the theme and what-if models (issue 5, goal p95 < 20 ms), with the active
 * models of DATABASE_URL (train them first: `job train-theme`, `job train-attributes`):
 * in-process, the model alone and the way the pages call it (registry lookup + cached model + predict), and with
 * --url also through a running server (GET /what-if with a song's attributes answers on the server).
 * Prints median and p95 per call.
 *   DATABASE_URL=… npm run bench:inference [-- --calls 500 --url http://127.0.0.1:3000]
 */
import { parseArgs } from 'node:util';

process.env.LOG_LEVEL ??= 'warn';
const { values } = parseArgs({ options: { calls: { type: 'string', default: '500' }, url: { type: 'string' } } });
const CALLS = Number(values.calls);

async function time(label: string, call: (i: number) => Promise<unknown>) {
  const { percentile } = await import('@/lib/themes/cv');
  for (let i = 0; i < 20; i++) await call(i); // warm-up: model load, JIT
  const ms: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call(i);
    ms.push(performance.now() - started);
  }
  const p50 = percentile(ms, 50)!;
  const p95 = percentile(ms, 95)!;
  console.log(`${label.padEnd(52)} median ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   ${p95 < 20 ? 'meets' : 'misses'} < 20 ms`);
}

async function main() {
  if (!Number.isInteger(CALLS) || CALLS < 20) throw new Error('--calls must be a whole number ≥ 20');
  const { createDb } = await import('@/lib/db/client');
  const { classifyThemes } = await import('@/lib/themes/classify');
  const { answerWhatIf } = await import('@/lib/attributes/what-if');
  const { songWhatIf, whatIfQuery } = await import('@/lib/attributes/song-what-if');
  const { getActiveTheme } = await import('@/lib/themes/theme-registry');
  const { getActiveAttributes } = await import('@/lib/attributes/attributes-registry');
  const { getActiveVersions } = await import('@/lib/models/active-versions');
  const { getSong } = await import('@/lib/queries/songs');
  const { tracks } = await import('@/lib/db/schema');
  const { isNotNull, and } = await import('drizzle-orm');
  const handle = createDb({ connectionLimit: 2 });
  try {
    const db = handle.db;
    const [theme, attrs] = await Promise.all([getActiveTheme(db), getActiveAttributes(db)]);
    if (!theme || !attrs) throw new Error('train a theme and a what-if model in this database first');
    const ids = await db
      .select({ id: tracks.id })
      .from(tracks)
      .where(and(isNotNull(tracks.danceability), isNotNull(tracks.releaseDate), isNotNull(tracks.key), isNotNull(tracks.durationMs)))
      .limit(200);
    if (ids.length === 0) throw new Error('no song with audio features and a release date');
    const songs = (await Promise.all(ids.map(({ id }) => getSong(db, id)))).filter((song) => song !== null);
    const features = (i: number) => ({ danceability: 0.3 + (i % 7) / 10, energy: 0.6, valence: 0.5, tempo: 90 + (i % 60), loudness: -6, acousticness: 0.2, speechiness: 0.05, instrumentalness: 0 });
    console.log(`theme model v${theme.version}, what-if model v${attrs.version}; ${CALLS} calls each after 20 warm-up calls`);
    const { sql } = await import('drizzle-orm');
    // What one query costs on this machine right now: the pages' calls make one to three.
    await time('database round trip (SELECT 1)', () => db.execute(sql`SELECT 1`));
    const { loadThemeModel } = await import('@/lib/themes/theme-registry');
    const { predictThemes } = await import('@/lib/themes/theme-model');
    const { THEME_FEATURES } = await import('@/lib/themes/occasions');
    const themeModel = await loadThemeModel(db, theme.id);
    await time('theme: model only (cached model, one song)', (i) => predictThemes(themeModel, Float32Array.from(THEME_FEATURES.map((f) => features(i)[f.name])), 1));
    await time('theme: classify typed features (/themes form)', (i) => classifyThemes(db, features(i)));
    const { loadAttributesModel } = await import('@/lib/attributes/attributes-registry');
    const { predictPopularity } = await import('@/lib/attributes/attributes-model');
    const { attributeRow } = await import('@/lib/attributes/attributes');
    const attrsModel = await loadAttributesModel(db, attrs.id);
    // As the song page asks: the active version (one read, shared with the theme mix there), then the answer.
    const songPageWhatIf = async (i: number) => songWhatIf(db, songs[i % songs.length]!, (await getActiveVersions(db, ['attributes'])).get('attributes'));
    const probe = await songPageWhatIf(0);
    if (probe.state !== 'ok') throw new Error(`song ${songs[0]!.id}: ${probe.state}`);
    const { whatIfSchema } = await import('@/lib/attributes/what-if');
    const attributes = whatIfSchema.parse(Object.fromEntries(new URLSearchParams(probe.query)));
    await time('what-if: model only (cached model, one song)', (i) => predictPopularity(attrsModel, Float32Array.from(attributeRow({ ...attributes, tempo: 90 + (i % 60) }, attrsModel.spec.genres)), 1));
    await time('what-if: one song from the catalog (song page)', songPageWhatIf);
    await time('what-if: answer + 10 sensitivity sweeps (/what-if form)', (i) => answerWhatIf(db, { ...attributes, tempo: 90 + (i % 60) }));
    if (values.url) {
      const target = `${values.url.replace(/\/$/, '')}/what-if?${whatIfQuery(attributes)}`;
      await time(`HTTP GET /what-if?<attributes> (whole page)`, async () => {
        const res = await fetch(target);
        if (!res.ok) throw new Error(`${target}: HTTP ${res.status}`);
        await res.text();
      });
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
