#!/usr/bin/env bash
# Install what tests/deployment/test_postgres.py, test_browser.py and test_jupyterhub.py need from the
# system, where missing: Debian's postgresql and chromium, and configurable-http-proxy from npm.
set -euo pipefail
apt_wanted=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || apt_wanted+=(postgresql)
command -v chromium >/dev/null || apt_wanted+=(chromium)
if [ ${#apt_wanted[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "system_packages: installing ${apt_wanted[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${apt_wanted[@]}"
fi
if ! command -v configurable-http-proxy >/dev/null; then
  echo "system_packages: installing configurable-http-proxy with npm"
  npm install --global --no-fund --no-audit configurable-http-proxy@5.3.0
fi
