#!/usr/bin/env bash
# Builds the libFuzzer target for parse_message with clang-14 (ASan + UBSan)
# in its own build directory and runs it.
#
#   scripts/fuzz.sh [SECONDS]        default 120
#
# Environment: CASEFILE_FUZZ_BUILD (build dir, default build-fuzz),
# CASEFILE_FUZZ_JOBS (ninja jobs, default 2). Exits non-zero when the fuzzer
# finds a crash, leak, timeout or invalid UTF-8; the input that did it is
# written to $CASEFILE_FUZZ_BUILD/artifacts/ — add it to tests/parsers/ as a
# regression test.
set -euo pipefail

seconds="${1:-120}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CASEFILE_FUZZ_BUILD:-$root/build-fuzz}"
jobs="${CASEFILE_FUZZ_JOBS:-2}"

cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCASEFILE_FUZZ=ON >/dev/null
ninja -C "$build" -j "$jobs" parse_message_fuzzer imap_reader_fuzzer

artifacts="$build/artifacts"
mkdir -p "$artifacts" "$build/corpus-mime" "$build/corpus-imap"
imap_seconds=$((seconds / 4 > 10 ? seconds / 4 : 10))
mime_seconds=$((seconds - imap_seconds > 10 ? seconds - imap_seconds : 10))

# The MIME parser gets most of the time: it sees every stored mail. The
# seeds directory is read-only input; new coverage goes to the corpus dirs.
"$build/tests/fuzz/parse_message_fuzzer" \
  -max_total_time="$mime_seconds" -max_len=200000 -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" \
  -dict="$root/tests/fuzz/mime.dict" \
  "$build/corpus-mime" "$root/tests/fuzz/seeds"

"$build/tests/fuzz/imap_reader_fuzzer" \
  -max_total_time="$imap_seconds" -max_len=20000 -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" \
  "$build/corpus-imap" "$root/tests/fuzz/imap-seeds"
