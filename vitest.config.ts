import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
};

// Jobs log JSON lines; in tests their failures are asserted, not read. LOG_LEVEL=info npx vitest … shows them.
const QUIET = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          env: QUIET,
          include: ['{lib,jobs,tests,app,components}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.db.test.ts', 'node_modules/**', 'e2e/**'],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          env: QUIET,
          // Integration tests on the real MariaDB/MySQL and Mosquitto: one file at a time.
          include: ['{lib,jobs,tests}/**/*.db.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
