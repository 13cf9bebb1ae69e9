import { chanceBand, formatPercent, type ChanceBand } from '@/lib/format';

const BAND_COLOUR: Record<ChanceBand, string> = { high: 'bg-band-high', mid: 'bg-band-mid', low: 'bg-band-low' };
const BAND_TEXT: Record<ChanceBand, string> = { high: 'likely', mid: 'uncertain', low: 'unlikely' };

/** A still-charting chance: the percentage and a small bar coloured by band (≥60%, ≥30%, below). */
export function ChanceBar({ p }: { p: number | null }) {
  if (p === null) return <span className="text-xs text-muted">no forecast</span>;
  const band = chanceBand(p);
  return (
    <span className="inline-flex items-center gap-2" title={`${formatPercent(p)} chance, ${BAND_TEXT[band]}`}>
      <span className="w-10 text-right font-medium">{formatPercent(p)}</span>
      <span aria-hidden className="h-1.5 w-14 overflow-hidden rounded-full bg-surface-2">
        <span className={`block h-full rounded-full ${BAND_COLOUR[band]}`} style={{ width: `${Math.max(2, p * 100)}%` }} />
      </span>
    </span>
  );
}

/** The same chance as a percentage after a short label ("6 mo 28%"), its band a class (`high`, `mid`, `low`) that `.chance-chips` in globals.css colours. */
export function ChanceChip({ label, p }: { label: string; p: number | null }) {
  return (
    <span className={p === null ? undefined : chanceBand(p)}>
      {`${label} `}
      <b>{p === null ? '–' : formatPercent(p)}</b>
    </span>
  );
}
