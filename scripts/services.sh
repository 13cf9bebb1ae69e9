#!/usr/bin/env bash
# Makes sure the local services songcast needs answer: MySQL/MariaDB at DATABASE_URL's host and an MQTT broker.
# Sourced by scripts/demo.sh and .ci/run. Starts MariaDB/Mosquitto only where they are installed but stopped;
# it never installs a database server itself, it says how to get one.

db_host_port() {
  local url="${DATABASE_URL:-mysql://root@127.0.0.1:3306/songcast}"
  node -e 'const u = new URL(process.argv[1]); console.log(`${u.hostname} ${u.port || 3306}`)' "$url"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() {
  local host=$1 port=$2 tries=${3:-60}
  for _ in $(seq "$tries"); do port_open "$host" "$port" && return 0; sleep 0.5; done
  return 1
}

ensure_database_server() {
  read -r host port < <(db_host_port)
  port_open "$host" "$port" && return 0
  if [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]] && command -v mariadbd >/dev/null 2>&1; then
    echo "songcast: MariaDB is installed but not running; starting it." >&2
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd)" -- --user=mysql >/dev/null 2>&1 ||
      (mariadbd --user=mysql >/dev/null 2>&1 &)
    wait_for_port "$host" "$port" 60 && return 0
  fi
  cat >&2 <<MSG
songcast: no MySQL/MariaDB server answers at $host:$port (DATABASE_URL).
Start one and run again: on Debian/Ubuntu 'apt-get install mariadb-server' then 'service mariadb start';
on macOS 'brew install mysql && brew services start mysql'; or 'docker compose up -d db' from this repository.
Then point DATABASE_URL at a user that may create databases (default mysql://root@127.0.0.1:3306/songcast).
MSG
  return 1
}

# Starts the system Mosquitto where it is installed but not running on 1883 (used by CI and the tests).
ensure_system_mosquitto() {
  port_open 127.0.0.1 1883 && return 0
  command -v mosquitto >/dev/null 2>&1 || return 1
  echo "songcast: Mosquitto is installed but not running; starting it." >&2
  if [ -f /etc/mosquitto/mosquitto.conf ]; then mosquitto -d -c /etc/mosquitto/mosquitto.conf; else mosquitto -d -p 1883; fi
  wait_for_port 127.0.0.1 1883 20
}
