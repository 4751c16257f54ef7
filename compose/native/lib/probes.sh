# Readiness probes: a real API call per service (ListStreams, ListTables, ListBuckets, a query on each database),
# not a port check. Sourced by stack.sh.

# Emulators require a well-formed SigV4 header but never check the signature.
SIGV4_DATE=20260101T000000Z
sigv4_header() {
  echo "Authorization: AWS4-HMAC-SHA256 Credential=S3RVER/20260101/ap-northeast-1/$1/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000"
}

aws_json_call() { # URL SERVICE CONTENT_TYPE TARGET
  curl -sf --max-time 5 -X POST "$1" -H "$(sigv4_header "$2")" -H "X-Amz-Date: $SIGV4_DATE" \
    -H "Content-Type: $3" -H "X-Amz-Target: $4" -d '{}' >/dev/null 2>&1
}

# The pipeline's role, with its generated password (none yet: not ready).
delivery_psql() { # PORT SQL
  [ -f "$STATE/warehouse.secrets" ] && load_warehouse_secrets || return 1
  PGPASSWORD=$DELIVERY_PASSWORD psql -X "host=127.0.0.1 port=$1 user=sandbox_delivery dbname=warehouse connect_timeout=5" -tAc "$2"
}

probe() {
  case $1 in
    kinesis) aws_json_call "http://127.0.0.1:$KINESIS_PORT/" kinesis application/x-amz-json-1.1 Kinesis_20131202.ListStreams ;;
    dynamodb) aws_json_call "http://127.0.0.1:$DYNAMODB_PORT/" dynamodb application/x-amz-json-1.0 DynamoDB_20120810.ListTables ;;
    s3) curl -sf --max-time 5 "http://127.0.0.1:$S3_PORT/" | grep -q ListAllMyBucketsResult ;; # anonymous ListBuckets
    # A real request: the console answers /api/health after reading its schema version.
    console) curl -sf --max-time 5 "http://127.0.0.1:$CONSOLE_PORT/api/health" | grep -q '"status":"ok"' ;;
    # A real Web API call: the capture lists its channels for any xox token.
    slack) curl -sf --max-time 5 -H "Authorization: Bearer xoxb-sandbox-local-capture" "http://127.0.0.1:$SLACK_PORT/api/conversations.list" | grep -q '"ok":true' ;;
    appdb) probe_appdb ;;
    postgres) delivery_psql "$POSTGRES_PORT" 'select 1' >/dev/null 2>&1 ;;
    # Through the Redshift endpoint: the front relays a whole session (SCRAM login included) to PostgreSQL and back.
    warehouse) delivery_psql "$WAREHOUSE_PORT" 'select current_user' 2>/dev/null | grep -qx sandbox_delivery ;;
  esac
}
