'use client';

import { useActionState, useEffect, useState } from 'react';
import type { ActionState } from '@/lib/actions';

interface Props<T> {
  action: (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  /** Hidden form fields the action reads. */
  fields: Record<string, string>;
  label: string;
  /** The question asked before anything changes, e.g. "Make forecast v4 the active model?" */
  question: string;
}

/** A button that asks for confirmation in place, then runs a server action and shows its error if any. */
export function ConfirmActionForm<T>({ action, fields, label, question }: Props<T>) {
  const [state, run, pending] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (state?.ok) setAsking(false);
  }, [state]);

  const button = 'h-8 rounded-md px-3 text-xs font-medium disabled:opacity-50';
  return (
    <div className="flex flex-col gap-1">
      {asking ? (
        <form action={run} className="flex flex-wrap items-center gap-2">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <span className="text-xs font-medium">{question}</span>
          <button type="submit" disabled={pending} className={`${button} bg-accent text-accent-fg`}>
            {pending ? 'Working…' : `Yes, ${label.toLowerCase()}`}
          </button>
          <button type="button" onClick={() => setAsking(false)} className={`${button} border border-border bg-surface`}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setAsking(true)} className={`${button} border border-border bg-surface hover:bg-surface-2`}>
          {label}
        </button>
      )}
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-band-low">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
