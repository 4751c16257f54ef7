#!/usr/bin/env bash
# Runs every test project against the stack and ends with ONE summary line over all of them:
#   N passed, N failed, N skipped
# Starts the native stack when none answers, and stops it again afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.sandbox/test-results
rm -rf "$results" && mkdir -p "$results"

started=no
if [ "${SANDBOX_STACK:-native}" = native ] && ! compose/native/stack.sh ready >/dev/null 2>&1; then
  if compose/native/stack.sh up && tools/sandbox bootstrap; then
    started=yes
  else
    compose/native/stack.sh down >/dev/null 2>&1
    echo "0 passed, 1 failed (the native stack did not start; see above)"
    exit 1
  fi
fi

passed=0 failed=0 skipped=0 broken=()
for project in $(grep -l '<IsTestProject>true' tests/*/*.csproj | sort); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c "${CONFIG:-Release}" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" 2>&1 \
    | grep -vE '^\s*$|^Test run for|^VSTest version|^Starting test execution|^A total of|^Results File|\[SKIP\]$'
  trx=$results/$name.trx
  counters=$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null)
  if [ -z "$counters" ]; then broken+=("$name"); failed=$((failed + 1)); continue; fi
  count() { echo "$counters" | sed -E "s/.* $1=\"([0-9]+)\".*/\1/"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count total) - $(count executed))) # VSTest counts a skipped test as not executed
done

[ "$started" = yes ] && compose/native/stack.sh down
for name in "${broken[@]}"; do echo "$name produced no test results (did not build or its test host crashed): counted as 1 failed"; done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
