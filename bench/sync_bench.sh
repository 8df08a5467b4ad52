#!/usr/bin/env bash
# IMAP sync benchmark (issue 3): serves a Maildir from a private Dovecot and,
# in the same run, times
#   raw       one pipelined `UID FETCH 1:* (BODY.PEEK[])` read by a minimal
#             Python client (the floor: what the server and loopback can do)
#   casefile  `casefile sync` into a fresh store (fetch, parse, thread,
#             classify, store), then a no-change `casefile sync` 10 times,
#             then `casefile run` for three polls that find nothing new
#   mbsync    `mbsync` into a Maildir, then `notmuch new` over it
# and prints messages/second, MB/second and peak RSS for each, with the ratios
# casefile/(mbsync+notmuch) and casefile/raw.
#
#   bench/sync_bench.sh [MAILDIR [CASEFILE]]
#
# MAILDIR: a Maildir (cur/ and new/) or any folder of one-message files;
# default: the Enron corpus, /tmp/enron/enron-inbox if unpacked there, else
# unpacked from ../shared/corpora/enron-inbox.tar.xz into a temp dir (never
# into the repository). CASEFILE: the binary (or $CASEFILE; default
# build/daemon/casefile).
# Environment: BENCH_MESSAGES=N serves only the first N files (sorted by
# name); BENCH_PERF=1 also records `perf record -g` of a second initial sync
# and prints the top of its report; BENCH_KEEP=1 keeps the work directory;
# BENCH_CASEFILE_ONLY=1 skips mbsync + notmuch (a quick look at casefile alone);
# BENCH_RUNS=N times the raw fetch and casefile's initial sync N times each
# (default 3) and compares their medians.
# isync (mbsync) and notmuch are installed with apt-get when missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source_dir=${1:-}
casefile=${2:-${CASEFILE:-"$root/build/daemon/casefile"}}
limit=${BENCH_MESSAGES:-0}
python=/usr/bin/python3
sandbox="$root/scripts/dovecot-sandbox.sh"
corpus=${CASEFILE_CORPUS:-"$root/../shared/corpora/enron-inbox.tar.xz"}

die() {
  echo "sync_bench: $*" >&2
  exit 1
}
say() { echo "sync_bench: $*" >&2; }

[[ -x "$casefile" ]] || die "no casefile binary at $casefile (build it: bash scripts/build.sh)"
casefile=$(cd "$(dirname "$casefile")" && pwd)/$(basename "$casefile")
command -v dovecot >/dev/null || die "dovecot is not installed (apt-get install dovecot-imapd)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"

if ! command -v mbsync >/dev/null || ! command -v notmuch >/dev/null; then
  say "installing isync and notmuch for the comparison (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends isync notmuch >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends isync notmuch >/dev/null; } ||
    die "could not install isync and notmuch"
fi

