#!/bin/sh
# Compiles payroll-engine with the capture layer and runs its scenarios (javac and java from Debian's JDK 17).
set -e
rm -rf build && mkdir -p build
javac -g -d build $(find src ../../capture/java -name '*.java' 2>/dev/null || true) >&2
exec java -cp build com.acme.payroll.Scenarios
