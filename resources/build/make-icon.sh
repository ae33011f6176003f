#!/usr/bin/env bash
# Renders the app icon electron-builder needs (icon.png, 1024 px: it derives the .ico and .icns from
# it) from icon.svg, its source. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
rsvg-convert --width 1024 --height 1024 icon.svg --output icon.png
