#!/usr/bin/env bash
# Makes sure the load generator (wrk) is installed. Quick and idempotent when it is.
set -euo pipefail

if command -v wrk >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench/setup.sh: installing wrk with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends wrk >&2
    command -v wrk >/dev/null 2>&1 && exit 0
    echo "bench/setup.sh: apt-get did not provide wrk" >&2
    exit 1
fi

cat >&2 <<'MSG'
bench/setup.sh: wrk (the HTTP load generator) is not installed.
Install it, then run `make bench` again:
  Debian/Ubuntu:  sudo apt-get install wrk
  macOS:          brew install wrk
  from source:    https://github.com/wg/wrk (make; copy ./wrk onto your PATH)
MSG
exit 1
