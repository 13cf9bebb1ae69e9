'use client';

import { useActionState } from 'react';
import { ThemeBars } from '@/components/charts/theme-bars';
import { AttributeInput, FieldError, TYPICAL_SONG } from '@/components/ui/attribute-input';
import type { ActionState } from '@/lib/actions';
import type { ThemeMix } from '@/lib/themes/classify';
import { THEME_FEATURES } from '@/lib/themes/occasions';
import { classifyAction } from '../actions';

/** Typed-in audio features → the active theme model's occasion mix, with an error under each bad field. */
export function ClassifyForm() {
  const [state, action, pending] = useActionState<ActionState<ThemeMix>, FormData>(classifyAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={action} noValidate className="grid grid-cols-2 gap-3" aria-label="Classify a song">
        {THEME_FEATURES.map((f) => (
          <div key={f.name} className="flex flex-col gap-1">
            <AttributeInput attribute={f} defaultValue={TYPICAL_SONG[f.name]} error={fields?.[f.name]?.[0]} />
            <FieldError name={f.name} errors={fields?.[f.name]} />
          </div>
        ))}
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
