# Process life cycle for the native stack: pid files, port checks, readiness waits.
# Sourced by stack.sh (needs PIDS, LOGS, READY_TIMEOUT, port_of, probe).

pid_of() { [ -f "$PIDS/$1.pid" ] && cat "$PIDS/$1.pid"; }

is_running() {
  local pid
  pid=$(pid_of "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

port_holder() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -E 's/.*users:\(\((.*)\)\).*/\1/' | head -n 1
}

require_free_port() {
  local service=$1 port=$2 holder
  holder=$(port_holder "$port")
  if [ -n "$holder" ] || ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
    echo "stack: cannot start $service: port $port is already taken by ${holder:-another process}." >&2
    echo "       Stop that process, or run 'make down' if it is an earlier Sandbox stack." >&2
    exit 1
  fi
}

# spawn NAME PORT CMD...: start CMD detached (own session, survives make), log to LOGS/NAME.log.
spawn() {
  local service=$1 port=$2; shift 2
  if is_running "$service"; then echo "stack: $service already running (pid $(pid_of "$service"))"; return; fi
  require_free_port "$service" "$port"
  setsid "$@" >>"$LOGS/$service.log" 2>&1 </dev/null &
  echo $! > "$PIDS/$service.pid"
  echo "stack: started $service on 127.0.0.1:$port (pid $!)"
}

wait_ready() {
  local service=$1 deadline=$((SECONDS + READY_TIMEOUT))
  until probe "$service"; do
    if ! is_running "$service"; then
      echo "stack: $service exited before it became ready. Last lines of $LOGS/$service.log:" >&2
      tail -n 20 "$LOGS/$service.log" >&2 || true
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "stack: $service did not become ready within ${READY_TIMEOUT}s on port $(port_of "$service"). Last lines of $LOGS/$service.log:" >&2
      tail -n 20 "$LOGS/$service.log" >&2 || true
      exit 1
    fi
    sleep 0.2
  done
}

stop_process() {
  local service=$1 pid
  is_running "$service" || { rm -f "$PIDS/$service.pid"; return 0; }
  pid=$(pid_of "$service")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "stack: $service (pid $pid) ignored SIGTERM for 10s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDS/$service.pid"
  echo "stack: stopped $service"
}
