#!/usr/bin/env bash
# Writes the endpoints contract for the compose stack (ports as published in docker-compose.yml).
set -euo pipefail
state=${SANDBOX_HOME:-$(cd "$(dirname "$0")/.." && pwd)/.sandbox}
mkdir -p "$state"
cat > "$state/endpoints.env" <<ENV
# Written by compose/write-endpoints.sh: the endpoints contract for the compose stack.
SANDBOX_TARGET=compose
SANDBOX_KINESIS_URL=http://127.0.0.1:4567
SANDBOX_DYNAMODB_URL=http://127.0.0.1:4566
SANDBOX_S3_URL=http://127.0.0.1:4566
SANDBOX_WAREHOUSE='Host=127.0.0.1;Port=5439;Username=sandbox;Password=sandbox;Database=warehouse'
SANDBOX_CONSOLE_URL=http://127.0.0.1:8088
SANDBOX_REGION=ap-northeast-1
SANDBOX_ACCESS_KEY_ID=test
SANDBOX_SECRET_ACCESS_KEY=test
AWS_ACCESS_KEY_ID=test
AWS_SECRET_ACCESS_KEY=test
AWS_DEFAULT_REGION=ap-northeast-1
ENV
echo "compose: endpoints in $state/endpoints.env"
# The console's seeded accounts live in its volume; a copy for people, readable by its owner only.
compose_file=$(cd "$(dirname "$0")" && pwd)/docker-compose.yml
if docker compose -f "$compose_file" exec -T console cat /state/console-accounts.env > "$state/console-accounts.env.tmp" 2>/dev/null; then
  chmod 600 "$state/console-accounts.env.tmp" && mv "$state/console-accounts.env.tmp" "$state/console-accounts.env"
else
  rm -f "$state/console-accounts.env.tmp"
fi
