#!/usr/bin/env bash
# make demo (after make up): generate realistic app traffic, push it through the pipeline
# (shipper -> Kinesis -> Firehose -> S3 archive + warehouse) and print the report.
#   DEMO_DAY=2026-11-01 DEMO_DAYS=2 DEMO_EVENTS=1000000 DEMO_USERS=100000 DEMO_SEED=42 make demo
# DEMO_EVENTS is the total, spread over DEMO_DAYS days ending on DEMO_DAY: two days by default, so
# the report has an install cohort whose next day it can see (day-1 retention). DEMO_DAYS=1 for one.
# Runs again safely: the shipper's pos file skips what it shipped, the warehouse skips known event_ids.
set -euo pipefail
cd "$(dirname "$0")/.."
day=${DEMO_DAY:-2026-11-01}
days=${DEMO_DAYS:-2}
events=${DEMO_EVENTS:-1000000}
users=${DEMO_USERS:-100000}
seed=${DEMO_SEED:-42}
[[ "$days" =~ ^[1-9][0-9]*$ ]] || { echo "demo: DEMO_DAYS='$days' is not a positive number of days" >&2; exit 2; }
first=$(date -u -d "$day - $((days - 1)) days" +%F)
work=.sandbox/demo/$first-$day-$events-$users-$seed

# Wall time per phase and in total, for docs/BENCHMARKS.md ("make demo").
clock() { date +%s.%N; }
started=$(clock); phase_start=$started
phase_done() {
  local now; now=$(clock)
  awk -v what="$1" -v a="$phase_start" -v b="$now" 'BEGIN { printf "demo: %s took %.1f s\n", what, b - a }'
  phase_start=$now
}

echo "demo: 1/4 generate $events events for $users users, $first..$day (seed $seed) -> $work/logs, and the app database they refer to"
tools/sandbox generate --from "$first" --to "$day" --users "$users" --events-per-day $((events / days)) --seed "$seed" --gzip -o "$work/logs" --appdb
phase_done "1/4 generate"

echo "demo: 2/4 ship and deliver (shipper -> Kinesis -> Firehose to-archive + to-warehouse) until drained"
shards=${SANDBOX_STREAM_SHARDS:-4}
echo "demo: the stream keeps AWS's write quota, 1,000 records/s per shard: ${shards} shards pace $events events to ~$((events / (shards * 1000) + 1)) s at least; throttled sends are resent and counted on the shipper's line, not lost (SANDBOX_KINESIS_LIMITS=off make up lifts the quota)"
tools/sandbox run --from "$work/logs" --state "$work/shipper" --once --buffer-seconds 5
phase_done "2/4 ship and deliver"

echo "demo: 3/4 sync the app database's tables into the warehouse (app.*: names for the report)"
tools/sandbox sync
phase_done "3/4 sync"

echo "demo: 4/4 report"
status=0
tools/sandbox report --manifest "$work/logs/manifest.json" || status=$?  # its days: the range to check
phase_done "4/4 report"
awk -v a="$started" -v b="$(clock)" 'BEGIN { printf "demo: total %.1f s\n", b - a }'
exit $status
