'use client';

import { useActionState } from 'react';
import { loginAction } from '../actions';

/** The password form; shows the wrong-password and rate-limit messages from the action. */
export function LoginForm() {
  const [state, action, pending] = useActionState(loginAction, null);
  const error = state && !state.ok ? (state.fields?.password?.[0] ?? state.error) : null;
  return (
    <form action={action} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor="password" className="text-sm font-medium">
          Admin password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-error' : undefined}
          className="h-10 rounded-md border border-border bg-surface-2 px-3 text-sm focus:border-accent focus:outline-none"
        />
      </div>
      {error ? (
        <p id="login-error" role="alert" className="rounded-md border border-band-low/40 bg-band-low/10 px-3 py-2 text-sm text-band-low">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="h-10 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-60"
      >
        {pending ? 'Checking…' : 'Log in'}
      </button>
    </form>
  );
}
