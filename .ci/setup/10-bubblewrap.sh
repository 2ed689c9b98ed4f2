#!/usr/bin/env bash
# bubblewrap (bwrap): the grader's child JVMs run in it (allowlisted file system, own PID namespace).
set -euo pipefail
DEBIAN_FRONTEND=noninteractive apt-get install -y bubblewrap
