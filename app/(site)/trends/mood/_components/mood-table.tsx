import type { MoodMark } from '@/lib/trends/mood-params';
import type { MoodCountry, MoodSummary } from '@/lib/trends/mood';

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(3));

/** Per-country means over the range and inside each marked period, and how many songs lacked features. */
export function MoodTable({ countries, summaries, marks }: { countries: MoodCountry[]; summaries: MoodSummary[]; marks: MoodMark[] }) {
  const names = new Map(countries.map((c) => [c.country, c.name]));
  return (
    <div className="relative overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">Mean valence and energy per country</caption>
        <thead className="text-left text-xs text-muted">
          <tr className="border-b border-border">
            <th scope="col" className="px-3 py-2 font-medium">Country</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Valence</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Energy</th>
            {marks.map((m) => (
              <th key={`${m.from}-${m.to}`} scope="col" className="px-3 py-2 text-right font-medium">
                {m.label} (val. / en.)
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">Without features</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.country} className="border-b border-border last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">{names.get(s.country) ?? s.country}</th>
              <td className="px-3 py-2 text-right">{fmt(s.valence)}</td>
              <td className="px-3 py-2 text-right">{fmt(s.energy)}</td>
              {s.inMarks.map((m, i) => (
                <td key={i} className="px-3 py-2 text-right">
                  {fmt(m.valence)} / {fmt(m.energy)}
                </td>
              ))}
              <td className="px-3 py-2 text-right text-muted">
                {s.withoutFeatures.toLocaleString('en')} of {s.songs.toLocaleString('en')} chart places ({s.songs === 0 ? '0' : Math.round((100 * s.withoutFeatures) / s.songs)}%)
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
