#!/usr/bin/env bash
# The native (no-Docker) stack: real servers on fixed 127.0.0.1 ports, state under .sandbox/.
#   stack.sh up      start what is not running, wait until each answers a real API call
#   stack.sh down    stop everything, keep data
#   stack.sh clean   stop everything, delete data
#   stack.sh ready   exit 0 when every service answers, 1 otherwise (prints which do not)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATE=${SANDBOX_HOME:-$REPO/.sandbox}
PIDS=$STATE/pids LOGS=$STATE/logs DATA=$STATE/data
NODE_MODULES=$HERE/node_modules
KINESIS_ENGINE=${SANDBOX_KINESIS_ENGINE:-sandbox}    # sandbox (our engine) | kinesis-local
KINESIS_LIMITS=${SANDBOX_KINESIS_LIMITS:-on}         # per-shard quotas as on AWS; off for raw-speed load tests
READY_TIMEOUT=${SANDBOX_READY_TIMEOUT:-60}
KINESIS_DLL=$REPO/src/Sandbox.Kinesis.Server/bin/Release/net10.0/sandbox-kinesis.dll
DYNAMODB_DLL=$REPO/src/Sandbox.DynamoDb.Server/bin/Release/net10.0/sandbox-dynamodb.dll
REDSHIFT_DLL=$REPO/src/Sandbox.Redshift/bin/Release/net10.0/sandbox-redshift.dll
CONSOLE_DLL=$REPO/src/Sandbox.Console/bin/Release/net10.0/sandbox-console.dll
SLACK_DLL=$REPO/src/Sandbox.Slack.Capture/bin/Release/net10.0/sandbox-slack.dll
# shellcheck source=ports.env
source "$HERE/ports.env"
source "$HERE/lib/probes.sh"
source "$HERE/lib/processes.sh"
source "$HERE/lib/warehouse.sh"
source "$HERE/lib/appdb.sh"

# postgres before warehouse: the Redshift endpoint (sandbox-redshift) on WAREHOUSE_PORT fronts it.
# console last: it reads the endpoints contract, written once the others answer.
SERVICES=(postgres warehouse appdb dynamodb s3 kinesis slack console)

port_of() {
  case $1 in
    postgres) echo "$POSTGRES_PORT" ;; warehouse) echo "$WAREHOUSE_PORT" ;; appdb) echo "$APPDB_PORT" ;;
    dynamodb) echo "$DYNAMODB_PORT" ;;
    s3) echo "$S3_PORT" ;; kinesis) echo "$KINESIS_PORT" ;; console) echo "$CONSOLE_PORT" ;;
    slack) echo "$SLACK_PORT" ;;
  esac
}

require_prerequisites() {
  local missing=()
  command -v node >/dev/null || missing+=("node (apt-get install nodejs npm)")
  command -v dotnet >/dev/null || missing+=(".NET 10 SDK (dotnet)")
  [ -f "$REDSHIFT_DLL" ] || missing+=("the Redshift endpoint build (make build)")
  [ -f "$CONSOLE_DLL" ] || missing+=("the console build (make build)")
  [ -f "$SLACK_DLL" ] || missing+=("the Slack capture build (make build)")
  command -v curl >/dev/null || missing+=("curl (apt-get install curl)")
  command -v ss >/dev/null || missing+=("ss (apt-get install iproute2)")
  pg_bin >/dev/null 2>&1 || missing+=("PostgreSQL 15 server (apt-get install postgresql-15)")
  appdb_bin >/dev/null 2>&1 || missing+=("MariaDB server (apt-get install mariadb-server)")
  [ -d "$NODE_MODULES/s3rver" ] || missing+=("emulators from npm (npm ci --prefix compose/native)")
  [ -f "$DYNAMODB_DLL" ] || missing+=("the DynamoDB engine build (make build)")
  case $KINESIS_ENGINE in
    sandbox)
      [ -f "$KINESIS_DLL" ] || missing+=("the Kinesis engine build (make build)") ;;
    kinesis-local) ;;
    *) echo "stack: SANDBOX_KINESIS_ENGINE='$KINESIS_ENGINE' is not one of: sandbox, kinesis-local" >&2; exit 1 ;;
  esac
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'stack: missing prerequisites:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
  fi
}

# The query log connection goes straight to PostgreSQL (the front must not log its own log writes).
start_warehouse() {
  # The statement log is written with the pipeline's role: INSERT on redshift.query_log (0004's default privileges).
  # COPY / UNLOAD reach the stack's S3 through the endpoints contract in $STATE (read at the first COPY).
  SANDBOX_REDSHIFT_QUERY_LOG="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=sandbox_delivery;Password=$DELIVERY_PASSWORD;Database=warehouse" \
  SANDBOX_HOME="$STATE" \
    spawn warehouse "$WAREHOUSE_PORT" dotnet "$REDSHIFT_DLL" \
      --host 127.0.0.1 --port "$WAREHOUSE_PORT" --backend-host 127.0.0.1 --backend-port "$POSTGRES_PORT"
}

# The Sandbox Console (issue #14): its state in the console schema; seeded passwords under $STATE.
start_console() {
  spawn console "$CONSOLE_PORT" dotnet "$CONSOLE_DLL" --port "$CONSOLE_PORT" --state "$STATE"
}

