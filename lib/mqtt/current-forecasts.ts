/**
 * The current forecast set as MQTT messages: for each chart its latest as-of,
 * for each (song, chart) the forecasts at that as-of of the active model, else
 * of the newest model that made some (as the song page shows them), and one
 * message per song.
 *
 * A song trending on several charts gets one topic. Its main chart (top level
 * of the payload) is the global chart when it has a forecast there, else the
 * chart where its chance of still charting at the nearest horizon is highest
 * (ties: chart slug); its other charts ride along in `other_charts`.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { charts, forecastPublications, forecasts, models, tracks } from '@/lib/db/schema';
import { encodePayload, FORECAST_SCHEMA, forecastPayload, toChartForecast, type SummaryPayload } from './payloads';
import type { Topics } from './topics';
import { forecastHorizonColumns } from '@/lib/queries/forecast-columns';

export interface ForecastMessage {
  trackId: number;
  topic: string;
  payload: string;
  /** SHA-256 (hex) of the payload, compared with what the broker was last sent. */
  payloadSha256: string;
  schema: string;
  modelVersion: number;
  /** The rows the payload carries that no broker has acknowledged yet: marked published on the PUBACK. */
  forecastIds: number[];
  /** True when there are such rows. */
  unpublished: boolean;
}

export interface CurrentForecasts {
  messages: ForecastMessage[];
  /** Per chart: as-of, model version and song count, for the summary. */
  charts: SummaryPayload['charts'];
}

type Row = Awaited<ReturnType<typeof selectCurrentRows>>[number];

/** Forecast rows at each chart's latest as-of, with what the payload shows. */
function selectCurrentRows(db: Db) {
  const latest = db
    .select({ chartId: forecasts.chartId, asOf: sql<string>`max(${forecasts.asOf})`.as('latest_as_of') })
    .from(forecasts)
    .groupBy(forecasts.chartId)
    .as('latest');
  return db
    .select({
      id: forecasts.id,
      trackId: forecasts.trackId,
      chartId: forecasts.chartId,
      asOf: forecasts.asOf,
      ...forecastHorizonColumns,
      publishedAt: forecastPublications.publishedAt,
      modelVersion: models.version,
      modelActive: sql<number>`${models.status} = 'active'`,
      spotifyId: tracks.spotifyId,
      title: tracks.title,
      artistNames: tracks.artistNames,
      slug: charts.slug,
      country: charts.country,
    })
    .from(forecasts)
    .innerJoin(latest, and(eq(latest.chartId, forecasts.chartId), eq(forecasts.asOf, latest.asOf)))
    .innerJoin(models, and(eq(models.id, forecasts.modelId), eq(models.kind, 'forecast')))
    .innerJoin(tracks, eq(tracks.id, forecasts.trackId))
    .innerJoin(charts, eq(charts.id, forecasts.chartId))
    .leftJoin(forecastPublications, eq(forecastPublications.forecastId, forecasts.id));
}

/** A song's forecast rows on one chart, from one model only. */
interface ChartGroup {
  rows: Row[];
  version: number;
  /** Active model first, then the newest version. */
  rank: number;
}

const rankOf = (row: Row) => (Number(row.modelActive) ? 1e9 : 0) + row.modelVersion;

/** Global first, then the highest chance of still charting at the nearest horizon, then slug. */
function mainFirst(a: ChartGroup, b: ChartGroup): number {
  const [ra, rb] = [a.rows[0]!, b.rows[0]!];
  const globalA = ra.country === 'global' ? 0 : 1;
  const globalB = rb.country === 'global' ? 0 : 1;
  if (globalA !== globalB) return globalA - globalB;
  const nearest = (g: ChartGroup) => g.rows.reduce((n, r) => (r.horizonWeeks < n.horizonWeeks ? r : n)).pCharting;
  const byChance = nearest(b) - nearest(a);
  if (byChance !== 0) return byChance;
  return ra.slug < rb.slug ? -1 : ra.slug > rb.slug ? 1 : 0;
}

const toChart = (g: ChartGroup) => {
  const first = g.rows[0]!;
  return toChartForecast({ slug: first.slug, country: first.country }, first.asOf, g.version, g.rows);
};

/** Builds the current messages (all of them; the caller picks the unpublished ones) and per-chart counts. */
export async function listCurrentForecasts(db: Db, topics: Topics): Promise<CurrentForecasts> {
  const rows = await selectCurrentRows(db);
  const byTrack = new Map<number, Map<number, ChartGroup>>();
  for (const row of rows) {
    let perChart = byTrack.get(row.trackId);
    if (!perChart) byTrack.set(row.trackId, (perChart = new Map()));
    const group = perChart.get(row.chartId);
    const rank = rankOf(row);
    if (!group || rank > group.rank) perChart.set(row.chartId, { rows: [row], version: row.modelVersion, rank });
    else if (rank === group.rank) group.rows.push(row);
  }

  const chartStats = new Map<string, SummaryPayload['charts'][number]>();
  const messages: ForecastMessage[] = [];
  for (const [trackId, perChart] of [...byTrack].sort((a, b) => a[0] - b[0])) {
    const groups = [...perChart.values()].sort(mainFirst);
    const [main, ...others] = groups;
    if (!main) continue;
    const first = main.rows[0]!;
    const track = { id: trackId, spotifyId: first.spotifyId, title: first.title, artistNames: first.artistNames };
    const payload = forecastPayload(track, toChart(main), others.map(toChart));
    const pending = groups.flatMap((g) => g.rows).filter((r) => r.publishedAt === null);
    const encoded = encodePayload(payload);
    messages.push({
      trackId,
      topic: topics.forecast(track),
      payload: encoded,
      payloadSha256: createHash('sha256').update(encoded).digest('hex'),
      schema: FORECAST_SCHEMA,
      modelVersion: main.version,
      forecastIds: pending.map((r) => r.id),
      unpublished: pending.length > 0,
    });
    for (const g of groups) {
      const r = g.rows[0]!;
      const stat = chartStats.get(r.slug) ?? { slug: r.slug, country: r.country, as_of: r.asOf, model_version: g.version, count: 0 };
      stat.model_version = Math.max(stat.model_version, g.version);
      stat.count++;
      chartStats.set(r.slug, stat);
    }
  }
  return { messages, charts: [...chartStats.values()] };
}
