#!/usr/bin/env bash
# Installs what Sandbox needs on a fresh Debian machine; quiet and idempotent (skips what is there).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || apt_packages+=(postgresql-15)
# MariaDB 10.11 plays the app's "RDS for MySQL" (compose/native/lib/appdb.sh); the client for provisioning.
[ -x /usr/sbin/mariadbd ] && command -v mariadb >/dev/null || apt_packages+=(mariadb-server mariadb-client)
command -v node >/dev/null || apt_packages+=(nodejs npm)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || apt_packages+=(docker-compose)
# Report charts label Japanese search terms; ScottPlot finds no CJK glyphs without it.
[ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK" || apt_packages+=(fonts-noto-cjk)

# The console's browser tests drive Debian's chromium (Playwright cannot download a browser here).
command -v chromium >/dev/null || apt_packages+=(chromium)

if [ ${#apt_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deps: missing Debian packages: ${apt_packages[*]} (run: sudo apt-get install ${apt_packages[*]})" >&2
    exit 1
  fi
  echo "deps: apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
  }
fi

# npm ci only when the lockfile changed since the last install.
stamp=compose/native/node_modules/.sandbox-lock
if ! cmp -s compose/native/package-lock.json "$stamp" 2>/dev/null; then
  echo "deps: npm ci (compose/native)"
  npm ci --prefix compose/native --no-audit --no-fund --loglevel=error >/dev/null
  cp compose/native/package-lock.json "$stamp"
fi

command -v dotnet >/dev/null || { echo "deps: the .NET 10 SDK (dotnet) is missing: https://dot.net/install" >&2; exit 1; }
dotnet restore Sandbox.sln -v q --nologo >/dev/null
