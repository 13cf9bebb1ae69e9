import type { InputHTMLAttributes } from 'react';

/** A typical chart song's audio attributes, so a form answers something sensible before anything is typed. */
export const TYPICAL_SONG: Record<string, number> = {
  danceability: 0.68,
  energy: 0.65,
  valence: 0.5,
  tempo: 118,
  loudness: -6.3,
  acousticness: 0.2,
  speechiness: 0.09,
  instrumentalness: 0.01,
  liveness: 0.15,
  durationSec: 200,
};

export const inputClass = 'h-9 w-full rounded-md border bg-surface px-2 text-sm tabular-nums focus:border-accent focus:outline-none';

interface Attribute {
  name: string;
  label: string;
  min: number;
  max: number;
  step: number;
}

type Props = { attribute: Attribute; error?: string } & Pick<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange'>;

/** One audio attribute as a labelled number field on its scale; a field error marks it and is named as its description. */
export function AttributeInput({ attribute: a, error, ...value }: Props) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-muted">{a.label}</span>
      <input
        name={a.name}
        type="number"
        inputMode="decimal"
        min={a.min}
        max={a.max}
        step={a.step}
        {...value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${a.name}-error` : undefined}
        className={`${inputClass} ${error ? 'border-band-low' : 'border-border'}`}
      />
    </label>
  );
}

/** The message under a field the server refused, referenced by the field's aria-describedby. */
export function FieldError({ name, errors }: { name: string; errors?: string[] }) {
  return errors?.[0] ? (
    <span id={`${name}-error`} className="text-xs text-band-low">
      {errors[0]}
    </span>
  ) : null;
}
