#!/usr/bin/env bash
# System packages some tests use: a PostgreSQL server (store contract suite)
# and Chromium (report/dashboard browser tests). Tests skip with a reason when
# these cannot be installed, so a failure here is reported, not fatal.
set -u
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Arabic and Hebrew glyphs for browser screenshots (tests do not depend on them)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-system: not root; cannot install ${need[*]} (the tests that need them will skip)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "install-system: could not install ${need[*]} (the tests that need them will skip)"
exit 0