# The local Slack capture (issue #15): every message and upload under $DATA/slack.
start_slack() {
  spawn slack "$SLACK_PORT" dotnet "$SLACK_DLL" --host 127.0.0.1 --port "$SLACK_PORT" --data "$DATA/slack"
}

# Our DynamoDB engine (sandbox-dynamodb): one SQLite file per table under $DATA/dynamodb.
start_dynamodb() {
  spawn dynamodb "$DYNAMODB_PORT" dotnet "$DYNAMODB_DLL" --host 127.0.0.1 --port "$DYNAMODB_PORT" --data "$DATA/dynamodb"
}

start_s3() {
  # --openssl-legacy-provider: without it s3rver answers paginated listings with 500 (docs/FACTS-LOCAL.md).
  spawn s3 "$S3_PORT" node --openssl-legacy-provider "$NODE_MODULES/s3rver/bin/s3rver.js" \
    --address 127.0.0.1 --port "$S3_PORT" --directory "$DATA/s3" --silent
}

start_kinesis() {
  case $KINESIS_ENGINE in
    sandbox)
      spawn kinesis "$KINESIS_PORT" dotnet "$KINESIS_DLL" \
        --host 127.0.0.1 --port "$KINESIS_PORT" --data "$DATA/kinesis" --limits "$KINESIS_LIMITS" ;;
    kinesis-local)
      KINESIS_MOCK_CERT_PATH="$NODE_MODULES/kinesis-local/server.json" \
      KINESIS_MOCK_PLAIN_PORT="$KINESIS_PORT" KINESIS_MOCK_TLS_PORT=$((KINESIS_PORT + 1000)) \
      SHOULD_PERSIST_DATA=true PERSIST_PATH="$DATA/kinesis-local" \
        spawn kinesis "$KINESIS_PORT" node -r "$HERE/loopback.js" "$NODE_MODULES/kinesis-local/main.js" ;;
  esac
}

write_endpoints() {
  (umask 077; cat > "$STATE/endpoints.env.tmp" <<ENV
# Written by compose/native/stack.sh up: the endpoints contract for the native stack.
# Source it (set -a; . .sandbox/endpoints.env) to point the awscli at the stack too. Mode 600:
# the SANDBOX_WAREHOUSE* connection strings carry the generated role passwords.
SANDBOX_TARGET=native
SANDBOX_KINESIS_URL=http://127.0.0.1:$KINESIS_PORT
SANDBOX_DYNAMODB_URL=http://127.0.0.1:$DYNAMODB_PORT
SANDBOX_S3_URL=http://127.0.0.1:$S3_PORT
$(warehouse_endpoints 127.0.0.1 "$WAREHOUSE_PORT")
SANDBOX_CONSOLE_URL=http://127.0.0.1:$CONSOLE_PORT
SANDBOX_SLACK_URL=http://127.0.0.1:$SLACK_PORT
SANDBOX_REGION=ap-northeast-1
SANDBOX_ACCESS_KEY_ID=S3RVER
SANDBOX_SECRET_ACCESS_KEY=S3RVER
AWS_ACCESS_KEY_ID=S3RVER
AWS_SECRET_ACCESS_KEY=S3RVER
AWS_DEFAULT_REGION=ap-northeast-1
ENV
  appdb_endpoints >> "$STATE/endpoints.env.tmp"
  )
  chmod 600 "$STATE/endpoints.env.tmp"   # it holds the warehouse passwords
  mv "$STATE/endpoints.env.tmp" "$STATE/endpoints.env"
}

cmd_up() {
  require_prerequisites
  mkdir -p "$PIDS" "$LOGS" "$DATA/dynamodb" "$DATA/s3" "$DATA/kinesis"
  local service
  # Every port first: a taken one stops the whole start before anything runs.
  for service in "${SERVICES[@]}"; do is_running "$service" || require_free_port "$service" "$(port_of "$service")"; done
  for service in "${SERVICES[@]}"; do [ "$service" = console ] || "start_$service"; done
  for service in "${SERVICES[@]}"; do [ "$service" = console ] || wait_ready "$service"; done
  write_endpoints
  start_console
  wait_ready console
  echo "stack: native stack ready (endpoints in ${STATE#"$REPO"/}/endpoints.env)"
}

cmd_down() {
  local service
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    service=${SERVICES[$i]}
    if [ "$service" = postgres ]; then stop_postgres; else stop_process "$service"; fi
  done
}

cmd_clean() {
  cmd_down
  remove_warehouse_data
  remove_appdb_data
  rm -rf "$STATE"
  echo "stack: removed all native stack data"
}

cmd_ready() {
  local service not_ready=()
  for service in "${SERVICES[@]}"; do probe "$service" || not_ready+=("$service"); done
  [ ${#not_ready[@]} -eq 0 ] && return 0
  echo "stack: not answering: ${not_ready[*]}" >&2
  return 1
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  clean) cmd_clean ;;
  ready) cmd_ready ;;
  *) echo "usage: $0 up|down|clean|ready" >&2; exit 2 ;;
esac
