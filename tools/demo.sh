#!/usr/bin/env bash
# make demo (after make up): generate one realistic day of app traffic, push it through the
# pipeline (shipper -> Kinesis -> Firehose -> S3 archive + warehouse) and print the report.
#   DEMO_DAY=2026-11-01 DEMO_EVENTS=1000000 DEMO_USERS=100000 DEMO_SEED=42 make demo
# Runs again safely: the shipper's pos file skips what it shipped, the warehouse skips known event_ids.
set -euo pipefail
cd "$(dirname "$0")/.."
day=${DEMO_DAY:-2026-11-01}
events=${DEMO_EVENTS:-1000000}
users=${DEMO_USERS:-100000}
seed=${DEMO_SEED:-42}
work=.sandbox/demo/$day-$events-$users-$seed

echo "demo: 1/3 generate $events events for $users users on $day (seed $seed) -> $work/logs"
tools/sandbox generate --from "$day" --users "$users" --events-per-day "$events" --seed "$seed" --gzip -o "$work/logs"

echo "demo: 2/3 ship and deliver (shipper -> Kinesis -> Firehose to-archive + to-warehouse) until drained"
tools/sandbox run --from "$work/logs" --state "$work/shipper" --once --buffer-seconds 5

echo "demo: 3/3 report"
tools/sandbox report --manifest "$work/logs/manifest.json"  # its days: the range to check
