import { formatScore } from '@/lib/format';

/** A median score (p50) with its p10–p90 range underneath. */
export function ScoreRange({ forecast }: { forecast: { p10: number; p50: number; p90: number } | null }) {
  if (!forecast) return <span className="text-xs text-muted">–</span>;
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className="font-medium">{formatScore(forecast.p50)}</span>
      <span className="text-xs text-muted" title="80% interval: p10 to p90">
        {formatScore(forecast.p10)}–{formatScore(forecast.p90)}
      </span>
    </span>
  );
}
