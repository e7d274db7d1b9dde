#!/bin/sh
# Compiles seat-reservations with the capture layer (Debian's JDK 17), then drives it from Node.
set -e
rm -rf build && mkdir -p build
javac -g -d build $(find src ../../capture/java -name '*.java') >&2
exec node scenarios.mjs
