#!/usr/bin/env bash
# End to end on the running stack: generated app logs -> shipper -> Kinesis -> Firehose (S3 archive +
# warehouse COPY) and the click-log Lambda, all in one `sandbox run --once`. Fresh resource names
# per run so earlier data cannot help or hurt; the stream's AWS write limit (1,000 records/s per
# shard) is switched off with its sandbox:limits tag, so the figure is the pipeline's own rate.
# Baseline in the same run: the shipper alone into a second fresh stream (the pipeline's source rate).
#   EVENTS=300000 tools/bench-e2e.sh
set -euo pipefail
cd "$(dirname "$0")/.."
events=${EVENTS:-300000}
run_id=e2e$(date +%s)
work=$(mktemp -d /var/tmp/sandbox-e2e-XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v aws >/dev/null || { echo "bench-e2e: needs the awscli (aws) to tag the streams and list the archive: pip install awscli" >&2; exit 2; }
[ -f .sandbox/endpoints.env ] || { echo "bench-e2e: no .sandbox/endpoints.env: start the stack with 'make up' first" >&2; exit 2; }
set -a; source .sandbox/endpoints.env; set +a  # the emulators' dummy keys for the awscli too
export SANDBOX_STREAM=$run_id SANDBOX_LEASE_TABLE=${run_id}_leases SANDBOX_ARCHIVE_BUCKET=$run_id-archive \
  SANDBOX_STAGING_BUCKET=$run_id-staging SANDBOX_ERROR_BUCKET=$run_id-errors
unlimited() { aws --endpoint-url "$SANDBOX_KINESIS_URL" kinesis add-tags-to-stream --stream-name "$1" --tags sandbox:limits=off; }

tools/sandbox bootstrap >/dev/null
unlimited "$run_id"
tools/sandbox generate --from 2026-11-02 --events-per-day "$events" --users $((events / 10)) --seed "${SEED:-$(date +%s)}" -o "$work/logs"
manifest=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['totals']['events'])" "$work/logs/manifest.json" 2>/dev/null || echo "?")

echo "== baseline: shipper alone -> $run_id-ship"
aws --endpoint-url "$SANDBOX_KINESIS_URL" kinesis create-stream --stream-name "$run_id-ship" --shard-count 4
unlimited "$run_id-ship"
start=$(date +%s.%N)
tools/sandbox ship --from "$work/logs" --state "$work/ship-state" --stream "$run_id-ship" --once | tail -1
ship_seconds=$(echo "$(date +%s.%N) - $start" | bc)

echo "== pipeline: sandbox run --once (shipper, to-archive, to-warehouse, click-log Lambda)"
python3 tools/lib/stack-cpu.py snapshot .sandbox/pids >"$work/cpu-before.json"
/usr/bin/time -f "run: %e s wall, %U s user, %S s sys, max RSS %M KiB" \
  tools/sandbox run --from "$work/logs" --state "$work/run-state" --once --buffer-seconds 1 | tee "$work/run.txt"
echo "== CPU seconds of each stack service during the pipeline run (where the time went; 'warehouse' is the Redshift front)"
python3 tools/lib/stack-cpu.py diff .sandbox/pids "$work/cpu-before.json"

libpq=$(tr ';' '\n' <<<"$SANDBOX_WAREHOUSE" | sed -e 's/^Host=/host=/' -e 's/^Port=/port=/' -e 's/^Username=/user=/' -e 's/^Password=/password=/' -e 's/^Database=/dbname=/' | tr '\n' ' ')
loaded=$(psql "$libpq" -Atc "select coalesce(sum(rows_inserted), 0) from load_commits where manifest_key like 's3://$run_id-staging/%'")
objects=$(aws --endpoint-url "$SANDBOX_S3_URL" s3 ls "s3://$run_id-archive/" --recursive | wc -l)
echo "manifest events: $manifest; warehouse rows loaded for this run: $loaded; archive objects: $objects"
caught_up=$(sed -n 's/^run: caught up after \([0-9.]*\) s.*/\1/p' "$work/run.txt")
python3 - "$manifest" "$ship_seconds" "$caught_up" <<'PY'
import sys
events, ship, run = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"baseline shipper alone: {events / ship:,.0f} events/s ({ship:.1f} s)")
print(f"pipeline end to end:    {events / run:,.0f} events/s ({run:.1f} s) = {ship / run:.3f}x the shipper alone, {events / run / 10000:.2f}x the 10,000/s goal")
PY
[ "$loaded" = "$manifest" ] || { echo "MISMATCH: warehouse rows $loaded != manifest events $manifest" >&2; exit 1; }
