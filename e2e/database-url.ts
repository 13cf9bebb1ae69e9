/** The end-to-end database: local only, since the setup writes sample rows into it. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/songcast_e2e';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Throws unless `url` names a database on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`The end-to-end tests load sample data and refuse a non-local DATABASE_URL (host "${host}"). Point E2E_DATABASE_URL at a local server.`);
  }
}
