#!/usr/bin/env bash
# Sets up the peer kernel for bench/kernel_latency.py: JJava (the maintained IJava) from PyPI,
# in a scratch venv bench/.jjava-venv, with its kernelspec pinned to a JDK 21+.
# Idempotent: run it again to repair or re-pin. Usage: bash bench/setup_jjava.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
venv="$here/.jjava-venv"
JJAVA_VERSION="${JJAVA_VERSION:-1.0a8}"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  "jjava==$JJAVA_VERSION" "jupyter_client==8.10.0"

java_home=$("$root/bin/with-jdk")          # prints the JDK 21+ that the project uses
java="$java_home/bin/java"
[ -x "$java" ] || { echo "setup_jjava: no java at $java" >&2; exit 1; }

# Find the kernelspec JJava installed into the venv (its name is taken from the wheel, not assumed).
specs="$venv/share/jupyter/kernels"
spec_dir=""
for d in "$specs"/*/; do
  [ -f "$d/kernel.json" ] || continue
  if grep -qi 'jjava' "$d/kernel.json"; then spec_dir=${d%/}; break; fi
done
if [ -z "$spec_dir" ]; then
  echo "setup_jjava: JJava installed no kernelspec under $specs" >&2
  ls -la "$specs" >&2 || true
  exit 1
fi

# JJava's kernel.json runs `java -jar jjava-launcher.jar`, and that launcher starts the real kernel
# JVM as plain `java` looked up on PATH (17 here, too old). So pin argv[0] to the JDK 21+ java AND put
# that JDK first on the kernel's PATH (jupyter_client substitutes ${PATH} in a kernelspec's env).
"$venv/bin/python" - "$spec_dir/kernel.json" "$java" "$java_home" <<'PY'
import json, sys
path, java, java_home = sys.argv[1:]
with open(path) as f:
    spec = json.load(f)
spec["argv"][0] = java
env = spec.setdefault("env", {})
env["JAVA_HOME"] = java_home
env["PATH"] = java_home + "/bin:${PATH}"
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY

name=$(basename "$spec_dir")
echo "setup_jjava: kernelspec '$name' at $spec_dir runs $java"
echo "setup_jjava: use JUPYTER_PATH=$venv/share/jupyter (bench/kernel_latency.py does this itself)"
