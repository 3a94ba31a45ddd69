#!/usr/bin/env bash
# CI check of the Linux packages: builds the app image and the .deb, then proves that each
# runs on a machine with no JDK. Prints PASS/FAIL lines, a closing "N passed, N failed" line,
# and exits non-zero if anything failed.
#
#   packaging/check.sh            (from anywhere; CI runs it as root on Debian)
#   packaging/check.sh --no-build (checks what the last build left in target/packaging)
#
# The models come from $HEARTH_SHARED_MODELS, else ../shared/models beside the repository.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/packaging
SCRATCH=$ROOT/target/packaging-check
MODELS=${HEARTH_SHARED_MODELS:-$ROOT/../shared/models}
MODEL=$MODELS/stories260K.gguf
PASSED=0
FAILED=0

pass() { echo "PASS: $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
finish() {
    echo "packaging: $PASSED passed, $FAILED failed"
    [[ $FAILED -eq 0 ]]
    exit
}

# What jpackage and this script call, installed here so a fresh machine needs nothing by hand:
# fakeroot and dpkg-deb build the .deb, and the engine library links against libgomp.
install_tools() {
    local missing=()
    command -v fakeroot >/dev/null || missing+=(fakeroot)
    command -v dpkg-deb >/dev/null || missing+=(dpkg)
    ldconfig -p | grep -q 'libgomp\.so\.1' || missing+=(libgomp1)
    if [[ ${#missing[@]} -gt 0 ]]; then
        echo "== installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            "${missing[@]}" >/dev/null
    fi
}

# Runs `hearth chat` from a launcher with no JDK anywhere in reach: an empty PATH, no
# JAVA_HOME (env -i), and the user's folders in a scratch directory.
chat_works() {
    local launcher=$1 name=$2
    local home=$SCRATCH/$name
    rm -rf "$home"
    mkdir -p "$home/empty-bin" "$home/data"
    if env -i PATH="$home/empty-bin" /bin/sh -c 'command -v java' >/dev/null 2>&1; then
        echo "  a java is still on the PATH"
        return 1
    fi
    (cd "$home" && timeout 180 env -i HOME="$home" PATH="$home/empty-bin" \
        XDG_DATA_HOME="$home/data" LANG=C.UTF-8 "$launcher" chat --model "$MODEL" \
        --max-tokens 30 --seed 1 --stats "Once upon a time" >"$home/stdout" 2>"$home/stderr")
    local code=$?
    local log=$home/data/hearth/logs/hearth.log
    echo "  reply: $(head -c 200 "$home/stdout" | tr '\n' ' ')"
    echo "  stats: $(grep -m 1 ' generated' "$home/stderr")"
    if [[ $code -ne 0 ]]; then
        echo "  exit code $code; stderr:"; tail -n 20 "$home/stderr" | sed 's/^/    /'
        return 1
    fi
    local words
    words=$(grep -oE '[A-Za-z]+' "$home/stdout" | wc -l)
    if [[ $words -lt 5 ]]; then
        echo "  the reply has $words words, expected a story"
        return 1
    fi
    if ! grep -qE '[1-9][0-9]* generated' "$home/stderr"; then
        echo "  the worker reported no generated tokens"
        return 1
    fi
    # The runtime has no bin/java, so the worker can only have come from its launcher; the
    # log says so outright.
    local expected
    expected="Starting worker: $(dirname "$launcher")/hearth-worker"
    if ! grep -qF "$expected" "$log" || ! grep -q 'Worker [0-9]* started' "$log"; then
        echo "  no worker started from $(dirname "$launcher")/hearth-worker; log:"
        tail -n 20 "$log" 2>/dev/null | sed 's/^/    /'
        return 1
    fi
}

has_no_java() { [[ ! -e "$1/lib/runtime/bin/java" ]]; }

field_is() { [[ "$(dpkg-deb -f "$DEB" "$1")" == $2 ]]; }

depends_on() { dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/ //g' | grep -qx "$1"; }

contains() { grep -qE "$1" "$SCRATCH/deb-contents"; }

lacks() { ! grep -qE "$1" "$SCRATCH/deb-contents"; }

desktop_has() { grep -qx "$2" "$SCRATCH/root/opt/hearth/lib/$1"; }

START=$(date +%s)
if [[ ! -f "$MODEL" ]]; then
    fail "the demo model is missing: $MODEL (set HEARTH_SHARED_MODELS)"
    finish
fi
install_tools
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"

# gzip -1 instead of dpkg's default xz, which costs minutes on two busy cores; the contents
# are the same, and release builds (packaging/build.sh alone) keep xz.
build() {
    DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 packaging/build.sh \
        >"$SCRATCH/build.log" 2>&1 || { tail -n 30 "$SCRATCH/build.log"; return 1; }
}

if [[ "${1:-}" == "--no-build" ]]; then
    echo "== reusing the last build in $WORK"
else
    echo "== building (packaging/build.sh)"
    check "packaging/build.sh builds the app image and the .deb" build
    [[ $FAILED -eq 0 ]] || finish
    echo "   built in $(($(date +%s) - START)) s"
fi
IMAGE=$WORK/image/hearth
DEB=$(ls "$WORK"/out/hearth_*.deb)

echo "== app image $IMAGE"
check "the image's runtime has no bin/java" has_no_java "$IMAGE"
check "the image has the hearth-worker launcher" test -x "$IMAGE/bin/hearth-worker"
check "the image's runtime holds the JavaFX native libraries" \
    test -f "$IMAGE/lib/runtime/lib/libglassgtk3.so"
check "the image's hearth chat streams a story through its own worker, with no JDK" \
    chat_works "$IMAGE/bin/hearth" image

echo "== .deb $DEB"
dpkg-deb -c "$DEB" | awk '{print $6}' >"$SCRATCH/deb-contents"
check "Package is hearth" field_is Package hearth
check "Version is the pom's" field_is Version "$(sed -n 's:^    <version>\(.*\)</version>.*:\1:p' \
    pom.xml | head -n 1)*"
check "Architecture is amd64" field_is Architecture amd64
check "Maintainer, Description and Section are set" \
    test -n "$(dpkg-deb -f "$DEB" Maintainer)" -a -n "$(dpkg-deb -f "$DEB" Description)" \
    -a "$(dpkg-deb -f "$DEB" Section)" = utils
check "Depends names libgtk-3-0 (the window)" depends_on libgtk-3-0
check "Depends names libgomp1 (the engine)" depends_on libgomp1
check "installs both launchers in /opt/hearth/bin" \
    contains '^\./opt/hearth/bin/hearth-worker$'
check "installs the engine library once, unpacked" \
    contains '^\./opt/hearth/lib/app/native/libjllama\.so$'
check "installs the licence" contains '^\./opt/hearth/share/doc/copyright$'
check "installs the menu entry and its icon" contains '^\./opt/hearth/lib/hearth-hearth\.desktop$'
check "installs no bin/java and no model" lacks '(runtime/bin/java|\.gguf)$'

echo "== .deb unpacked into $SCRATCH/root"
dpkg-deb -x "$DEB" "$SCRATCH/root"
check "the menu entry opens Hearth" desktop_has hearth-hearth.desktop 'Exec=/opt/hearth/bin/hearth'
check "the menu entry has the icon" \
    desktop_has hearth-hearth.desktop 'Icon=/opt/hearth/lib/hearth.png'
check "the menu entry names the window's class (app.hearth.app.HearthApp)" \
    desktop_has hearth-hearth.desktop 'StartupWMClass=app.hearth.app.HearthApp'
check "the worker's entry stays out of the menu" desktop_has hearth-hearth-worker.desktop \
    'NoDisplay=true'
check "the unpacked hearth chat streams a story through its own worker, with no JDK" \
    chat_works "$SCRATCH/root/opt/hearth/bin/hearth" unpacked

echo "== sizes: image $(du -sh "$IMAGE" | cut -f1), .deb (gzip -1) $(du -h "$DEB" | cut -f1)"
echo "== runtime modules: $(sed -n 's/^MODULES=//p' "$IMAGE/lib/runtime/release")"
echo "== took $(($(date +%s) - START)) s"
finish
