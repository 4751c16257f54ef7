#!/bin/bash
# MySQL image init step (runs once, on an empty volume): the read-only sync role and the admin's
# right to create throwaway app_* databases for tests, as on the native stack (lib/appdb.sh).
set -euo pipefail
mysql -u root -p"$MYSQL_ROOT_PASSWORD" <<SQL
create user if not exists 'sync_reader'@'%' identified by '${APPDB_SYNC_PASSWORD:?}';
grant select on app.* to 'sync_reader'@'%';
grant all privileges on \`app\_%\`.* to '${MYSQL_USER}'@'%';
SQL
