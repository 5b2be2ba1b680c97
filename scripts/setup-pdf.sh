#!/usr/bin/env bash
# Installs what WeasyPrint (the printable catalog and shelf labels) needs from
# Debian, and nothing that is already there: Pango, HarfBuzz-Subset (without it
# WeasyPrint warns on import, an error under the tests) and a CJK font (Noto Sans
# CJK, which also covers Vietnamese). Idempotent and fast when present. Exits 0
# with a warning when something is missing and we are not root.
set -euo pipefail

log() { echo "setup-pdf: $*" >&2; }

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk; do
    have_pkg "$pkg" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    log "WARNING: missing ${missing[*]} and not root; install them with:"
    log "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 0
fi
log "apt-get install ${missing[*]}"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
