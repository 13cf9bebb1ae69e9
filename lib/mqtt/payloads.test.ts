import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditPayload,
  auditPayloadSchema,
  encodePayload,
  forecastPayload,
  forecastPayloadSchema,
  summaryPayload,
  summaryPayloadSchema,
  toChartForecast,
} from './payloads';

const track = { id: 12, spotifyId: '0VjIjW4GlUZAMYd2vXMi3b', title: 'Blinding Lights', artistNames: 'The Weeknd' };
const global = { slug: 'spotify-weekly-global', country: 'global' };
const us = { slug: 'spotify-weekly-us', country: 'us' };
const h26 = { horizonWeeks: 26, targetDate: '2027-05-20', pCharting: 0.41234567, p10: 0, p50: 12.345678, p90: 55.5 };
const h52 = { horizonWeeks: 52, targetDate: '2027-11-18', pCharting: 0.2, p10: 0, p50: 3, p90: 31.25 };

describe('forecast payload', () => {
  it('has the versioned shape with both horizons in order', () => {
    const p = forecastPayload(track, toChartForecast(global, '2026-11-19', 3, [h52, h26]), []);
    expect(forecastPayloadSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      schema: 'songcast.forecast.v1',
      track: { id: 12, spotify_id: '0VjIjW4GlUZAMYd2vXMi3b', title: 'Blinding Lights', artists: 'The Weeknd' },
      chart: { slug: 'spotify-weekly-global', country: 'global' },
      as_of: '2026-11-19',
      model_version: 3,
      other_charts: [],
    });
    expect(p.horizons.map((h) => h.weeks)).toEqual([26, 52]);
    expect(p.horizons[0]).toEqual({ weeks: 26, target_date: '2027-05-20', p_charting: 0.4123, p10: 0, p50: 12.3457, p90: 55.5 });
  });

  it('encodes the same forecast to the same bytes whatever the input order', () => {
    const a = forecastPayload(track, toChartForecast(global, '2026-11-19', 3, [h26, h52]), [
      toChartForecast(us, '2026-11-19', 3, [h26]),
      toChartForecast({ slug: 'spotify-weekly-gb', country: 'gb' }, '2026-11-19', 3, [h52]),
    ]);
    const b = forecastPayload({ ...track }, toChartForecast(global, '2026-11-19', 3, [h52, h26]), [
      toChartForecast({ slug: 'spotify-weekly-gb', country: 'gb' }, '2026-11-19', 3, [h52]),
      toChartForecast(us, '2026-11-19', 3, [h26]),
    ]);
    expect(encodePayload(a)).toBe(encodePayload(b));
    expect(a.other_charts.map((c) => c.chart.slug)).toEqual(['spotify-weekly-gb', 'spotify-weekly-us']);
    expect(encodePayload(a).startsWith('{"schema":"songcast.forecast.v1","track":')).toBe(true);
  });

  it('changes when the model or the as-of changes', () => {
    const base = encodePayload(forecastPayload(track, toChartForecast(global, '2026-11-19', 3, [h26]), []));
    expect(encodePayload(forecastPayload(track, toChartForecast(global, '2026-11-19', 4, [h26]), []))).not.toBe(base);
    expect(encodePayload(forecastPayload(track, toChartForecast(global, '2026-11-26', 3, [h26]), []))).not.toBe(base);
  });

  it('matches the example in docs/mqtt.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/mqtt.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(forecastPayloadSchema.safeParse(JSON.parse(example ?? 'null')).success).toBe(true);
  });

  it('refuses impossible values', () => {
    expect(() => forecastPayload(track, toChartForecast(global, '2026-11-19', 3, [{ ...h26, pCharting: 1.5 }]), [])).toThrow();
    expect(() => forecastPayload(track, toChartForecast(global, '2026-13-40', 3, [h26]), [])).toThrow();
    expect(() => forecastPayload(track, toChartForecast(global, '2026-11-19', 3, []), [])).toThrow();
    expect(forecastPayloadSchema.safeParse({ schema: 'songcast.forecast.v2' }).success).toBe(false);
  });
});

describe('summary payload', () => {
  it('takes the newest as-of and model over the charts', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const s = summaryPayload(
      [
        { slug: 'b', country: 'us', as_of: '2026-11-12', model_version: 2, count: 10 },
        { slug: 'a', country: 'global', as_of: '2026-11-19', model_version: 3, count: 50 },
      ],
      55,
      at,
    );
    expect(summaryPayloadSchema.parse(s)).toEqual(s);
    expect(s).toMatchObject({ schema: 'songcast.forecast-summary.v1', as_of: '2026-11-19', model_version: 3, count: 55, published_at: '2026-11-23T10:00:00.000Z' });
    expect(s.charts.map((c) => c.slug)).toEqual(['a', 'b']);
  });

  it('says null, not 0, when nothing is forecast', () => {
    expect(summaryPayload([], 0, new Date())).toMatchObject({ as_of: null, model_version: null, count: 0 });
  });
});

describe('audit payload', () => {
  it('carries the forecast next to the outcome', () => {
    const a = auditPayload({
      ...h26,
      track,
      chart: global,
      asOf: '2026-11-19',
      modelVersion: 3,
      actual: 0,
      actualCharting: false,
      absError: 12.345678,
      insideInterval: true,
      auditedAt: new Date('2027-05-21T00:00:00Z'),
    });
    expect(auditPayloadSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ schema: 'songcast.audit.v1', horizon: { weeks: 26 }, actual: { score: 0, charting: false }, abs_error: 12.3457 });
  });
});
