#!/bin/sh
# Builds courier-dispatch's binaries (standard library only, offline) and runs its scenarios.
set -e
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GOCACHE="${GOCACHE:-$HOME/.cache/go-build}"
go build -o bin/ ./cmd/... >&2
exec ./bin/scenarios
