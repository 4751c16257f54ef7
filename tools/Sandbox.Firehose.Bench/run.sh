#!/usr/bin/env bash
# Starts a private sandbox-kinesis (limits off) on a free port, runs the Firehose bench against it
# plus the native stack's S3/DynamoDB/warehouse, then stops the engine. Args go to the bench.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build -c Release "$root/src/Sandbox.Kinesis.Server" -v q -nologo >/dev/null
dotnet build -c Release "$root/tools/Sandbox.Firehose.Bench" -v q -nologo >/dev/null
data="$(mktemp -d)"; log="$data/engine.log"
dotnet "$root/src/Sandbox.Kinesis.Server/bin/Release/net10.0/sandbox-kinesis.dll" --host 127.0.0.1 --port 0 --data "$data/kinesis" --limits off >"$log" 2>&1 &
engine=$!
trap 'kill $engine 2>/dev/null; wait $engine 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do grep -q "listening on" "$log" && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
[ -n "$url" ] || { echo "sandbox-kinesis did not start:"; cat "$log"; exit 1; }
SANDBOX_KINESIS_URL="$url" dotnet "$root/tools/Sandbox.Firehose.Bench/bin/Release/net10.0/Sandbox.Firehose.Bench.dll" "$@"
