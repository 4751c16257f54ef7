#!/usr/bin/env bash
# The compose warehouse's first start (docker-entrypoint-initdb.d): the contract's roles, with the
# passwords compose passes in from .sandbox/warehouse.secrets, by the same roles.sql as the native stack.
set -euo pipefail
psql -X -q -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -f - <<SQL
\set admin_password $ADMIN_PASSWORD
\set delivery_password $DELIVERY_PASSWORD
\set analyst_password $ANALYST_PASSWORD
\set analyst_timeout ${ANALYST_STATEMENT_TIMEOUT:-120s}
\i /sandbox-warehouse/roles.sql
SQL
