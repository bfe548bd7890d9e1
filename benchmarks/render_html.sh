#!/bin/sh
# Render storydiff's HTML export in a real browser (headless Chromium) to PNG, to look at it.
#
#   benchmarks/render_html.sh [OUT.png] [PATHS…]        default: screenshots/html-export.png seeds/
#
# Needs Debian's chromium:  apt-get update && apt-get install -y chromium
# Environment: WINDOW=1400,1000 (the browser window, i.e. the picture's size),
#              ANCHOR=#groups   (scroll to a section first: #conflicts #facts #articles #groups).
# Prints the timings of the export and of the browser render.
set -eu
cd "$(dirname "$0")/.."
out=${1:-screenshots/html-export.png}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- seeds/
window=${WINDOW:-1400,1000}
storydiff=${STORYDIFF:-storydiff}
command -v chromium >/dev/null || { echo "render_html: chromium not found (apt-get install -y chromium)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page="$work/export.html"

t0=$(date +%s.%N)
"$storydiff" compare "$@" --format html -o "$page"
t1=$(date +%s.%N)
mkdir -p "$(dirname "$out")"
# --virtual-time-budget lets layout settle before the picture is taken; the other
# flags keep a headless run quiet and offline (the page has no external assets anyway).
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --virtual-time-budget=2000 \
  --user-data-dir="$work/profile" --window-size="$window" \
  --screenshot="$out" "file://$page${ANCHOR:-}" >"$work/chromium.log" 2>&1 \
  || { cat "$work/chromium.log" >&2; exit 1; }
t2=$(date +%s.%N)
[ -s "$out" ] || { echo "render_html: no picture written" >&2; exit 1; }
python3 - "$t0" "$t1" "$t2" "$page" "$out" <<'PY'
import os, sys
t0, t1, t2 = map(float, sys.argv[1:4])
print(f"html export: {t1 - t0:.2f} s, {os.path.getsize(sys.argv[4]) / 1024:.0f} KiB")
print(f"chromium render: {t2 - t1:.2f} s -> {sys.argv[5]} ({os.path.getsize(sys.argv[5]) / 1024:.0f} KiB)")
PY
