# Finds a JDK 21 or newer. Sourced by bin/with-jdk and bin/racecourse.
#
# Order: $JAVA_HOME when it is a JDK 21+; otherwise the newest JDK 21+ under
# the usual install roots ($RACECOURSE_JVM_ROOTS overrides them, for tests).
# Never falls back to an older Java: a course built for 21 fails in confusing
# ways on 17 (virtual threads, pattern switches), so we stop and say why.

racecourse_min_java=21

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
racecourse_jdk_version() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -r "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}          # 1.8.0 -> 8.0
  v=${v%%[.+-]*}     # 21.0.2 -> 21
  case "$v" in ''|*[!0-9]*) return 1 ;; esac
  printf '%s\n' "$v"
}

# Prints the home of a JDK 21+, or a one-line reason on stderr and returns 1.
racecourse_find_jdk() {
  local v best="" best_v=0 found=""
  if [ -n "${JAVA_HOME:-}" ]; then
    if v=$(racecourse_jdk_version "$JAVA_HOME"); then
      if [ "$v" -ge "$racecourse_min_java" ]; then
        printf '%s\n' "$JAVA_HOME"; return 0
      fi
      found="Java $v at JAVA_HOME=$JAVA_HOME"
    else
      found="JAVA_HOME=$JAVA_HOME is not a JDK"
    fi
  fi
  local roots=${RACECOURSE_JVM_ROOTS:-/usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines}
  local root dir
  for root in $roots; do
    [ -d "$root" ] || continue
    for dir in "$root"/* "$root"/*/Contents/Home; do
      [ -d "$dir" ] && [ ! -L "$dir" ] || continue
      v=$(racecourse_jdk_version "$dir") || continue
      if [ "$v" -gt "$best_v" ]; then best=$dir; best_v=$v; fi
    done
  done
  if [ "$best_v" -ge "$racecourse_min_java" ]; then
    printf '%s\n' "$best"; return 0
  fi
  if [ -z "$found" ]; then
    if [ "$best_v" -gt 0 ]; then
      found="newest is Java $best_v at $best"
    elif command -v java >/dev/null 2>&1; then
      found="only $(java -version 2>&1 | head -n 1) on PATH"
    else
      found="no Java at all"
    fi
  fi
  echo "racecourse: needs a JDK $racecourse_min_java or newer, found $found; install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) and set JAVA_HOME to it." >&2
  return 1
}
