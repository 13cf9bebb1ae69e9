import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { adminAuthConfig } from '@/lib/auth/config';
import { getAdminSession } from '@/lib/auth/require-admin';
import { LoginForm } from './_components/login-form';

export const metadata: Metadata = { title: 'Admin login', robots: { index: false } };

/** `/admin/login`: the password form, or why admin is disabled and how to enable it. */
export default async function AdminLoginPage() {
  // Per request: ADMIN_PASSWORD is read at run time, never baked in at build time.
  await connection();
  const config = adminAuthConfig();
  if (config.enabled && (await getAdminSession())) redirect('/admin');
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-5 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <p className="mt-1 text-sm text-muted">Queue jobs, watch them run, promote or roll back models.</p>
      </div>
      {config.enabled ? (
        <section className="rounded-xl border border-border bg-surface p-6">
          <LoginForm />
        </section>
      ) : (
        <section role="status" className="rounded-xl border border-dashed border-border bg-surface p-6 text-sm">
          <h2 className="font-semibold">Admin is switched off</h2>
          <p className="mt-2 text-muted">{config.reason}</p>
          <pre className="mt-4 overflow-x-auto rounded-lg bg-surface-2 px-4 py-3 font-mono text-xs">
            {'ADMIN_PASSWORD=<a long password>\nSESSION_SECRET=$(openssl rand -hex 32)'}
          </pre>
        </section>
      )}
    </div>
  );
}
