'use client';

import { useRouter } from 'next/navigation';

interface NavSelectProps {
  id: string;
  label: string;
  name: string;
  value: string | number;
  options: { value: string | number; label: string }[];
  /** The URL to load when the choice changes. */
  href: (value: string) => string;
}

/**
 * A labelled select that loads a new URL on change; inside a GET form it also works without JavaScript.
 * The label and its select wrap as one, and the select shrinks to the width there is (long chart names at 360 px).
 */
export function NavSelect({ id, label, name, value, options, href }: NavSelectProps) {
  const router = useRouter();
  return (
    <span className="flex min-w-0 max-w-full items-center gap-2">
      <label htmlFor={id} className="text-sm text-muted">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        onChange={(e) => router.push(href(e.target.value))}
        className="h-9 min-w-0 max-w-full rounded-md border border-border bg-surface px-2 text-sm font-medium focus:border-accent focus:outline-none"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The submit button a NavSelect form needs only when JavaScript is off. */
export function NoScriptSubmit() {
  return (
    <noscript>
      <button type="submit" className="h-9 rounded-md border border-border px-3 text-sm">
        Show
      </button>
    </noscript>
  );
}
