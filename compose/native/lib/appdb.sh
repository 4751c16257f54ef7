# MariaDB 10.11 playing "RDS for MySQL": the service's own database `app`. Sourced by stack.sh.
# As root, mariadbd drops to the mysql user, whose data folder must be traversable by it; when the
# checkout sits under a folder it cannot enter, the data goes to a private mktemp folder (mode 700,
# owned by mysql), never to a predictable world-writable path. Passwords are generated at the first
# `up` into .sandbox/appdb.secrets (mode 600) and handed to clients through endpoints.env only.

appdb_bin() { command -v mariadbd || ls /usr/sbin/mariadbd 2>/dev/null; }

appdb_root() {
  if [ -f "$STATE/appdb.path" ]; then cat "$STATE/appdb.path"; return; fi
  local root=$STATE/appdb
  mkdir -p "$root"
  if [ "$(id -u)" = 0 ]; then
    chown mysql: "$root" && chmod 700 "$root"
    if ! runuser -u mysql -- test -w "$root"; then
      rmdir "$root"
      root=$(mktemp -d /var/tmp/sandbox-appdb.XXXXXXXX)
      chown mysql: "$root" && chmod 700 "$root"
    fi
  fi
  echo "$root" > "$STATE/appdb.path"
  echo "$root"
}

appdb_password() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }

# Sets APPDB_ADMIN_PASSWORD, APPDB_SYNC_PASSWORD (and the compose image's APPDB_ROOT_PASSWORD),
# generating them once. The file doubles as docker compose's --env-file.
appdb_secrets() {
  local file=$STATE/appdb.secrets
  if [ ! -f "$file" ]; then
    mkdir -p "$STATE"
    (umask 077
     printf 'APPDB_ADMIN_PASSWORD=%s\nAPPDB_SYNC_PASSWORD=%s\nAPPDB_ROOT_PASSWORD=%s\n' \
       "$(appdb_password)" "$(appdb_password)" "$(appdb_password)" > "$file.tmp")
    mv "$file.tmp" "$file"
  fi
  chmod 600 "$file"
  # shellcheck disable=SC1090
  source "$file"
}

# Runs SQL as the server's root over its unix socket (socket auth: no password exists for it).
appdb_root_sql() { mariadb --protocol=socket -S "$(appdb_root)/mysqld.sock" -u root -N -B -e "$1"; }

start_appdb() {
  local root user_args=()
  root=$(appdb_root)
  ln -sf "$root/error.log" "$LOGS/appdb.log"
  if is_running appdb; then echo "stack: appdb already running (pid $(pid_of appdb))"; return; fi
  [ "$(id -u)" = 0 ] && user_args=(--user=mysql)
  if [ ! -d "$root/data/mysql" ]; then
    mariadb-install-db --datadir="$root/data" "${user_args[@]}" --auth-root-authentication-method=socket \
      --skip-test-db >"$LOGS/appdb-install.log" 2>&1 \
      || { echo "stack: mariadb-install-db failed:" >&2; tail -n 20 "$LOGS/appdb-install.log" >&2; exit 1; }
  fi
  # --no-defaults: the Debian /etc/mysql config must not move our port, socket or data.
  spawn appdb "$APPDB_PORT" "$(appdb_bin)" --no-defaults "${user_args[@]}" --datadir="$root/data" \
    --bind-address=127.0.0.1 --port="$APPDB_PORT" --socket="$root/mysqld.sock" --pid-file="$root/mysqld.pid" \
    --log-error="$root/error.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
    --local-infile=1 --skip-name-resolve --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2
  local deadline=$((SECONDS + READY_TIMEOUT))
  until appdb_root_sql 'select 1' >/dev/null 2>&1; do
    if ! is_running appdb || [ $SECONDS -ge $deadline ]; then
      echo "stack: appdb (MariaDB) did not start on port $APPDB_PORT. Last lines of its log:" >&2
      tail -n 20 "$root/error.log" >&2 || true
      exit 1
    fi
    sleep 0.2
  done
  provision_appdb
}

# Once the server answers on its socket: the database and its two roles (idempotent; passwords re-applied).
provision_appdb() {
  appdb_secrets
  appdb_root_sql "
    create database if not exists app character set utf8mb4 collate utf8mb4_bin;
    create user if not exists 'sandbox_app'@'127.0.0.1' identified by '$APPDB_ADMIN_PASSWORD';
    alter user 'sandbox_app'@'127.0.0.1' identified by '$APPDB_ADMIN_PASSWORD';
    grant all privileges on app.* to 'sandbox_app'@'127.0.0.1';
    grant all privileges on \`app\_%\`.* to 'sandbox_app'@'127.0.0.1';
    create user if not exists 'sync_reader'@'127.0.0.1' identified by '$APPDB_SYNC_PASSWORD';
    alter user 'sync_reader'@'127.0.0.1' identified by '$APPDB_SYNC_PASSWORD';
    grant select on app.* to 'sync_reader'@'127.0.0.1';" \
    || { echo "stack: could not create the app database and its roles (see $LOGS/appdb.log)" >&2; exit 1; }
}

# The connection strings of the endpoints contract (MySqlConnector syntax).
appdb_endpoints() {
  appdb_secrets
  local server="Server=127.0.0.1;Port=${APPDB_PORT:-3306};Database=app"
  echo "SANDBOX_APPDB='$server;User ID=sandbox_app;Password=$APPDB_ADMIN_PASSWORD;AllowLoadLocalInfile=true'"
  echo "SANDBOX_APPDB_SYNC='$server;User ID=sync_reader;Password=$APPDB_SYNC_PASSWORD'"
}

probe_appdb() {
  [ -f "$STATE/appdb.secrets" ] || return 1
  appdb_secrets
  MYSQL_PWD=$APPDB_ADMIN_PASSWORD mariadb --protocol=tcp -h 127.0.0.1 -P "$APPDB_PORT" -u sandbox_app \
    --connect-timeout=5 -N -B -e 'select 1' app >/dev/null 2>&1
}

remove_appdb_data() {
  [ -f "$STATE/appdb.path" ] && rm -rf "$(cat "$STATE/appdb.path")"
  return 0
}
