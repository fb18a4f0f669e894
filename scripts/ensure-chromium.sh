#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium through playwright-core (test tools may not
# download browsers here). Installs it when missing; needs root (CI and these machines are).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "需要 Chromium：请运行 sudo apt-get install -y chromium / Chromium is needed: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "installing Debian's chromium for the end-to-end tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
