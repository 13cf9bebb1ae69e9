'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { logIn } from '@/lib/auth/login';
import { getDb } from '@/lib/db/client';

const loginSchema = z.object({ password: z.string().min(1, 'Type the password.').max(1024, 'That is longer than any password here.') });

/** Checks the admin password (rate limited per address) and opens the console. */
export const loginAction = formAction(loginSchema, async ({ password }) => {
  await logIn(getDb(), password);
  redirect('/admin');
});
