/**
 * Fills the end-to-end database through the real jobs CLI, so the tests see real forecasts:
 * migrate → sample-data → train (few epochs) → predict → backtest forecasts → audit → train-theme → train-attributes.
 * Every job is idempotent, so a re-run against a reused database only checks and tops up.
 */
import { spawnSync } from 'node:child_process';
import { assertLocalDatabase, E2E_DATABASE_URL } from './database-url';

const STEPS: string[][] = [
  ['migrate'],
  ['sample-data'],
  ['train', '--epochs', '3'],
  ['predict'],
  // As the demo does: forecasts as of 26 and 52 weeks before the sample's last week (2026-11-19), whose
  // target weeks are in, so the audit scores them and /models and the song pages show the audit filled.
  ['predict', '--as-of', '2026-05-21'],
  ['predict', '--as-of', '2025-11-20'],
  ['audit'],
  ['train-theme', '--epochs', '20'],
  ['train-attributes'],
];

export default function globalSetup(): void {
  assertLocalDatabase(E2E_DATABASE_URL);
  for (const args of STEPS) {
    const started = Date.now();
    const run = spawnSync('npm', ['run', '--silent', 'job', '--', ...args], {
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 600_000,
    });
    if (run.status !== 0) {
      throw new Error(`e2e setup: \`npm run job -- ${args.join(' ')}\` exited with ${run.status ?? run.signal}`);
    }
    console.log(`e2e setup: ${args[0]} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
