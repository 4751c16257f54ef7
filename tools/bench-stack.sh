#!/usr/bin/env bash
# Times the native stack's life cycle on spare ports in a throwaway state folder, against the
# baseline of a bare PostgreSQL initdb + start (the slowest piece) measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
source compose/native/lib/warehouse.sh
home=$(mktemp -d /var/tmp/sandbox-bench-XXXXXX)
chmod 755 "$home"
export SANDBOX_HOME=$home KINESIS_PORT=24567 DYNAMODB_PORT=24568 S3_PORT=24569 WAREHOUSE_PORT=25439 POSTGRES_PORT=25438
now() { date +%s.%N; }
seconds() { echo "$2 - $1" | bc; }

baseline_dir=$home/baseline && mkdir -p "$baseline_dir" && { [ "$(id -u)" != 0 ] || chown postgres: "$baseline_dir"; }
t0=$(now)
as_postgres "$(pg_bin)/initdb" -D "$baseline_dir/data" -U sandbox --auth=trust >/dev/null
as_postgres "$(pg_bin)/pg_ctl" -D "$baseline_dir/data" -o "-c listen_addresses=127.0.0.1 -p 25440 -k $baseline_dir/data" -w start >/dev/null
t1=$(now)
as_postgres "$(pg_bin)/pg_ctl" -D "$baseline_dir/data" -m fast -w stop >/dev/null

t2=$(now); compose/native/stack.sh up >/dev/null; t3=$(now)
compose/native/stack.sh up >/dev/null; t4=$(now)
compose/native/stack.sh down >/dev/null; t5=$(now)
compose/native/stack.sh up >/dev/null; t6=$(now)
compose/native/stack.sh clean >/dev/null
rm -rf "$home"

baseline=$(seconds "$t0" "$t1")
printf '%-34s %7s s  %s\n' "baseline: initdb + pg_ctl start" "$baseline" "1.00x"
for row in "cold up (initdb, 4 services ready):$t2:$t3" "second up (no-op):$t3:$t4" "down (keeps data):$t4:$t5" "warm up (data kept):$t5:$t6"; do
  IFS=: read -r label from to <<<"$row"
  s=$(seconds "$from" "$to")
  printf '%-34s %7s s  %sx\n' "$label" "$s" "$(echo "scale=2; $s / $baseline" | bc)"
done
