#!/usr/bin/env bash
# `npm run demo`: from a fresh clone to a running songcast on the bundled sample —
# install, create + migrate the database, load the sample, train, predict, publish, audit, build, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
  step "npm install"
  npm install --no-audit --no-fund --loglevel=error
fi

export DATABASE_URL="${DATABASE_URL:-mysql://root@127.0.0.1:3306/songcast}"
export MQTT_URL="${MQTT_URL:-mqtt://127.0.0.1:1883}"
export PORT="${PORT:-3000}"
source scripts/services.sh
ensure_database_server

job() { npm run -s job -- "$@"; }
step "migrate ($DATABASE_URL)"; job migrate
step "load the bundled sample"; job sample-data
step "train the forecast model"; job train
# The sample's songs carry audio features, so the song pages, /themes and /what-if get their models too.
step "train the playlist-theme and what-if models"; job train-theme; job train-attributes
step "predict"; job predict
# Backtest: forecasts as of 26 and 52 weeks before the sample's last week, whose horizons have now passed,
# so the audit has something to score (the model's held-out weeks start before these dates).
step "backtest forecasts to audit"; job predict --as-of 2026-05-21; job predict --as-of 2025-11-20

# Publish to the broker at MQTT_URL; when nothing answers there, start the embedded one and say where it is.
broker_pid=""
read -r mqtt_scheme mqtt_host mqtt_port < <(node -e 'const u = new URL(process.argv[1]); console.log(u.protocol, u.hostname, u.port || 1883)' "$MQTT_URL")
if [ "$mqtt_scheme" = "mqtt:" ] && ! port_open "$mqtt_host" "$mqtt_port"; then
  step "no MQTT broker at $MQTT_URL: starting the embedded one"
  mkdir -p .demo
  node --import tsx scripts/broker.ts --port "$mqtt_port" > .demo/broker.url 2> .demo/broker.log &
  broker_pid=$!
  trap '[ -n "$broker_pid" ] && kill "$broker_pid" 2>/dev/null' EXIT
  for _ in $(seq 40); do [ -s .demo/broker.url ] && break; sleep 0.25; done
  MQTT_URL="$(head -1 .demo/broker.url)"
  export MQTT_URL
fi
# --all: the broker may be new (the embedded one always is) while the database remembers an earlier one.
step "publish to $MQTT_URL"; job publish --all
step "audit past forecasts"; job audit

if [ -z "${ADMIN_PASSWORD:-}" ]; then
  ADMIN_PASSWORD="$(node -e 'console.log(require("node:crypto").randomBytes(12).toString("base64url"))')"
  export ADMIN_PASSWORD
  generated_password=1
fi
export SESSION_SECRET="${SESSION_SECRET:-$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')}"

step "build the web app"; npm run -s build
cat <<MSG

songcast is ready after $(( $(date +%s) - started ))s.
  web:       http://localhost:$PORT
  forecasts: published retained to $MQTT_URL
             try: mosquitto_sub -L '${MQTT_URL%/}/${MQTT_TOPIC_PREFIX:-songcast/v1}/forecasts/#' -C 5 -W 10 -v
  admin:     http://localhost:$PORT/admin${generated_password:+  (password for this run: $ADMIN_PASSWORD)}
MSG
step "serving on port $PORT (Ctrl-C stops)"
npm run -s start -- -p "$PORT"