work=$(mktemp -d /tmp/casefile-sync-bench.XXXXXX)
chmod 0755 "$work"
cleanup() {
  local status=$?
  bash "$sandbox" stop "$work/dovecot" >/dev/null 2>&1 || true
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    say "work directory kept: $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "$source_dir" ]]; then
  if [[ -d /tmp/enron/enron-inbox/cur ]]; then
    source_dir=/tmp/enron/enron-inbox
  else
    [[ -f "$corpus" ]] || die "no MAILDIR given and no corpus at $corpus"
    say "unpacking $corpus into $work/corpus"
    mkdir -p "$work/corpus"
    tar -xJf "$corpus" -C "$work/corpus"
    source_dir=$(dirname "$(find "$work/corpus" -type d -name cur -print -quit)")
  fi
fi
[[ -d "$source_dir" ]] || die "$source_dir is not a directory"

# --- serve it ---------------------------------------------------------------
# Files are copied straight into the sandbox's Maildir before Dovecot starts
# (owned by nobody, as Dovecot's mail processes run): a `doveadm save` per
# message costs ~60 ms, 20 minutes for 20,000; the copy takes seconds.
bash "$sandbox" start "$work/dovecot" --watch-pid $$ >/dev/null
# shellcheck disable=SC1091
source "$work/dovecot/ports.env"
maildir="$work/dovecot/mail/$IMAP_USER"
mkdir -p "$maildir/cur" "$maildir/new" "$maildir/tmp"
started=$SECONDS
# Every file but a Maildir's tmp/ and Dovecot's own index files.
find "$source_dir" -type f -printf '%P\n' | grep -v -e '^tmp/' -e '/tmp/' -e '^dovecot' -e '/dovecot' |
  LC_ALL=C sort | awk -v n="$limit" 'n == 0 || NR <= n' >"$work/files.txt" || true
[[ -s "$work/files.txt" ]] || die "no files in $source_dir"
"$python" - "$source_dir" "$maildir/cur" "$work/files.txt" <<'PY'
import os, shutil, sys
source, target, listing = sys.argv[1:4]
with open(listing) as names:
    for n, rel in enumerate(names):
        rel = rel.rstrip("\n")
        base = os.path.basename(rel).replace("/", "_")
        if ":2," not in base:
            base += ":2,"
        # Unique even when two folders hold the same file name.
        shutil.copyfile(os.path.join(source, rel), os.path.join(target, f"{n}.{base}"))
PY
chown -R nobody:nogroup "$maildir"
# Let Dovecot index the folder now, not inside the first timed run.
bash "$sandbox" doveadm "$work/dovecot" mailbox status -u "$IMAP_USER" 'messages vsize' INBOX >"$work/status.txt"
messages=$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$work/status.txt")
vsize=$(sed -n 's/.*vsize=\([0-9]*\).*/\1/p' "$work/status.txt")
say "serving $messages messages ($((vsize / 1048576)) MB as IMAP sends them) from $source_dir, loaded in $((SECONDS - started)) s"

# --- helpers ----------------------------------------------------------------
now_ns() { date +%s%N; }
# timed LABEL COMMAND...: runs COMMAND under /usr/bin/time; sets seconds, rss_kb.
seconds=0 rss_kb=0
timed() {
  local label=$1 start end
  shift
  start=$(now_ns)
  if ! /usr/bin/time -f '%M' -o "$work/$label.rss" "$@" >"$work/$label.out" 2>"$work/$label.err"; then
    tail -n 20 "$work/$label.err" >&2
    die "$label failed (output in $work/$label.out, $work/$label.err)"
  fi
  end=$(now_ns)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  rss_kb=$(tail -n 1 "$work/$label.rss")
}
declare -A rate mbps rss secs
record() {  # record NAME MESSAGES BYTES SECONDS RSS_KB
  rate[$1]=$(awk -v m="$2" -v s="$4" 'BEGIN { printf "%.0f", m / s }')
  mbps[$1]=$(awk -v b="$3" -v s="$4" 'BEGIN { printf "%.1f", b / 1048576 / s }')
  secs[$1]=$4
  rss[$1]=$(awk -v k="$5" 'BEGIN { printf "%.1f", k / 1024 }')
}

# --- raw pipelined fetch ----------------------------------------------------
cat >"$work/raw_fetch.py" <<'PY'
# One UID FETCH 1:* (BODY.PEEK[]) over a plain socket; reads the whole
# response (literal-aware) and prints "messages bytes".
import socket, sys
port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
sock = socket.create_connection(("127.0.0.1", port))
stream = sock.makefile("rb", buffering=1 << 20)
def command(tag, text):
    sock.sendall(f"{tag} {text}\r\n".encode())
def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
def until_tagged(tag, count=False):
    messages = total = 0
    prefix = tag.encode() + b" "
    while True:
        line = stream.readline()
        if not line:
            sys.exit("connection closed")
        while line.endswith(b"}\r\n"):
            size = int(line[line.rindex(b"{") + 1:-3])
            literal = stream.read(size)
            if len(literal) != size:
                sys.exit("short literal")
            if count:
                messages += 1
                total += size
            line = stream.readline()
        if line.startswith(prefix):
            if not line[len(prefix):].startswith(b"OK"):
                sys.exit(line.decode(errors="replace"))
            return messages, total
stream.readline()  # greeting
command("a1", f"LOGIN {quoted(user)} {quoted(password)}"); until_tagged("a1")
command("a2", "EXAMINE INBOX"); until_tagged("a2")
command("a3", "UID FETCH 1:* (BODY.PEEK[])")
messages, total = until_tagged("a3", count=True)
command("a4", "LOGOUT")
print(messages, total)
PY
raw_fetch=("$python" "$work/raw_fetch.py" "$IMAP_PORT" "$IMAP_USER" "$IMAP_PASSWORD")
"${raw_fetch[@]}" >/dev/null  # warm-up: page cache and Dovecot's cache, for every tool alike
# Loopback transfers on a shared machine vary by up to a third from one run
# to the next, so the raw fetch and casefile's initial sync are each run
# $runs times and compared by their medians (peak RSS: the largest).
runs=${BENCH_RUNS:-3}
declare -A all_secs
timed_runs() {  # timed_runs LABEL PREPARE COMMAND...: sets seconds (median), rss_kb (max)
  local label=$1 prepare=$2 run times=() peak=0
  shift 2
  for ((run = 1; run <= runs; run++)); do
    eval "$prepare"
    timed "$label" "$@"
    times+=("$seconds")
    ((rss_kb > peak)) && peak=$rss_kb
  done
  all_secs[$label]="${times[*]}"
  seconds=$(printf '%s\n' "${times[@]}" | sort -n |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  rss_kb=$peak
}
timed_runs raw : "${raw_fetch[@]}"
read -r raw_messages raw_bytes <"$work/raw.out"
[[ "$raw_messages" == "$messages" ]] || die "raw fetch saw $raw_messages messages, the server has $messages"
record raw "$raw_messages" "$raw_bytes" "$seconds" "$rss_kb"
say "raw fetch: $raw_messages messages, $raw_bytes bytes in $seconds s (median of ${all_secs[raw]})"

# --- casefile ---------------------------------------------------------------
printf '%s\n' "$IMAP_PASSWORD" >"$work/imap.pass"
chmod 0600 "$work/imap.pass"
cat >"$work/casefile.toml" <<EOF
[store]
path = "$work/casefile.db"

[me]
name = "Bench"
addresses = ["bench@casefile.example"]
timezone = "America/Chicago"
working_hours = "Mon-Fri 09:00-17:30"

[[account]]
name = "bench"
url = "imap://127.0.0.1:$IMAP_PORT"
user = "$IMAP_USER"
password_file = "$work/imap.pass"
folders = ["INBOX"]
tls = "none"

[[client]]
name = "Enron"
domains = ["enron.com"]
EOF
chmod 0600 "$work/casefile.toml"
timed_runs casefile 'rm -f "$work/casefile.db"*' \
  "$casefile" --config "$work/casefile.toml" --store "$work/casefile.db" sync --quiet
record casefile "$messages" "$raw_bytes" "$seconds" "$rss_kb"
stored=$(sqlite3 "$work/casefile.db" 'select count(*) from messages')
say "casefile sync: $stored messages stored in $seconds s, median of ${all_secs[casefile]} ($(grep -h 'stored' "$work/casefile.out" | head -n 1))"

poll_ms=()
for _ in 1 2 3 4 5 6 7 8 9 10; do
  start=$(now_ns)
  "$casefile" --config "$work/casefile.toml" --store "$work/casefile.db" sync --quiet >"$work/poll.out" 2>"$work/poll.err" ||
    { cat "$work/poll.err" >&2; die "no-change sync failed"; }
  poll_ms+=("$(( ($(now_ns) - start) / 1000000 ))")
done
poll_median=$(printf '%s\n' "${poll_ms[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (v[5] + v[6]) / 2 }')
grep -q ' 0 stored' "$work/poll.out" || say "warning: the no-change sync stored something: $(cat "$work/poll.out")"

# The daemon's own poll: `casefile run` keeps the connection open and, every
# poll_seconds (10, the least allowed), looks at each folder again; it logs
# how long each look took (--verbose). Three polls, the first right after
# connecting, all finding nothing new.
sed 's/^tls = "none"$/tls = "none"\npoll_seconds = 10/' "$work/casefile.toml" >"$work/run.toml"
chmod 0600 "$work/run.toml"
"$casefile" --verbose --config "$work/run.toml" --store "$work/casefile.db" run >"$work/run.log" 2>&1 &
daemon=$!
for _ in $(seq 1 300); do
  (($(grep -c 'poll done in' "$work/run.log" || true) >= 3)) && break
  kill -0 "$daemon" 2>/dev/null || break
  sleep 0.1
done
kill -TERM "$daemon" 2>/dev/null || true
wait "$daemon" || true
mapfile -t daemon_ms < <(sed -n 's/.*poll done in \([0-9]*\) ms, 0 new.*/\1/p' "$work/run.log")
((${#daemon_ms[@]} > 0)) || { cat "$work/run.log" >&2; die "the daemon logged no poll"; }
daemon_median=$(printf '%s\n' "${daemon_ms[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')

if [[ "${BENCH_PERF:-0}" == 1 ]] && command -v perf >/dev/null; then
  say "profiling a second initial sync with perf record -g"
  rm -f "$work/perf.db"*
  perf record -g -o "$work/perf.data" -- "$casefile" --config "$work/casefile.toml" --store "$work/perf.db" \
    sync --quiet >/dev/null 2>"$work/perf.err" || die "perf record failed: $(tail -n 3 "$work/perf.err")"
  perf report -i "$work/perf.data" --no-children --sort dso,symbol --percent-limit 1.5 --stdio 2>/dev/null |
    grep -E '^ +[0-9]' | head -n 30 >"$work/perf.top"
  perf report -i "$work/perf.data" --children --sort symbol --percent-limit 5 --stdio -g none 2>/dev/null |
    grep -E '^ +[0-9]' | head -n 30 >"$work/perf.children"
fi

# --- mbsync + notmuch -------------------------------------------------------
pipeline=1
[[ "${BENCH_CASEFILE_ONLY:-0}" == 1 ]] && pipeline=0
if ((pipeline)); then
mkdir -p "$work/mbsync"
cat >"$work/mbsyncrc" <<EOF
IMAPAccount bench
Host 127.0.0.1
Port $IMAP_PORT
User $IMAP_USER
Pass "$IMAP_PASSWORD"
SSLType None
AuthMechs LOGIN

IMAPStore bench-remote
Account bench

MaildirStore bench-local
Path $work/mbsync/
Inbox $work/mbsync/INBOX

Channel bench
Far :bench-remote:
Near :bench-local:
Patterns INBOX
Sync Pull
Create Near
SyncState *
EOF
timed mbsync mbsync -c "$work/mbsyncrc" -q bench
record mbsync "$messages" "$raw_bytes" "$seconds" "$rss_kb"
fetched=$(find "$work/mbsync/INBOX" -type f \( -path '*/cur/*' -o -path '*/new/*' \) | wc -l)
[[ "$fetched" == "$messages" ]] || say "warning: mbsync wrote $fetched of $messages messages"
cat >"$work/notmuch-config" <<EOF
[database]
path=$work/mbsync
[user]
name=Bench
primary_email=bench@casefile.example
[new]
tags=unread;inbox;
[maildir]
synchronize_flags=true
EOF
timed notmuch notmuch --config="$work/notmuch-config" new --quiet
record notmuch "$messages" "$raw_bytes" "$seconds" "$rss_kb"
pipeline_seconds=$(awk -v a="${secs[mbsync]}" -v b="${secs[notmuch]}" 'BEGIN { printf "%.3f", a + b }')
pipeline_rss_kb=$(awk -v a="${rss[mbsync]}" -v b="${rss[notmuch]}" 'BEGIN { printf "%d", (a > b ? a : b) * 1024 }')
record pipeline "$messages" "$raw_bytes" "$pipeline_seconds" "$pipeline_rss_kb"
fi

# --- report -----------------------------------------------------------------
echo
echo "sync benchmark: $messages messages, $(awk -v b="$raw_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB (as IMAP sends them), from $source_dir"
echo "casefile: $casefile"
printf '%-28s %9s %10s %9s %14s\n' "" seconds "msgs/s" "MB/s" "peak RSS MB"
row() { printf '%-28s %9s %10s %9s %14s\n' "$1" "${secs[$2]}" "${rate[$2]}" "${mbps[$2]}" "${rss[$2]}"; }
row "raw UID FETCH 1:* (python)" raw
row "casefile sync (initial)" casefile
if ((pipeline)); then
  row "mbsync" mbsync
  row "notmuch new" notmuch
  row "mbsync + notmuch" pipeline
fi
echo
if ((pipeline)); then
  printf 'casefile / (mbsync+notmuch): %6.2fx   (target >= 10x)\n' "$(awk -v a="${rate[casefile]}" -v b="${rate[pipeline]}" 'BEGIN { print a / b }')"
fi
printf 'casefile / raw fetch:        %6.2f    (target >= 0.25; medians of %s runs: raw %s s, casefile %s s)\n' \
  "$(awk -v a="${rate[casefile]}" -v b="${rate[raw]}" 'BEGIN { print a / b }')" "$runs" "${all_secs[raw]}" "${all_secs[casefile]}"
printf 'casefile peak RSS:           %6s MB (target < 64 MB)\n' "${rss[casefile]}"
printf 'no-change poll (casefile run): %4s ms median of %s (%s ms; target < 50 ms)\n' "$daemon_median" "${#daemon_ms[@]}" "${daemon_ms[*]}"
printf 'no-change casefile sync:     %6s ms median of 10 (%s ms; a whole process:\n' "$poll_median" "${poll_ms[*]}"
printf '                                    start, connect, log in, poll, record the run, exit)\n'
if [[ -s "$work/perf.top" ]]; then
  echo
  echo "perf: hottest symbols of casefile's initial sync (self time):"
  cat "$work/perf.top"
  echo "perf: inclusive time (children), >= 5%:"
  cat "$work/perf.children"
fi
