import {
  boolean,
  date,
  datetime,
  double,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { json, longblob, timestamps } from './columns';

export const MODEL_KINDS = ['forecast', 'theme', 'attributes'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const MODEL_STATUSES = ['candidate', 'active', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Model registry: every trained version with its report and TF.js artifact. */
export const models = mysqlTable(
  'models',
  {
    id: int('id').autoincrement().primaryKey(),
    kind: mysqlEnum('kind', MODEL_KINDS).notNull(),
    version: int('version').notNull(),
    status: mysqlEnum('status', MODEL_STATUSES).notNull().default('candidate'),
    trainedRows: int('trained_rows').notNull(),
    featureSpec: json<Record<string, unknown>>('feature_spec').notNull(),
    metrics: json<Record<string, unknown>>('metrics').notNull(),
    baselineMetrics: json<Record<string, unknown>>('baseline_metrics').notNull(),
    /** Why it was (not) promoted. */
    decision: varchar('decision', { length: 1024 }),
    /** TF.js topology + weight specs + weights (see lib/models/artifact.ts). */
    artifact: longblob('artifact').notNull(),
    activatedAt: datetime('activated_at', { mode: 'date' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('models_kind_version_uq').on(t.kind, t.version), index('models_kind_status_idx').on(t.kind, t.status)],
);
export type Model = typeof models.$inferSelect;
export type NewModel = typeof models.$inferInsert;

/** One forecast of one song on one chart for one horizon; audit fills the outcome. */
export const forecasts = mysqlTable(
  'forecasts',
  {
    id: int('id').autoincrement().primaryKey(),
    trackId: int('track_id').notNull(),
    chartId: int('chart_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    horizonWeeks: smallint('horizon_weeks').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    modelId: int('model_id').notNull(),
    pCharting: double('p_charting').notNull(),
    p10: double('p10').notNull(),
    p50: double('p50').notNull(),
    p90: double('p90').notNull(),
    // Filled by audit once the target week has been observed.
    actual: double('actual'),
    actualCharting: boolean('actual_charting'),
    absError: double('abs_error'),
    insideInterval: boolean('inside_interval'),
    auditedAt: datetime('audited_at', { mode: 'date' }),
    /** When the broker acknowledged the audit message carrying this row. */
    auditPublishedAt: datetime('audit_published_at', { mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('forecasts_natural_uq').on(t.trackId, t.chartId, t.asOf, t.horizonWeeks, t.modelId),
    index('forecasts_chart_asof_idx').on(t.chartId, t.asOf, t.horizonWeeks),
    index('forecasts_target_audit_idx').on(t.targetDate, t.auditedAt),
    index('forecasts_audit_unpublished_idx').on(t.auditPublishedAt, t.auditedAt),
  ],
);
export type Forecast = typeof forecasts.$inferSelect;
export type NewForecast = typeof forecasts.$inferInsert;

/**
 * The audited forecasts summed per forecast week and horizon, over every chart and model: what `/models` and
 * `/api/v1/audit` show. The audit job recomputes it from `forecasts` after scoring (lib/audit/audit-weeks.ts),
 * so a page read is a few rows, never a scan of every forecast.
 */
export const auditWeeks = mysqlTable(
  'audit_weeks',
  {
    asOf: date('as_of', { mode: 'string' }).notNull(),
    horizonWeeks: smallint('horizon_weeks').notNull(),
    forecasts: int('forecasts').notNull(),
    absErrorSum: double('abs_error_sum').notNull(),
    insideCount: int('inside_count').notNull(),
    chartingCount: int('charting_count').notNull(),
    pChartingSum: double('p_charting_sum').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.asOf, t.horizonWeeks] })],
);

export { date, double };
