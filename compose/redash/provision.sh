#!/bin/bash
# Redash's provisioning step (compose service redash-provision, profile "redash"): runs once per
# `make up` inside the Redash image and is idempotent. Creates Redash's tables, the admin account
# (password from .sandbox/redash.secrets) and the data source "Sandbox warehouse": the read-only
# analyst role through the Redshift endpoint, 127.0.0.1:5439 as its worker (on the host's network)
# sees it. Redash's own "pg" type, not "redshift": the endpoint
# speaks PostgreSQL's catalog, and Redash's Redshift schema reader asks for svv_* views it lacks.
set -euo pipefail
manage() { /app/manage.py "$@"; }

for attempt in $(seq 1 60); do
  manage status >/dev/null 2>&1 && break
  [ "$attempt" = 60 ] && { echo "redash-provision: Redash's PostgreSQL/Redis did not answer in 120 s" >&2; exit 1; }
  sleep 2
done

# create_tables refuses a database that already has them: only an empty one is created.
if ! manage users list 2>/dev/null | grep -q "Email: $REDASH_ADMIN_EMAIL"; then
  manage database create_tables || true
  manage users create_root "$REDASH_ADMIN_EMAIL" admin --password "$REDASH_ADMIN_PASSWORD"
fi

if ! manage ds list | grep -q "Name: Sandbox warehouse"; then
  options=$(printf '{"host": "127.0.0.1", "port": 5439, "dbname": "warehouse", "user": "analyst", "password": "%s", "sslmode": "disable"}' "$ANALYST_PASSWORD")
  manage ds new "Sandbox warehouse" --type pg --options "$options"
fi
echo "redash-provision: Redash has its admin ($REDASH_ADMIN_EMAIL) and the data source 'Sandbox warehouse'"
