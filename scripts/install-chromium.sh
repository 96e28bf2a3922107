#!/bin/sh
# Install Debian's Chromium for the browser tests, unless it is already there.
# The browser tests drive /usr/bin/chromium with Playwright; never `playwright install`.
set -e
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
