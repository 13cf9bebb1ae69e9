import { MOOD_WEEKS, markValue, type MoodParams } from '@/lib/trends/mood-params';
import type { MoodCountry } from '@/lib/trends/mood';

const selectClass = 'h-9 rounded-md border border-border bg-surface px-2 text-sm font-medium focus:border-accent focus:outline-none';
const inputClass = 'h-9 rounded-md border border-border bg-surface px-2 text-sm focus:border-accent focus:outline-none';
const buttonClass = 'h-9 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90';

/** Hidden copies of the marks, so submitting either form keeps them in the URL. */
function KeepMarks({ params }: { params: MoodParams }) {
  return params.marks.map((m) => <input key={markValue(m)} type="hidden" name="mark" value={markValue(m)} />);
}

/** Countries, weighting and range: a plain GET form, so every view is a URL. */
export function MoodControls({ available, selected, params }: { available: MoodCountry[]; selected: MoodCountry[]; params: MoodParams }) {
  return (
    <form action="/trends/mood" method="get" className="flex flex-wrap items-end gap-4 rounded-xl border border-border bg-surface p-4">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="mb-1 text-sm text-muted">Countries</legend>
        {available.map((c) => (
          <label key={c.country} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="country" value={c.country} defaultChecked={selected.some((s) => s.country === c.country)} className="accent-[var(--accent)]" />
            {c.name}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm text-muted">
        Weighted by
        <select name="weight" defaultValue={params.weight} className={selectClass}>
          <option value="streams">streams</option>
          <option value="rank">chart position</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-muted">
        Range
        <select name="weeks" defaultValue={params.weeks} className={selectClass}>
          {MOOD_WEEKS.map((w) => (
            <option key={w} value={w}>
              last {w} weeks
            </option>
          ))}
        </select>
      </label>
      <KeepMarks params={params} />
      <button type="submit" className={buttonClass}>
        Compare
      </button>
    </form>
  );
}

/** Adds a named period to shade; the page turns the three fields into one `mark` in the URL. */
export function AddMarkForm({ selected, params }: { selected: MoodCountry[]; params: MoodParams }) {
  return (
    <form action="/trends/mood" method="get" className="flex flex-wrap items-end gap-3">
      {selected.map((c) => (
        <input key={c.country} type="hidden" name="country" value={c.country} />
      ))}
      <input type="hidden" name="weight" value={params.weight} />
      <input type="hidden" name="weeks" value={params.weeks} />
      <KeepMarks params={params} />
      <label className="flex flex-col gap-1 text-sm text-muted">
        Period from
        <input type="date" name="mark_from" required className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-sm text-muted">
        to
        <input type="date" name="mark_to" required className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-sm text-muted">
        Name
        <input type="text" name="mark_label" maxLength={40} placeholder="e.g. Lockdown" className={inputClass} />
      </label>
      <button type="submit" className="h-9 rounded-md border border-border bg-surface px-4 text-sm font-medium hover:bg-surface-2">
        Shade period
      </button>
    </form>
  );
}
