import { forecasts } from '@/lib/db/schema';

/** A forecast's horizon and interval, as every reader selects them. */
export const forecastHorizonColumns = {
  horizonWeeks: forecasts.horizonWeeks,
  targetDate: forecasts.targetDate,
  pCharting: forecasts.pCharting,
  p10: forecasts.p10,
  p50: forecasts.p50,
  p90: forecasts.p90,
};

/** What the audit filled in once the target week was observed. */
export const forecastOutcomeColumns = {
  actual: forecasts.actual,
  actualCharting: forecasts.actualCharting,
  absError: forecasts.absError,
  insideInterval: forecasts.insideInterval,
};
