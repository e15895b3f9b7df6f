#!/usr/bin/env bash
# The failover drill (issue 15, ADR 0024, docs/operations.md): a pg_auto_failover monitor and two PostgreSQL 15
# nodes on loopback, two IZIS processes on the formation's multi-host URL, 200 submitters filing Biểu 01; the
# primary is killed (SIGKILL); IZIS must write again within 30 s and every submission answered 2xx must be in
# the promoted node. Run as root on Debian 12 from the repository: scripts/failover-drill.sh
# It installs what it needs (PostgreSQL 15 + PostGIS + pg_auto_failover from Debian's packages), works in a
# temporary directory and removes it and every process it started at the end, also on failure or Ctrl-C.
# FAILOVER_JSON=file also writes the result as JSON; other settings: see bench/failover.ts.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "failover-drill: run as root (it runs PostgreSQL as the postgres OS user)" >&2
  exit 2
fi

packages=()
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || packages+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || packages+=(postgresql-15-postgis-3)
[ -f /usr/share/postgresql/15/extension/pgautofailover.control ] || packages+=(postgresql-15-auto-failover)
command -v pg_autoctl >/dev/null || packages+=(pg-auto-failover-cli)
if [ ${#packages[@]} -gt 0 ]; then
  echo "failover-drill: installing ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
[ -d node_modules ] || npm ci

root=$(mktemp -d /tmp/izis-failover-XXXXXX)
export FAILOVER_ROOT="$root"
driver=""

# The driver cleans up after itself; this is the net for a driver that was itself killed: every process
# whose pid file lies in the drill's directory, then the directory.
cleanup() {
  status=$?
  if [ -n "$driver" ] && kill -0 "$driver" 2>/dev/null; then
    kill -TERM "$driver" 2>/dev/null || true
    wait "$driver" 2>/dev/null || true
  fi
  if [ -d "$root" ]; then
    for pidfile in $(find "$root" -name 'postmaster.pid' -o -name 'pg_autoctl.pid' 2>/dev/null); do
      pid=$(head -n 1 "$pidfile" 2>/dev/null || true)
      [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    done
    if [ -n "${FAILOVER_KEEP:-}" ]; then echo "failover-drill: kept $root (logs of the monitor and nodes)"; else rm -rf "$root"; fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

node --import tsx bench/failover.ts &
driver=$!
wait "$driver"
