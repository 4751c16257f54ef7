# PostgreSQL 15 behind the Redshift endpoint (service `postgres`, internal port POSTGRES_PORT). initdb/pg_ctl refuse to run as root, so as root they run as the
# postgres user, whose data folder must be traversable by it: the checkout may sit under a folder
# it cannot enter (e.g. /root), in which case the data goes under /var/tmp (FACTS.md).
# Sourced by stack.sh.

pg_bin() { ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)"; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

warehouse_root() {
  if [ -f "$STATE/warehouse.path" ]; then cat "$STATE/warehouse.path"; return; fi
  local root=$STATE/warehouse
  mkdir -p "$root"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$root"
    if ! runuser -u postgres -- test -w "$root"; then
      rmdir "$root"
      root=/var/tmp/sandbox-warehouse-$(printf %s "$STATE" | cksum | cut -d' ' -f1)
      mkdir -p "$root" && chown postgres: "$root" && chmod 700 "$root"
    fi
  fi
  echo "$root" > "$STATE/warehouse.path"
  echo "$root"
}

start_postgres() {
  local root bin
  root=$(warehouse_root); bin=$(pg_bin)
  ln -sf "$root/postgres.log" "$LOGS/postgres.log"
  if is_running postgres; then echo "stack: postgres already running (pid $(pid_of postgres))"; return; fi
  require_free_port postgres "$POSTGRES_PORT"
  if [ ! -f "$root/data/PG_VERSION" ]; then
    # trust on loopback only: a local sandbox, the password in the contract is a dummy.
    as_postgres "$bin/initdb" -D "$root/data" -U sandbox --auth=trust -E UTF8 --no-locale >"$LOGS/warehouse-initdb.log" 2>&1 \
      || { echo "stack: initdb failed:" >&2; tail -n 20 "$LOGS/warehouse-initdb.log" >&2; exit 1; }
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/postgres.log" -w -t "$READY_TIMEOUT" \
      -o "-c listen_addresses=127.0.0.1 -p $POSTGRES_PORT -k $root/data" start >/dev/null; then
    echo "stack: postgres did not start on port $POSTGRES_PORT. Last lines of its log:" >&2
    tail -n 20 "$root/postgres.log" >&2 || true
    exit 1
  fi
  head -n 1 "$root/data/postmaster.pid" > "$PIDS/postgres.pid"
  psql "host=127.0.0.1 port=$POSTGRES_PORT user=sandbox dbname=postgres" -tAc \
    "select 1 from pg_database where datname = 'warehouse'" | grep -q 1 \
    || psql "host=127.0.0.1 port=$POSTGRES_PORT user=sandbox dbname=postgres" -qc "create database warehouse"
  echo "stack: started postgres on 127.0.0.1:$POSTGRES_PORT (pid $(pid_of postgres))"
}

stop_postgres() {
  local root
  [ -f "$STATE/warehouse.path" ] || return 0
  root=$(cat "$STATE/warehouse.path")
  if [ -f "$root/data/postmaster.pid" ]; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null && echo "stack: stopped postgres"
  fi
  rm -f "$PIDS/postgres.pid"
}

remove_warehouse_data() {
  [ -f "$STATE/warehouse.path" ] && rm -rf "$(cat "$STATE/warehouse.path")"
  return 0
}
