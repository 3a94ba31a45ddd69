#!/usr/bin/env bash
# Takes a screenshot of the real Hearth window under Xvfb: starts the app on the default
# model, types a prompt, waits for the streamed reply and saves the screen as a PNG.
# Usage: .ci/screenshot.sh [OUTPUT.png] [PROMPT]   (a "\n" in PROMPT becomes Shift+Enter)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-assets/screenshot.png}")
prompt=${2:-Once upon a time}

need=()
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

mvn -q -B compile
data=$(mktemp -d)
export HEARTH_SHOT_OUT="$out" HEARTH_SHOT_PROMPT="$prompt" HEARTH_SHOT_DATA="$data"
xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
    mvn -q -B exec:exec -Dhearth.jvmArgs="-Dhearth.data.dir=$HEARTH_SHOT_DATA" >/dev/null 2>&1 &
    app=$!
    for i in $(seq 1 120); do
        xdotool search --name "^Hearth$" >/dev/null 2>&1 && break
        sleep 0.5
    done
    sleep 2
    xdotool search --name "^Hearth$" windowactivate --sync 2>/dev/null || true
    first=1
    while IFS= read -r line; do
        [ $first -eq 1 ] || xdotool key shift+Return
        first=0
        xdotool type --delay 20 "$line"
    done < <(printf "%b\n" "$HEARTH_SHOT_PROMPT")
    xdotool key Return
    sleep 4
    import -window root "$HEARTH_SHOT_OUT"
    kill $app 2>/dev/null || true
    wait $app 2>/dev/null || true
'
rm -rf "$data"
echo "Saved $out"
