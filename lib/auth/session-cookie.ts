/** Name of the admin session cookie (shared with proxy.ts, which may not import server-only modules). */
export const SESSION_COOKIE = 'songcast_admin';
