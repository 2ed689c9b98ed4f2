#!/usr/bin/env bash
# Builds the Gradescope autograder zip: setup.sh and run_autograder at the top, the grader's jars in
# lib/. Upload the zip as a "Zip file upload" autograder (base image: Ubuntu 22.04 or newer).
#   deploy/gradescope/make-bundle.sh [--out autograder.zip]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=autograder.zip
if [ "${1:-}" = "--out" ]; then out=${2:?--out needs a file}; fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
"$root/bin/racecourse" --version >/dev/null   # builds the jars when they are missing or stale
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/lib"
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
cp "$root/cli/target/racecourse-cli.jar" "$root"/cli/target/lib/*.jar "$stage/lib/"
rm -f "$out"
(cd "$stage" && python3 -c 'import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, fs in os.walk("."):
        for f in sorted(fs):
            p = os.path.join(d, f)
            info = zipfile.ZipInfo.from_file(p, os.path.normpath(p))
            with open(p, "rb") as fh:
                z.writestr(info, fh.read())' "$out")
echo "wrote $out"
