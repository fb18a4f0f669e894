#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium through playwright-core (test tools may not
# download browsers here), with a CJK font so the screenshots show Chinese, not boxes.
# Installs what is missing; needs root (CI and these machines are).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "需要安装：${missing[*]}（sudo apt-get install -y ${missing[*]}） / please install: ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]} for the end-to-end tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
