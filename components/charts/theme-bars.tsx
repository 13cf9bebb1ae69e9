import { formatPercent } from '@/lib/format';

/** Probability per occasion as horizontal bars, best first; the top one in the accent colour. */
export function ThemeBars({ occasions }: { occasions: { occasion: string; p: number }[] }) {
  return (
    <ul aria-label="Occasion probabilities" className="flex flex-col gap-2">
      {occasions.map((o, i) => (
        <li key={o.occasion} className="grid grid-cols-[5rem_1fr_3rem] items-center gap-3 text-sm">
          <span className="font-medium capitalize">{o.occasion}</span>
          <span className="h-3 overflow-hidden rounded-full bg-surface-2" aria-hidden>
            <span className={`block h-full rounded-full ${i === 0 ? 'bg-accent' : 'bg-muted/50'}`} style={{ width: `${Math.max(1, o.p * 100)}%` }} />
          </span>
          <span className="text-right tabular-nums">{formatPercent(o.p)}</span>
        </li>
      ))}
    </ul>
  );
}
