#!/usr/bin/env bash
# Configures and builds casefile into a build directory (default: build/).
# Usage: scripts/build.sh [BUILD_DIR] [extra cmake arguments...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$root/build"}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
elif (($# > 0)); then
  cmake "$build_dir" "$@" >/dev/null
fi
log="$build_dir/last-build.log"
if ! ninja -C "$build_dir" -j "$jobs" >"$log" 2>&1; then
  grep -v '^\[' "$log" >&2 || true
  echo "casefile: the build failed (full log: $log)" >&2
  exit 1
fi
