#!/usr/bin/env bash
# `npm test`: type check, unit tests, integration tests on the real MariaDB and Mosquitto, then Playwright
# against the built app. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/vitest.json .tmp/playwright.json
status=0

echo "== typecheck"
npx tsc --noEmit || status=1

echo "== unit + integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1

echo "== end-to-end tests (playwright, built app)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json || status=1

node scripts/test-summary.mjs .tmp/vitest.json .tmp/playwright.json || status=1
exit $status
