#!/usr/bin/env bash
# Lints compose/docker-compose.yml without a Docker engine (docker-compose v1 from Debian can).
set -euo pipefail
cd "$(dirname "$0")/.."
file=compose/docker-compose.yml
# The file requires the warehouse passwords (make up generates them): lint with throwaway ones.
env_file=$(mktemp); trap 'rm -f "$env_file"' EXIT
{ for role in SUPERUSER ADMIN DELIVERY ANALYST; do echo "${role}_PASSWORD=lint-only"; done
  for key in REDASH_POSTGRES_PASSWORD REDASH_REDIS_PASSWORD REDASH_COOKIE_SECRET REDASH_SECRET_KEY REDASH_ADMIN_PASSWORD; do echo "$key=lint-only"; done
} > "$env_file"
if command -v docker-compose >/dev/null; then
  # Every profile (Redash's too): the file must be valid with all of them on.
  COMPOSE_PROFILES=redash docker-compose --env-file "$env_file" -f "$file" config -q
elif docker compose version >/dev/null 2>&1; then
  COMPOSE_PROFILES=redash docker compose --env-file "$env_file" -f "$file" config -q
else
  echo "lint-compose: neither docker-compose nor 'docker compose' is installed (make deps installs it)" >&2
  exit 1
fi
echo "lint-compose: $file is valid"
