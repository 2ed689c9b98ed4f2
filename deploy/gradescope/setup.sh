#!/usr/bin/env bash
# Gradescope runs this once when the autograder image is built (Ubuntu base): a JDK 21+ and the
# tools of the grader's sandbox. The jars came in the bundle, in /autograder/source/lib.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends openjdk-21-jdk-headless bubblewrap util-linux iproute2
java -version
