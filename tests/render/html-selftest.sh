#!/usr/bin/env bash
# html-selftest.sh: the timeline page in headless Chromium.
#   html-selftest.sh RENDER_FIXTURE WORKDIR
# Renders the sample timeline to HTML, opens it with #selftest (the page
# moves its slider from the first to the last date, checks the drawing
# changed, hovers a tie and records script errors, then writes PASS/FAIL
# into #selftest-result), reads the DOM back with --dump-dom, and takes a
# screenshot.  Exit 77 (skipped) when chromium is not installed.
set -u
fixture=$1
work=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "chromium not installed: skipped"
    exit 77
fi
mkdir -p "$work"
page=$work/timeline.html
"$fixture" timeline "$page" || exit 1
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update
       --disable-sync --user-data-dir="$profile" --virtual-time-budget=3000)
dom=$work/timeline.dom.html
timeout 90 "$browser" "${flags[@]}" --dump-dom "file://$page#selftest" \
    >"$dom" 2>"$work/chromium.log"
result=$(grep -o '<div id="selftest-result">[^<]*</div>' "$dom")
echo "$result"
case $result in
*'>PASS '*) ;;
*) echo "self-test did not pass (see $dom, $work/chromium.log)"; exit 1 ;;
esac
shot=$work/timeline.png
timeout 90 "$browser" "${flags[@]}" --window-size=1400,900 \
    --screenshot="$shot" "file://$page" >/dev/null 2>>"$work/chromium.log"
if ! head -c 8 "$shot" 2>/dev/null | od -An -c | grep -q 'P   N   G'; then
    echo "no screenshot at $shot"
    exit 1
fi
echo "screenshot: $shot"
