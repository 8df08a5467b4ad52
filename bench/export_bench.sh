#!/usr/bin/env bash
# Export and verify time for one client with many messages: writes N
# generated client mails (default 5000, ~2 KB each, threads of 5) as an mbox,
# imports them into a fresh store, then times `casefile export` and
# `casefile verify DIR` and prints the bundle's size.
# Creating thousands of small files is the file system's cost, not
# casefile's: `cp -r` of the finished bundle is printed as the floor, and the
# mbox format (one file) and an export into /dev/shm show casefile's own time.
#   bench/export_bench.sh [N] [BUILD_DIR]
set -euo pipefail
count=${1:-5000}
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${2:-"$root/build"}
casefile="$build_dir/daemon/casefile"
[[ -x "$casefile" ]] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/casefile-export-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$count" "$work/mail.mbox" <<'PY'
import sys, email.utils
count, path = int(sys.argv[1]), sys.argv[2]
body = ("Could you please have the vendor report ready by Friday? We also need the "
        "appendix on regional sales, and the charts redone in our colours.\n") * 10
with open(path, "w") as out:
    for n in range(count):
        thread = n // 5
        date = email.utils.formatdate(1733000000 + n * 3600, localtime=False)
        out.write(f"From bob@acme.example {date}\n")
        out.write(f"From: Bob Hartley <bob@acme.example>\nTo: dana@reyes-va.example\n")
        out.write(f"Subject: {'Re: ' if n % 5 else ''}Report {thread}\nDate: {date}\n")
        out.write(f"Message-ID: <m{n}@acme.example>\n")
        if n % 5:
            out.write(f"In-Reply-To: <m{n - 1}@acme.example>\n")
        out.write(f"\nMessage {n}.\n{body}\n")
PY
run() { "$casefile" --config "$root/scripts/demo-config.toml" --store "$work/bench.db" "$@"; }
run import --quiet "$work/mail.mbox" >/dev/null
timed() {  # timed LABEL COMMAND...
  local label=$1 start seconds
  shift
  start=$(date +%s.%N)
  "$@" >/dev/null
  seconds=$(echo "$(date +%s.%N) - $start" | bc -l)
  printf '%-8s %6.2f s\n' "$label" "$seconds"
}
timed export run export --client Acme --out "$work/bundle"
timed verify run verify "$work/bundle"
timed "cp -r" cp -r "$work/bundle" "$work/bundle-copy"
timed mbox run export --client Acme --format mbox --out "$work/bundle-mbox"
if [[ -d /dev/shm && -w /dev/shm ]]; then
  shm=$(mktemp -d /dev/shm/casefile-export-bench.XXXXXX)
  timed tmpfs run export --client Acme --out "$shm/bundle"
  rm -rf "$shm"
fi
printf 'bundle   %s messages, %s\n' "$count" "$(du -sh "$work/bundle" | cut -f1)"
