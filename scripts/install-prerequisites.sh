#!/usr/bin/env bash
# Installs what a fresh Debian machine with Node.js 20+ lacks for this project: pnpm (the version pinned in
# package.json), a Java runtime (DynamoDB Local) and Chromium (browser tests). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

if ! pnpm --version 2>/dev/null | grep -qx "$PNPM_VERSION"; then
  echo "== installing pnpm $PNPM_VERSION"
  # npm first: corepack's signature check fails on some registries/mirrors (seen here: "No compatible signature").
  $SUDO npm install -g "pnpm@$PNPM_VERSION" \
    || (corepack enable && COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack prepare "pnpm@$PNPM_VERSION" --activate)
fi

apt_packages=()
command -v java >/dev/null || apt_packages+=(default-jre-headless)
command -v chromium >/dev/null || apt_packages+=(chromium)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "== installing ${apt_packages[*]} (Debian packages)"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${apt_packages[@]}"
fi

echo "== node $(node --version), pnpm $(pnpm --version), $(java -version 2>&1 | head -1), $(chromium --version 2>/dev/null)"
