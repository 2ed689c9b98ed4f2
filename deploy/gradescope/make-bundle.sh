#!/usr/bin/env bash
# Builds the Gradescope autograder zip (same as `bin/racecourse gradescope-bundle`): setup.sh and run_autograder at the top, the grader's jars in
# lib/. Upload the zip as a "Zip file upload" autograder (base image: Ubuntu 22.04 or newer).
#   deploy/gradescope/make-bundle.sh [--out autograder.zip]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=autograder.zip
if [ "${1:-}" = "--out" ]; then out=${2:?--out needs a file}; fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
exec "$root/bin/racecourse" gradescope-bundle --out "$out"
