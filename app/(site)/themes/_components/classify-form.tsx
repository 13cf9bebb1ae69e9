'use client';

import { useActionState } from 'react';
import { ThemeBars } from '@/components/charts/theme-bars';
import type { ActionState } from '@/lib/actions';
import type { ThemeMix } from '@/lib/themes/classify';
import { THEME_FEATURES } from '@/lib/themes/occasions';
import { classifyAction } from '../actions';

/** A typical chart song, so the form answers something sensible before anything is typed. */
const DEFAULTS: Record<string, number> = { danceability: 0.68, energy: 0.65, valence: 0.5, tempo: 118, loudness: -6.3, acousticness: 0.2, speechiness: 0.09, instrumentalness: 0.01 };

/** Typed-in audio features → the active theme model's occasion mix, with an error under each bad field. */
export function ClassifyForm() {
  const [state, action, pending] = useActionState<ActionState<ThemeMix>, FormData>(classifyAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={action} noValidate className="grid grid-cols-2 gap-3" aria-label="Classify a song">
        {THEME_FEATURES.map((f) => {
          const error = fields?.[f.name]?.[0];
          return (
            <label key={f.name} className="flex flex-col gap-1 text-sm">
              <span className="text-muted">{f.label}</span>
              <input
                name={f.name}
                type="number"
                inputMode="decimal"
                min={f.min}
                max={f.max}
                step={f.step}
                defaultValue={DEFAULTS[f.name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${f.name}-error` : undefined}
                className={`h-9 rounded-md border bg-surface px-2 tabular-nums focus:border-accent focus:outline-none ${error ? 'border-band-low' : 'border-border'}`}
              />
              {error ? (
                <span id={`${f.name}-error`} className="text-xs text-band-low">
                  {error}
                </span>
              ) : null}
            </label>
          );
        })}
        <div className="col-span-2 flex items-center gap-3">
          <button type="submit" disabled={pending} className="h-9 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-60">
            {pending ? 'Classifying…' : 'Classify'}
          </button>
          {state && !state.ok ? (
            <p role="alert" className="text-sm text-band-low">
              {state.error}
            </p>
          ) : null}
        </div>
      </form>
      <section aria-label="Theme mix" aria-live="polite" className="rounded-xl border border-border bg-surface-2/50 p-4">
        {state?.ok ? (
          <>
            <p className="mb-3 text-sm">
              Best fit: <strong className="capitalize">{state.data.occasions[0]?.occasion}</strong>{' '}
              <span className="text-muted">(theme model v{state.data.modelVersion})</span>
            </p>
            <ThemeBars occasions={state.data.occasions} />
          </>
        ) : (
          <p className="text-sm text-muted">Type a song’s audio features (Spotify’s scales) and press Classify to see which occasions it suits.</p>
        )}
      </section>
    </div>
  );
}
