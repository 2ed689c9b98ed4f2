#!/usr/bin/env bash
# Debian packages the tests need: chromium (the browser tests).
set -euo pipefail
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
