/**
 * Telling "the database server is unreachable or went away" apart from every other database error, through
 * Drizzle's wrapping (DrizzleQueryError's message is the whole SQL with its parameters; the driver's error is
 * its cause).
 */

/** mysql2/Node codes of a server that does not answer, closed the connection, or is shutting down. */
const SERVER_GONE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
]);

/** The driver error in `err`'s cause chain that says the server is gone, or null. */
export function serverGoneError(err: unknown): (Error & { code: string }) | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, fatal, sqlState } = e as { code?: unknown; fatal?: unknown; sqlState?: unknown };
    // mysql2 marks its socket errors fatal and server errors with a SQLSTATE: an MQTT socket's ECONNRESET is neither.
    const fromDriver = fatal === true || typeof sqlState === 'string';
    if (typeof code === 'string' && SERVER_GONE.has(code) && fromDriver) return e as Error & { code: string };
  }
  return null;
}

/** host:port of a mysql:// URL, never its credentials. */
export function serverAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 3306}`;
}
