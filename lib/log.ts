import pino from 'pino';

/** Structured JSON logs (one line per event) for jobs and the server. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'songcast' },
  redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'], remove: true },
});
export type Logger = typeof logger;
