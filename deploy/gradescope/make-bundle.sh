#!/usr/bin/env bash
# Builds the Gradescope autograder zip (same as `bin/racecourse gradescope-bundle`): setup.sh and run_autograder at the top, the grader's jars in
# lib/. Upload the zip as a "Zip file upload" autograder (base image: Ubuntu 22.04 or newer).
#   deploy/gradescope/make-bundle.sh [--out autograder.zip] [--course course.toml]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=autograder.zip
course=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a file}; shift 2 ;;
    --course) course=(--course "$(realpath "${2:?--course needs a file}")"); shift 2 ;;
    *) echo "make-bundle.sh: unknown option $1 (use --out FILE, --course FILE)" >&2; exit 2 ;;
  esac
done
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
exec "$root/bin/racecourse" gradescope-bundle --out "$out" "${course[@]}"
