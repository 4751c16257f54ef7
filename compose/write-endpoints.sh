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
SANDBOX_REGION=ap-northeast-1
SANDBOX_ACCESS_KEY_ID=test
SANDBOX_SECRET_ACCESS_KEY=test
AWS_ACCESS_KEY_ID=test
AWS_SECRET_ACCESS_KEY=test
AWS_DEFAULT_REGION=ap-northeast-1
ENV
echo "compose: endpoints in $state/endpoints.env"
