#!/usr/bin/env bash
# Installs what the cluster test (tests/cluster/) needs and nothing that is already there:
# Debian's nginx (light) and redis-server. PostgreSQL comes with CI's machine; moto's S3
# server and aiosmtpd come from the project's dev dependencies. Idempotent; exits 0 unless
# an install that should have worked failed.
set -euo pipefail

log() { echo "setup-cluster: $*" >&2; }

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        log "apt-get install ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        # The packages start system-wide services; the test runs its own on free ports.
        for service in nginx redis-server; do
            if command -v systemctl >/dev/null 2>&1; then systemctl stop "$service" 2>/dev/null || true; fi
        done
    else
        log "WARNING: missing ${missing[*]} and not root; install them with:"
        log "  sudo apt-get install -y ${missing[*]}"
        log "the cluster test will be skipped or fail until then"
        exit 0
    fi
fi
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || { log "ERROR: nginx still missing"; exit 1; }
command -v redis-server >/dev/null 2>&1 || { log "ERROR: redis-server still missing"; exit 1; }
