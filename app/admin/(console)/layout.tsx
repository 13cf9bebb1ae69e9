import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/auth/require-admin';
import { logoutAction } from './actions';

/** Every console page requires an admin session (pages and actions check again themselves). */
export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex items-center justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-accent">Admin</p>
          <h1 className="text-2xl font-semibold tracking-tight">Jobs and models</h1>
        </div>
        <form action={logoutAction}>
          <button type="submit" className="h-9 rounded-md border border-border bg-surface px-4 text-sm font-medium hover:bg-surface-2">
            Log out
          </button>
        </form>
      </header>
      {children}
    </div>
  );
}
