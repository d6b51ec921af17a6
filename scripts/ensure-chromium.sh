#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests (Playwright never downloads a browser here).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
echo "[test] installing Debian's chromium (first run only)…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
for attempt in 1 2 3; do
  if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium >/dev/null; then exit 0; fi
  echo "[test] apt-get failed (attempt $attempt); retrying"; sleep 10
done
echo "[test] could not install chromium" >&2
exit 1
