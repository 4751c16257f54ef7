#!/usr/bin/env bash
# The compose stack's warehouse passwords and endpoints contract (ports as published in
# docker-compose.yml).
#   write-endpoints.sh secrets   generate .sandbox/warehouse.secrets once (the compose --env-file)
#   write-endpoints.sh           write .sandbox/endpoints.env (mode 600: it holds the passwords)
set -euo pipefail
STATE=${SANDBOX_HOME:-$(cd "$(dirname "$0")/.." && pwd)/.sandbox}
# shellcheck source=warehouse/secrets.sh
source "$(dirname "$0")/warehouse/secrets.sh"
load_warehouse_secrets
[ "${1:-}" = secrets ] && exit 0
(umask 077; cat > "$STATE/endpoints.env.tmp" <<ENV
# Written by compose/write-endpoints.sh: the endpoints contract for the compose stack.
SANDBOX_TARGET=compose
SANDBOX_KINESIS_URL=http://127.0.0.1:4567
SANDBOX_DYNAMODB_URL=http://127.0.0.1:4566
SANDBOX_S3_URL=http://127.0.0.1:4566
$(warehouse_endpoints 127.0.0.1 5439)
SANDBOX_REGION=ap-northeast-1
SANDBOX_ACCESS_KEY_ID=test
SANDBOX_SECRET_ACCESS_KEY=test
AWS_ACCESS_KEY_ID=test
AWS_SECRET_ACCESS_KEY=test
AWS_DEFAULT_REGION=ap-northeast-1
ENV
)
chmod 600 "$STATE/endpoints.env.tmp"
mv "$STATE/endpoints.env.tmp" "$STATE/endpoints.env"
echo "compose: endpoints in $STATE/endpoints.env"
