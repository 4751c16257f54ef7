#!/usr/bin/env bash
# make bench: every benchmark, each measuring its own baseline in the same run (the machines are
# shared and noisy: compare ratios). Figures belong in docs/BENCHMARKS.md with the machine and command.
#   BENCH=kinesis,generator,warehouse make bench     # a subset (also: redshift, the endpoint's overhead)
#   BENCH_SCALE=small make bench                     # quick sizes (smoke run)
#   BENCH=e2e make bench                             # the whole pipeline on the running stack (tools/bench-e2e.sh)
#   BENCH=load make bench                            # `sandbox load` at a reduced size on the running stack (issue #17)
#   BENCH=dynamodb make bench                        # sandbox-dynamodb vs dynalite on the click log's writes (server CPU-s)
#   BENCH=console make bench                         # the console on the running stack (issue #14: first rows, memory, API, cold start)
set -euo pipefail
cd "$(dirname "$0")/.."
selected=${BENCH:-stack,kinesis,dynamodb,generator,warehouse,redshift,sync,e2e,load,console}
small=$([ "${BENCH_SCALE:-full}" = small ] && echo yes || echo no)
run() { # NAME PROJECT DLL ARGS...
  local name=$1 project=$2 dll=$3; shift 3
  [[ ",$selected," == *",$name,"* ]] || return 0
  echo "== bench $name: $dll $*"
  dotnet build -c Release "$project" -v q -nologo >/dev/null
  dotnet "$(dirname "$project")/bin/Release/net10.0/$dll" "$@"
}
if [[ ",$selected," == *",stack,"* ]]; then echo "== bench stack: tools/bench-stack.sh"; tools/bench-stack.sh; fi
if [[ ",$selected," == *",e2e,"* ]]; then
  echo "== bench e2e: tools/bench-e2e.sh"
  EVENTS=$([ "$small" = yes ] && echo 100000 || echo 1000000) tools/bench-e2e.sh
fi
if [[ ",$selected," == *",load,"* ]]; then
  # Reduced sizes of the 30M day: as fast as it goes (quotas off), then 2 shards with quotas at a speed-up.
  events=$([ "$small" = yes ] && echo 100000 || echo 1000000)
  echo "== bench load: sandbox load --events $events --speed max"
  tools/sandbox load --events "$events" --speed max --shards 4 --interval-seconds 10 --buffer-seconds 5
  echo "== bench load: sandbox load --events $((events / 10)) --speed 480 --shards 2 (quotas on)"
  tools/sandbox load --events "$((events / 10))" --speed 480 --shards 2 --interval-seconds 10 --buffer-seconds 5
fi
if [[ ",$selected," == *",dynamodb,"* ]]; then
  # The baseline, dynalite, is no longer part of the stack: a bench-only install from its own lockfile.
  npm ci --prefix tools/Sandbox.DynamoDb.Bench/baseline --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ "$small" = yes ]; then
  run dynamodb tools/Sandbox.DynamoDb.Bench/Sandbox.DynamoDb.Bench.csproj sandbox-dynamodb-bench.dll --items 10000 --queries 200 --rounds 1
  run kinesis tools/Sandbox.Kinesis.Bench/Sandbox.Kinesis.Bench.csproj sandbox-kinesis-bench.dll --records 200000 --compare-records 2000 --rounds 1
  run generator tools/Sandbox.Generator.Bench/Sandbox.Generator.Bench.csproj Sandbox.Generator.Bench.dll --events 500000 --gzip-events 500000 --users 50000 --threads 2 --rounds 1
  run warehouse tools/Sandbox.Warehouse.Bench/Sandbox.Warehouse.Bench.csproj sandbox-warehouse-bench.dll --lines 100000 --rounds 1
  run redshift tools/Sandbox.Redshift.Bench/Sandbox.Redshift.Bench.csproj sandbox-redshift-bench.dll --rows 100000 --rounds 3 --queries 2000
  run sync tools/Sandbox.Sync.Bench/Sandbox.Sync.Bench.csproj sandbox-sync-bench.dll --rows 100000 --rounds 1
  run console tools/Sandbox.Console.Bench/Sandbox.Console.Bench.csproj sandbox-console-bench.dll all --rows 100000 --rounds 1 --requests 20
else
  run dynamodb tools/Sandbox.DynamoDb.Bench/Sandbox.DynamoDb.Bench.csproj sandbox-dynamodb-bench.dll --items 85000 --queries 2000 --rounds 3
  run kinesis tools/Sandbox.Kinesis.Bench/Sandbox.Kinesis.Bench.csproj sandbox-kinesis-bench.dll --records 10000000 --compare-records 5000 --rounds 5
  run generator tools/Sandbox.Generator.Bench/Sandbox.Generator.Bench.csproj Sandbox.Generator.Bench.dll --events 10000000 --gzip-events 10000000 --users 2000000 --threads 2 --rounds 3
  run warehouse tools/Sandbox.Warehouse.Bench/Sandbox.Warehouse.Bench.csproj sandbox-warehouse-bench.dll --lines 1000000 --rounds 3
  run redshift tools/Sandbox.Redshift.Bench/Sandbox.Redshift.Bench.csproj sandbox-redshift-bench.dll --rows 1000000 --rounds 5 --queries 10000
  run sync tools/Sandbox.Sync.Bench/Sandbox.Sync.Bench.csproj sandbox-sync-bench.dll --rows 1000000 --rounds 3
  run console tools/Sandbox.Console.Bench/Sandbox.Console.Bench.csproj sandbox-console-bench.dll all --rounds 5 --requests 200
fi
