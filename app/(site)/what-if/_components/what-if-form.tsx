'use client';

import { useActionState, useState } from 'react';
import { SensitivityCharts } from '@/components/charts/sensitivity-chart';
import { AttributeInput, FieldError, inputClass, TYPICAL_SONG } from '@/components/ui/attribute-input';
import type { ActionState } from '@/lib/actions';
import { NUMERIC_ATTRIBUTES } from '@/lib/attributes/attributes';
import type { WhatIfAnswer } from '@/lib/attributes/what-if';
import { formatDecimal, KEY_NAMES } from '@/lib/format';
import { whatIfAction } from '../actions';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const fmt = (v: number) => formatDecimal(v, Math.abs(v) >= 10 ? 0 : 2);
/** "0.44–0.91", but "−9.58 to −3.24": a dash between negative numbers reads as a double minus. */
const fmtRange = ([lo, hi]: [number, number]) => (lo < 0 || hi < 0 ? `${fmt(lo)} to ${fmt(hi)}` : `${fmt(lo)}–${fmt(hi)}`);

type Attribute = (typeof NUMERIC_ATTRIBUTES)[number];

/**
 * A number field with a slider under it whose track shades the typical range of real songs. The number is what
 * the form sends and what keyboards and screen readers use; the slider is a second, pointer-friendly way to set it.
 */
function AttributeField({ attribute: a, typical, initial, errors }: { attribute: Attribute; typical?: [number, number]; initial: string; errors?: string[] }) {
  const [value, setValue] = useState(initial);
  const typed = Number(value);
  const onScale = value.trim() !== '' && Number.isFinite(typed) ? Math.min(a.max, Math.max(a.min, typed)) : TYPICAL_SONG[a.name];
  const at = (v: number) => `${(100 * (v - a.min)) / (a.max - a.min)}%`;
  return (
    <div className="flex flex-col gap-1">
      <AttributeInput attribute={a} value={value} onChange={(e) => setValue(e.target.value)} error={errors?.[0]} />
      <div className="relative flex h-4 items-center">
        {/* The track, inset by half the thumb so a value sits where the thumb's centre does. */}
        <div aria-hidden className="absolute inset-x-2 h-1 rounded-full bg-surface-2">
          {typical ? <div data-testid={`${a.name}-typical`} className="absolute h-full rounded-full bg-accent/40" style={{ left: at(typical[0]), right: `calc(100% - ${at(typical[1])})` }} /> : null}
        </div>
        <input
          type="range"
          aria-hidden
          tabIndex={-1}
          data-testid={`${a.name}-slider`}
          min={a.min}
          max={a.max}
          step={a.step}
          value={onScale}
          onChange={(e) => setValue(e.target.value)}
          className="slider relative w-full"
        />
      </div>
      {typical ? <span className="text-[11px] text-muted">typical {fmtRange(typical)}</span> : null}
      <FieldError name={a.name} errors={errors} />
    </div>
  );
}

/** Attributes on the left, the predicted popularity with its interval and the sensitivity charts on the right. */
export function WhatIfForm({ genres, typical, values, answer }: { genres: string[]; typical: Record<string, [number, number]>; values: Record<string, string>; answer: ActionState<WhatIfAnswer> }) {
  const [state, action, pending] = useActionState<ActionState<WhatIfAnswer>, FormData>(whatIfAction, answer);
  const initial = (name: string, fallback: string | number | undefined) => values[name] ?? (fallback === undefined ? undefined : String(fallback));
  const fields = state && !state.ok ? state.fields : undefined;
  const invalid = (name: string) => (fields?.[name]?.[0] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});
  const border = (name: string) => (fields?.[name]?.[0] ? 'border-band-low' : 'border-border');
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <form action={action} noValidate aria-label="Song attributes" className="grid grid-cols-2 gap-3 rounded-xl border border-border bg-surface p-4">
        {NUMERIC_ATTRIBUTES.map((a) => (
          <AttributeField key={a.name} attribute={a} typical={typical[a.name]} initial={initial(a.name, TYPICAL_SONG[a.name]) ?? ''} errors={fields?.[a.name]} />
        ))}
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted">Key</span>
          <select name="key" defaultValue={initial('key', 0)} className={`${inputClass} ${border('key')}`} {...invalid('key')}>
            {KEY_NAMES.map((k, i) => <option key={k} value={i}>{k}</option>)}
          </select>
          <FieldError name="key" errors={fields?.key} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted">Mode</span>
          <select name="mode" defaultValue={initial('mode', 1)} className={`${inputClass} border-border`}>
            <option value="1">major</option>
            <option value="0">minor</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted">Genre</span>
          <select name="genre" defaultValue={values.genre !== undefined ? (genres.includes(values.genre) ? values.genre : 'other') : genres.includes('pop') ? 'pop' : (genres[0] ?? 'other')} className={`${inputClass} border-border`}>
            {[...genres, 'other'].map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted">Release month</span>
          <select name="releaseMonth" defaultValue={initial('releaseMonth', 6)} className={`${inputClass} border-border`}>
            {MONTHS.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
          </select>
        </label>
        <fieldset className="col-span-2 grid grid-cols-2 gap-3">
          <legend className="mb-1 text-sm text-muted">The artist’s earlier songs (optional: leave empty when not known)</legend>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted">Earlier songs’ mean popularity (0–100)</span>
            <input name="artistPriorMean" type="number" inputMode="decimal" min={0} max={100} defaultValue={values.artistPriorMean} className={`${inputClass} ${border('artistPriorMean')}`} {...invalid('artistPriorMean')} />
            <FieldError name="artistPriorMean" errors={fields?.artistPriorMean} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted">Number of earlier songs</span>
            <input name="artistPriorSongs" type="number" inputMode="numeric" min={0} step={1} defaultValue={values.artistPriorSongs} className={`${inputClass} ${border('artistPriorSongs')}`} {...invalid('artistPriorSongs')} />
            <FieldError name="artistPriorSongs" errors={fields?.artistPriorSongs} />
          </label>
        </fieldset>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="explicit" defaultChecked={values.explicit === 'on'} className="accent-[var(--accent)]" /> Explicit lyrics
        </label>
        <div className="col-span-2 flex items-center gap-3">
          <button type="submit" disabled={pending} className="h-9 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-60">
            {pending ? 'Predicting…' : 'Predict popularity'}
          </button>
          {state && !state.ok ? <p role="alert" className="text-sm text-band-low">{state.error}</p> : null}
        </div>
      </form>
      <section aria-label="Prediction" aria-live="polite" className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4">
        {state?.ok ? (
          <>
            <div>
              <p className="text-sm text-muted">Predicted popularity (0–100)</p>
              <p className="text-4xl font-semibold tabular-nums" data-testid="what-if-popularity">{state.data.popularity.toFixed(0)}</p>
              <p className="text-sm text-muted tabular-nums">80% interval {state.data.p10.toFixed(0)}–{state.data.p90.toFixed(0)} · model v{state.data.modelVersion}</p>
            </div>
            <SensitivityCharts curves={state.data.sensitivity} />
          </>
        ) : (
          <p className="text-sm text-muted">Set the song’s attributes and press Predict: the answer, its interval and how each attribute moves it appear here.</p>
        )}
      </section>
    </div>
  );
}
