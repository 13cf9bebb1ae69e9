'use client';

import { useActionState } from 'react';
import { queueJobAction } from '../actions';

export interface QueueButton {
  id: string;
  label: string;
  description: string;
  unavailable: string | null;
}

/** One card per job the console can start; each queues its run and says which. */
export function QueuePanel({ options }: { options: QueueButton[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {options.map((o) => (
        <li key={o.id}>
          <QueueCard option={o} />
        </li>
      ))}
    </ul>
  );
}

function QueueCard({ option }: { option: QueueButton }) {
  const [state, action, pending] = useActionState(queueJobAction, null);
  return (
    <form action={action} className="flex h-full flex-col gap-2 rounded-xl border border-border bg-surface p-4">
      <input type="hidden" name="option" value={option.id} />
      <h3 className="font-semibold">{option.label}</h3>
      <p className="flex-1 text-sm text-muted">{option.description}</p>
      {option.unavailable ? <p className="text-xs text-muted">Not available yet: {option.unavailable}</p> : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending || option.unavailable !== null}
          className="h-9 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {pending ? 'Queueing…' : `Queue ${option.label.toLowerCase()}`}
        </button>
        <span role="status" className="text-xs">
          {state?.ok ? <span className="text-up">Queued run {state.data.runIds.map((id) => `#${id}`).join(' → ')}</span> : null}
          {state && !state.ok ? <span className="text-band-low">{state.error}</span> : null}
        </span>
      </div>
    </form>
  );
}
