#!/usr/bin/env bash
# Install a PostgreSQL server for the store contract suite (tests/contract).
# Safe to re-run: does nothing when initdb is already there. The tests start
# their own throwaway cluster and skip, with the reason, only when no server
# binary can be found, so a failed install is reported here, not fatal.
set -u
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-postgres: not root; cannot apt-get install postgresql (PostgreSQL store tests will skip)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || echo "install-postgres: apt-get update failed"
if ! apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1; then
  echo "install-postgres: could not install postgresql (PostgreSQL store tests will skip)"
  exit 0
fi
exit 0
