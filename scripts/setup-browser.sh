#!/usr/bin/env bash
# Installs what the browser tests need, and nothing that is already there:
#   - Debian's Chromium and a CJK font (Playwright drives /usr/bin/chromium;
#     its own browser download cannot be fetched here),
#   - a Java runtime (for the Nu Html Checker),
#   - the Nu Html Checker itself (vnu.jar, from the npm package vnu-jar,
#     installed under .tools/, which is not committed),
#   - Lighthouse (npm package lighthouse, same place; it drives the same
#     Debian Chromium and needs Node 18.16 or later).
# Idempotent and fast when everything is present. Prints the path of vnu.jar
# on its last line. Exits 0 unless an install that should have worked failed.
set -euo pipefail

VNU_VERSION="26.9.27"
# 12.2.3: the last Lighthouse that runs on Node 18/20 (13 wants Node 22).
LIGHTHOUSE_VERSION="12.2.3"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
VNU_PKG="$TOOLS/node_modules/vnu-jar"
VNU_JAR="$VNU_PKG/build/dist/vnu.jar"
LIGHTHOUSE_PKG="$TOOLS/node_modules/lighthouse"

log() { echo "setup-browser: $*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

APT_UPDATED=0
apt_install() {
    # apt-get update at most once per run, then install the given packages.
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_cjk_font() {
    # Not `fc-list | grep -q`: with pipefail, grep -q exiting early makes
    # fc-list die of SIGPIPE and the whole test fail although a font matched.
    command -v fc-list >/dev/null 2>&1 || return 1
    local fonts
    fonts="$(fc-list 2>/dev/null)" || return 1
    grep -qi -E 'noto sans cjk|wqy' <<<"$fonts"
}

# --- system packages -------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
have_cjk_font || missing+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ "${#missing[@]}" -gt 0 ]; then
    if is_root; then
        apt_install "${missing[@]}"
        # fc-cache runs from the font package's trigger; run it again anyway
        # so a font installed just now is seen by this same run.
        command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
    else
        log "WARNING: missing ${missing[*]} and not root; install them with:"
        log "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        log "browser tests will be skipped or fail until then"
        exit 0
    fi
fi

[ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium still missing"; exit 1; }
have_cjk_font || { log "ERROR: no CJK font found by fc-list after install"; exit 1; }
command -v java >/dev/null 2>&1 || { log "ERROR: java still missing"; exit 1; }

# --- Nu Html Checker and Lighthouse ---------------------------------------
installed_version() {
    # The package.json there may be one single line: grep -o finds
    # the first "version" key whatever the layout.
    [ -f "$1/package.json" ] || return 0
    grep -o '"version": *"[^"]*"' "$1/package.json" | head -n1 | sed 's/.*"\([^"]*\)"$/\1/' || true
}

if [ ! -s "$VNU_JAR" ] || [ "$(installed_version "$VNU_PKG")" != "$VNU_VERSION" ] \
        || [ "$(installed_version "$LIGHTHOUSE_PKG")" != "$LIGHTHOUSE_VERSION" ]; then
    command -v npm >/dev/null 2>&1 || {
        if is_root; then apt_install npm; else
            log "WARNING: npm missing and not root; cannot install vnu-jar and lighthouse"; exit 0
        fi
    }
    mkdir -p "$TOOLS"
    log "npm install vnu-jar@$VNU_VERSION lighthouse@$LIGHTHOUSE_VERSION into $TOOLS"
    # Both in one command: a later `npm install --no-save` of one would prune the other.
    # --ignore-scripts: vnu-jar's postinstall would try to download a Temurin JRE
    # from GitHub when it finds no java >= 11; we bring our own. Lighthouse has none it needs.
    npm install --no-save --ignore-scripts --no-audit --no-fund \
        --loglevel=error --prefix "$TOOLS" "vnu-jar@$VNU_VERSION" "lighthouse@$LIGHTHOUSE_VERSION" >&2
    [ -s "$VNU_JAR" ] || { log "ERROR: $VNU_JAR not found after npm install"; exit 1; }
    [ -f "$LIGHTHOUSE_PKG/cli/index.js" ] || { log "ERROR: lighthouse not found after npm install"; exit 1; }
fi

echo "$VNU_JAR"
