# PostgreSQL 15 behind the Redshift endpoint (service `postgres`, internal port POSTGRES_PORT).
# initdb/pg_ctl refuse to run as root, so as root they run as the
# postgres user, whose data folder must be traversable by it: the checkout may sit under a folder
# it cannot enter (e.g. /root), in which case the data goes to a private folder under /var/tmp
# (README, "The stack"). Every role logs in with a SCRAM password, socket included; the passwords
# are generated at the first `make up` into $STATE/warehouse.secrets (mode 600).
# Sourced by stack.sh (and by the tests of the fallback folder).

ROLES_SQL=${ROLES_SQL:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../warehouse" && pwd)/roles.sql}
WAREHOUSE_SUPERUSER=postgres   # only this script uses it (roles, passwords); the tools never do
ANALYST_STATEMENT_TIMEOUT=${SANDBOX_ANALYST_STATEMENT_TIMEOUT:-120s}

pg_bin() { ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)"; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# shellcheck source=../../warehouse/secrets.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../warehouse/secrets.sh"

# A folder only postgres can use. Under /var/tmp (world-writable) the name must not be guessable
# and nothing there may be followed: mktemp -d creates a fresh 0700 folder atomically (it fails
# rather than reuse an existing name or symlink), and the sticky bit stops anyone else renaming it.
private_fallback_root() {
  local root
  root=$(mktemp -d /var/tmp/sandbox-warehouse.XXXXXXXXXX) || return 1
  chown -h postgres: "$root"
  require_private_root "$root" || return 1
  echo "$root"
}

# The recorded data folder must still be a real folder owned by postgres, mode 0700: a folder
# swapped for a symlink, or one someone else owns, is refused instead of used.
require_private_root() {
  local root=$1 owner mode
  if [ -L "$root" ] || [ ! -d "$root" ]; then
    echo "stack: warehouse data folder $root is not a plain folder (a symlink, or missing): refusing to use it; remove $STATE/warehouse.path to start a new one" >&2
    return 1
  fi
  owner=$(stat -c %U "$root"); mode=$(stat -c %a "$root")
  if [ "$owner" != "$(warehouse_owner)" ] || [ "$mode" != 700 ]; then
    echo "stack: warehouse data folder $root is owned by $owner with mode $mode, expected $(warehouse_owner) and 700: refusing to use it" >&2
    return 1
  fi
}

warehouse_owner() { if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi; }

warehouse_root() {
  local root
  if [ -f "$STATE/warehouse.path" ]; then
    root=$(cat "$STATE/warehouse.path")
    case $root in /var/tmp/*) require_private_root "$root" || return 1 ;; esac
    echo "$root"; return
  fi
  root=$STATE/warehouse
  mkdir -p "$root"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$root"
    chmod 700 "$root"
    if ! runuser -u postgres -- test -w "$root"; then
      rmdir "$root"
      root=$(private_fallback_root) || return 1
    fi
  fi
  echo "$root" > "$STATE/warehouse.path"
  echo "$root"
}

superuser_psql() { # DATABASE [psql args...]
  local database=$1; shift
  PGPASSWORD=$SUPERUSER_PASSWORD psql -X -q -v ON_ERROR_STOP=1 \
    "host=127.0.0.1 port=$POSTGRES_PORT user=$WAREHOUSE_SUPERUSER dbname=$database" "$@"
}

# roles.sql with the passwords as psql variables on stdin (never on a command line: ps shows those).
apply_roles() {
  { printf '\\set admin_password %s\n\\set delivery_password %s\n\\set analyst_password %s\n\\set analyst_timeout %s\n' \
      "$ADMIN_PASSWORD" "$DELIVERY_PASSWORD" "$ANALYST_PASSWORD" "$ANALYST_STATEMENT_TIMEOUT"
    cat "$ROLES_SQL"
  } | superuser_psql postgres -f - >/dev/null
}

# A cluster made before password auth (initdb with trust authentication, superuser `sandbox`): give it the
# password superuser, move the warehouse to sandbox_admin, retire `sandbox`, then switch every
# pg_hba line to SCRAM. Runs once, while trust still lets us in.
upgrade_trust_cluster() {
  local root=$1
  grep -Eq '^[^#]*[[:space:]]trust[[:space:]]*$' "$root/data/pg_hba.conf" || return 0
  echo "stack: postgres: switching a trust-auth cluster to SCRAM passwords (roles from compose/warehouse/roles.sql)"
  PGPASSWORD= psql -X -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$POSTGRES_PORT user=sandbox dbname=postgres" >/dev/null <<SQL
select 'create role $WAREHOUSE_SUPERUSER' where not exists (select from pg_roles where rolname = '$WAREHOUSE_SUPERUSER') \gexec
alter role $WAREHOUSE_SUPERUSER superuser login password '$SUPERUSER_PASSWORD';
SQL
  apply_roles
  # `sandbox` made the cluster, so REASSIGN OWNED refuses (it owns the catalog): move each object
  # of the warehouse's own schemas instead (a serial's sequence moves with its table).
  superuser_psql warehouse >/dev/null <<'SQL'
select format('alter schema %I owner to sandbox_admin', nspname) from pg_namespace
where nspowner = 'sandbox'::regrole and nspname not like 'pg\_%' and nspname <> 'information_schema' \gexec
select format('alter %s %s owner to sandbox_admin',
              case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end, c.oid::regclass)
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relowner = 'sandbox'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'S')
  and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
  and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')) \gexec
select format('alter routine %s owner to sandbox_admin', p.oid::regprocedure)
from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where p.proowner = 'sandbox'::regrole and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema' \gexec
SQL
  superuser_psql postgres -c 'alter role sandbox nologin password null'   # no password: no SCRAM login either
  as_postgres sed -i -E 's/([[:space:]])trust([[:space:]]*)$/\1scram-sha-256\2/' "$root/data/pg_hba.conf"
  superuser_psql postgres -c 'select pg_reload_conf()' >/dev/null
}

start_postgres() {
  local root bin
  if is_running postgres; then
    root=$(warehouse_root) || exit 1
    load_warehouse_secrets
    upgrade_trust_cluster "$root"   # a cluster started by an older checkout
    echo "stack: postgres already running (pid $(pid_of postgres))"; return
  fi
  require_free_port postgres "$POSTGRES_PORT"   # before making any folder: nothing is left behind
  root=$(warehouse_root) || exit 1; bin=$(pg_bin)
  load_warehouse_secrets
  ln -sf "$root/postgres.log" "$LOGS/postgres.log"
  if [ ! -f "$root/data/PG_VERSION" ]; then
    # initdb reads the superuser's password from a file only postgres can read, removed after.
    printf '%s\n' "$SUPERUSER_PASSWORD" | as_postgres sh -c 'umask 077; cat > "$1"' _ "$root/superuser.pw"
    as_postgres "$bin/initdb" -D "$root/data" -U "$WAREHOUSE_SUPERUSER" --pwfile="$root/superuser.pw" \
        --auth=scram-sha-256 -E UTF8 --no-locale >"$LOGS/warehouse-initdb.log" 2>&1 \
      || { rm -f "$root/superuser.pw"; echo "stack: initdb failed:" >&2; tail -n 20 "$LOGS/warehouse-initdb.log" >&2; exit 1; }
    rm -f "$root/superuser.pw"
  fi
  # A warehouse takes bulk loads: with the default 1 GB of WAL a checkpoint starts every few hundred
  # thousand loaded rows, and the next writes pay full-page images (docs/FACTS-LOCAL.md, sync).
  if ! as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/postgres.log" -w -t "$READY_TIMEOUT" \
      -o "-c listen_addresses=127.0.0.1 -p $POSTGRES_PORT -k $root/data -c password_encryption=scram-sha-256 -c max_wal_size=4GB" start >/dev/null; then
    echo "stack: postgres did not start on port $POSTGRES_PORT. Last lines of its log:" >&2
    tail -n 20 "$root/postgres.log" >&2 || true
    exit 1
  fi
  head -n 1 "$root/data/postmaster.pid" > "$PIDS/postgres.pid"
  upgrade_trust_cluster "$root"
  apply_roles
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
