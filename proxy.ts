import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';

/**
 * Convenience only: sends visitors without a session cookie from /admin to the
 * login page before anything renders. The real check is `requireAdmin()` in every
 * admin page, action and route handler (a cookie's presence proves nothing).
 */
export function proxy(request: NextRequest) {
  if (!request.cookies.has(SESSION_COOKIE)) return NextResponse.redirect(new URL('/admin/login', request.url));
  return NextResponse.next();
}

export const config = { matcher: ['/admin', '/admin/((?!login).*)'] };
