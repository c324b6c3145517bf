#!/usr/bin/env bash
# Install Debian's Chromium (/usr/bin/chromium) for the browser-apply tests and the simulated day.
# Idempotent: does nothing when it is there. Used by `bun run test` (scripts/test-preflight.ts,
# when Chromium is missing) and by developers (`sudo bash scripts/setup-chromium.sh`).
set -euo pipefail

# shellcheck source=scripts/become-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/become-root.sh"
become_root "$0" "$@"

CHROMIUM=/usr/bin/chromium
if [[ -x "$CHROMIUM" ]]; then
  echo "[setup-chromium] present: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

# shellcheck source=scripts/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
echo "[setup-chromium] installing chromium"
apt_install chromium
if [[ ! -x "$CHROMIUM" ]]; then
  echo "[setup-chromium] ERROR: $CHROMIUM is still missing after installing the chromium package" >&2
  exit 1
fi
echo "[setup-chromium] ready: $("$CHROMIUM" --version)"
