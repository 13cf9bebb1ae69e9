/**
 * A tiny server-rendered line of 0–100 scores, oldest first. The y axis is fixed at 0–100 so
 * sparklines compare across rows; the last point is marked.
 */
export function Sparkline({ values, label, width = 96, height = 28 }: { values: number[]; label: string; width?: number; height?: number }) {
  if (values.length === 0) return <span className="text-xs text-muted">–</span>;
  const pad = 2.5;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => pad + (1 - Math.min(100, Math.max(0, v)) / 100) * (height - 2 * pad);
  const points = values.map((v, i) => [pad + i * step, y(v)] as const);
  const line = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const last = points[points.length - 1] ?? [pad, y(0)];
  const area = `${line} L${last[0].toFixed(1)},${height - pad} L${pad},${height - pad} Z`;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="text-accent">
      <title>{label}</title>
      <path d={area} fill="currentColor" opacity={0.12} />
      <path d={line} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={last[0]} cy={last[1]} r={2.2} fill="currentColor" />
    </svg>
  );
}
