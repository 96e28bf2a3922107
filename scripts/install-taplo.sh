#!/bin/sh
# Install taplo (the TOML toolkit behind Even Better TOML) for the editor-schema tests,
# from npm into .tools/taplo, unless it is already there. Node.js and npm come from Debian.
set -e
cd "$(dirname "$0")/.."
TAPLO_VERSION=0.7.0
if [ -x .tools/taplo/node_modules/.bin/taplo ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nodejs npm
fi
mkdir -p .tools/taplo
npm install --prefix .tools/taplo --no-save --no-audit --no-fund --loglevel=error \
  "@taplo/cli@${TAPLO_VERSION}"
