#!/usr/bin/env bash
# Import throughput: imports a Maildir, mbox or folder of .eml files into a
# fresh store and prints messages/second, MB/second and peak RSS, beside a
# warm `cat` of the same files as the floor for this machine's I/O.
#   bench/import_bench.sh PATH [BUILD_DIR]
# Example with the shared Enron corpus (read in place, never copied here):
#   tmp=$(mktemp -d); tar -xJf ../shared/corpora/enron-inbox.tar.xz -C "$tmp"
#   bench/import_bench.sh "$tmp/enron-inbox"
set -euo pipefail
source_path=${1:?usage: bench/import_bench.sh PATH [BUILD_DIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${2:-"$root/build"}
casefile="$build_dir/daemon/casefile"
[[ -x "$casefile" ]] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/casefile-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

files=$(find "$source_path" -type f | wc -l)
bytes=$(find "$source_path" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')

# Warm the page cache, then time a plain read of every file as the floor.
find "$source_path" -type f -print0 | xargs -0 cat >/dev/null
cat_start=$(date +%s.%N)
find "$source_path" -type f -print0 | xargs -0 cat >/dev/null
cat_seconds=$(echo "$(date +%s.%N) - $cat_start" | bc -l)

measure() {  # measure LABEL: imports into a fresh store, prints one line
  local label=$1 store="$work/$1.db"
  local start end seconds rss
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$casefile" --store "$store" import --quiet "$source_path" \
    >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  rss=$(tail -n 1 "$work/rss")
  stored=$(grep -o '[0-9]* stored' "$work/out" | head -1 | cut -d' ' -f1)
  present=$(grep -o '[0-9]* already present' "$work/out" | cut -d' ' -f1)
  printf '%-14s %8d msgs %7.2f s %9.0f msgs/s %7.1f MB/s  peak RSS %6.1f MB  (stored %s, already present %s)\n' \
    "$label" "$files" "$seconds" "$(echo "$files / $seconds" | bc -l)" \
    "$(echo "$bytes / 1048576 / $seconds" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
    "$stored" "$present"
}

echo "corpus: $source_path ($files files, $(echo "$bytes / 1048576" | bc) MB)"
printf '%-14s %8d files %6.2f s %9.0f files/s\n' "warm cat" "$files" "$cat_seconds" \
  "$(echo "$files / $cat_seconds" | bc -l)"
measure first-import
# Second import of the same files into the same store: everything already present.
cp "$work/first-import.db" "$work/second-import.db" 2>/dev/null || true
measure second-import
"$casefile" --store "$work/second-import.db" verify | head -1
