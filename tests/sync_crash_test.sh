#!/usr/bin/env bash
# Crash test for `casefile sync` (issue 3, item 6).
#
#   tests/sync_crash_test.sh [CASEFILE_BINARY]
#
# Starts a private Dovecot (scripts/dovecot-sandbox.sh), writes a few thousand
# generated messages straight into its Maildir (INBOX and Sent, some of them
# the same mail in both folders), then runs `casefile sync` and SIGKILLs it
# after a random 20-400 ms, again and again; between kills a little new mail
# arrives, so later kills also land in incremental syncs. A last sync is then
# allowed to finish, and the store must hold exactly the server's messages:
#   - every stored raw message hashes to its recorded SHA-256, and that
#     SHA-256 is one the server serves (exact bytes of BODY.PEEK[]);
#   - every message on the server is stored, once: its SHA-256 is stored, or
#     (same mail in two folders with different transport headers) exactly one
#     copy with its Message-ID is;
#   - every server (folder, UIDVALIDITY, UID) has a message_locations row that
#     points at that message;
#   - no two stored messages share a Message-ID that is unique on the server;
#   - PRAGMA integrity_check is ok, `casefile verify` passes;
#   - the server's flags are the same as before (nothing was changed there).
# Environment: CASEFILE (binary, if no argument), CRASH_KILLS (default 30),
# CRASH_MESSAGES (INBOX messages, default 3000), CRASH_SEED (random seed),
# CRASH_KEEP=1 keeps the work directory for a post-mortem.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
casefile=${1:-${CASEFILE:-"$root/build/daemon/casefile"}}
kills=${CRASH_KILLS:-30}
inbox_count=${CRASH_MESSAGES:-3000}
seed=${CRASH_SEED:-$(( $(date +%s) % 100000 ))}
python=/usr/bin/python3
sandbox="$root/scripts/dovecot-sandbox.sh"

fail() {
  echo "sync_crash_test: FAIL: $*" >&2
  exit 1
}

[[ -x "$casefile" ]] || fail "no casefile binary at $casefile (build it: bash scripts/build.sh)"
casefile=$(cd "$(dirname "$casefile")" && pwd)/$(basename "$casefile")
command -v dovecot >/dev/null || fail "dovecot is not installed (apt-get install dovecot-imapd)"
[[ -x "$python" ]] || fail "$python is missing"

work=$(mktemp -d /tmp/casefile-crash.XXXXXX)
chmod 0755 "$work"
sync_pid=""
cleanup() {
  local status=$?
  if [[ -n "$sync_pid" ]] && kill -0 "$sync_pid" 2>/dev/null; then
    kill -KILL "$sync_pid" 2>/dev/null || true
    wait "$sync_pid" 2>/dev/null || true
  fi
  bash "$sandbox" stop "$work/dovecot" >/dev/null 2>&1 || true
  if [[ "${CRASH_KEEP:-0}" == 1 || $status -ne 0 ]]; then
    echo "sync_crash_test: work directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "sync_crash_test: seed $seed, $inbox_count INBOX messages, $kills kills, work dir $work"
RANDOM=$seed

# --- the server -------------------------------------------------------------
bash "$sandbox" start "$work/dovecot" --watch-pid $$ >"$work/ports.txt"
# shellcheck disable=SC1091
source "$work/dovecot/ports.env"
user=$IMAP_USER
maildir="$work/dovecot/mail/$user"

# Writes generated mail straight into the Maildir: a doveadm save per message
# costs ~60 ms (3 minutes for 3,000), this takes about a second. Files go
# through tmp/ and are renamed into place, as a delivery agent does, so a
# running Dovecot never sees half a file.
#   generate BATCH_NAME INBOX_COUNT SENT_COUNT SHARED_COUNT cur|new
generate() {
  "$python" - "$maildir" "$seed" "$@" <<'PY'
import base64, os, random, sys, time

maildir, seed, batch, n_inbox, n_sent, n_shared, sub = sys.argv[1:8]
n_inbox, n_sent, n_shared = int(n_inbox), int(n_sent), int(n_shared)
rng = random.Random(f"{seed}-{batch}")
NOBODY = 65534

clients = [("Bob Stone", "bob@acme.example"), ("Jo Park", "jo@northwind.example"),
           ("Ana Ruiz", "ana@globex.example"), ("Sam Lee", "sam@initech.example")]
me = ("Dana Reyes", "dana@reyes-va.example")
words = ("please update the deck for the board meeting and send the invoice draft "
         "we need the revised scope by Friday the client asked about the logo files "
         "can you move the call to next Tuesday at 3pm thanks for the quick turnaround "
         "budget approved travel itinerary spreadsheet calendar newsletter launch").split()
sentence_tails = [" by Friday.", " before March 3.", " next week.", " asap.", ".", " by EOD tomorrow."]

def folder_dir(folder):
    d = maildir if folder == "INBOX" else os.path.join(maildir, "." + folder)
    for s in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(d, s), exist_ok=True)
    return d

def paragraph(n):
    out = []
    for _ in range(n):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18)))
        out.append(s[0].upper() + s[1:] + rng.choice(sentence_tails))
    return " ".join(out)

def body_text(target):
    lines = []
    while sum(len(l) + 1 for l in lines) < target:
        p = paragraph(rng.randint(1, 4))
        while len(p) > 72:
            cut = p.rfind(" ", 0, 72)
            lines.append(p[:cut]); p = p[cut + 1:]
        lines.append(p); lines.append("")
    return lines

def make(index, sender, to, folder, msgid):
    day = 1 + index % 28
    date = f"{['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][index % 7]}, {day:02d} Mar 2024 {index % 24:02d}:{index % 60:02d}:{(index * 7) % 60:02d} -0600"
    subject = rng.choice(["Re: ", "", "Fwd: ", ""]) + " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
    size_class = rng.random()
    target = (rng.randint(200, 1500) if size_class < 0.5 else
              rng.randint(1500, 8000) if size_class < 0.85 else rng.randint(8000, 20000))
    headers = []
    if folder == "INBOX":
        headers.append(f"Received: from mx.{sender[1].split('@')[1]} (mx [192.0.2.{index % 250 + 1}])\n"
                       f"\tby mail.reyes-va.example with ESMTPS id {index:08x}; {date}")
    headers += [f"Date: {date}", f"From: {sender[0]} <{sender[1]}>", f"To: {to[0]} <{to[1]}>"]
    if rng.random() < 0.3:
        c = rng.choice(clients)
        headers.append(f"Cc: {c[0]} <{c[1]}>")
    headers.append(f"Subject: {subject}")
    if msgid is not None:
        headers.append(f"Message-ID: {msgid}")
    if rng.random() < 0.4 and index > 0:
        parent = f"<{seed}.{batch}.{rng.randrange(max(index, 1))}@crash.example>"
        headers += [f"In-Reply-To: {parent}", f"References: {parent}"]
    headers.append("MIME-Version: 1.0")
    text = body_text(target)
    if rng.random() < 0.3:
        text += ["", "On Tue, someone wrote:"] + ["> " + l for l in body_text(rng.randint(100, 2000))]
    text += ["", "-- ", sender[0], "Sent from my desk"]
    if rng.random() < 0.2:
        # An attachment makes the larger messages (up to ~50 KB).
        blob = rng.randbytes(rng.randint(2000, 22000))
        b64 = base64.encodebytes(blob).decode()
        boundary = f"=_b{index}_{batch}"
        headers.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        body = (f"This is a multi-part message in MIME format.\n\n--{boundary}\n"
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                + "\n".join(text) + f"\n\n--{boundary}\n"
                f'Content-Type: application/pdf; name="doc{index}.pdf"\n'
                f'Content-Disposition: attachment; filename="doc{index}.pdf"\n'
                "Content-Transfer-Encoding: base64\n\n" + b64 + f"\n--{boundary}--\n")
    else:
        headers.append("Content-Type: text/plain; charset=utf-8")
        headers.append("Content-Transfer-Encoding: 8bit")
        body = "\n".join(text) + "\n"
    return "\n".join(headers) + "\n\n" + body

counter = [0]
def deliver(folder, data, seen):
    d = folder_dir(folder)
    counter[0] += 1
    name = f"{int(time.time())}.M{counter[0]}P{os.getpid()}B{batch}.crash"
    tmp = os.path.join(d, "tmp", name)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    os.chown(tmp, NOBODY, NOBODY)
    final = os.path.join(d, "cur", name + (":2,S" if seen else ":2,")) if sub == "cur" \
        else os.path.join(d, "new", name)
    os.rename(tmp, final)

for i in range(n_inbox):
    sender = rng.choice(clients) if rng.random() < 0.8 else ("Newsletter", "news@lists.example")
    msgid = f"<{seed}.{batch}.{i}@crash.example>"
    if i >= n_shared and rng.random() < 0.01:
        msgid = None  # a few mails without a Message-ID (deduplicated by bytes only)
    data = make(i, sender, me, "INBOX", msgid)
    deliver("INBOX", data, rng.random() < 0.5)
    if i < n_shared:
        # The same mail in Sent: every other one byte for byte (a copy), the
        # rest with the same Message-ID and body but without the Received
        # header (the VA's Bcc to herself): stored once either way.
        if i % 2 == 0:
            deliver("Sent", data, True)
        else:
            deliver("Sent", data.split("\n", 2)[2] if data.startswith("Received:") else data, True)
for i in range(n_sent):
    data = make(n_inbox + i, me, rng.choice(clients), "Sent", f"<{seed}.{batch}.s{i}@reyes-va.example>")
    deliver("Sent", data, True)
for root_dir, dirs, files in os.walk(maildir):
    os.chown(root_dir, NOBODY, NOBODY)
PY
}

sent_count=$((inbox_count / 6))
shared_count=$((inbox_count / 30))
started=$SECONDS
generate initial "$inbox_count" "$sent_count" "$shared_count" cur
# Let Dovecot index the new folders now rather than inside the first sync.
bash "$sandbox" doveadm "$work/dovecot" mailbox status -u "$user" 'messages vsize' '*' >"$work/initial-status.txt"
echo "sync_crash_test: server loaded in $((SECONDS - started)) s: $(tr '\n' ' ' <"$work/initial-status.txt")"
server_flags() {  # server_flags FILE: every message's UID and flags, both folders
  local folder
  for folder in INBOX Sent; do
    echo "folder: $folder"
    bash "$sandbox" flags "$work/dovecot" "$folder"
  done >"$1"
}
server_flags "$work/flags-initial.txt"

# --- the client -------------------------------------------------------------
printf '%s\n' "$IMAP_PASSWORD" >"$work/imap.pass"
chmod 0600 "$work/imap.pass"
cat >"$work/casefile.toml" <<EOF
[store]
path = "$work/store.db"

[me]
name = "Dana Reyes"
addresses = ["dana@reyes-va.example"]
timezone = "America/Chicago"
working_hours = "Mon-Fri 09:00-17:30"

[[account]]
name = "crash"
url = "imap://127.0.0.1:$IMAP_PORT"
user = "$user"
password_file = "$work/imap.pass"
folders = ["INBOX", "Sent"]
tls = "none"

[[client]]
name = "Acme"
domains = ["acme.example"]

[[client]]
name = "Northwind"
addresses = ["jo@northwind.example"]
EOF
chmod 0600 "$work/casefile.toml"
store="$work/store.db"
run_casefile() {
  "$casefile" --config "$work/casefile.toml" --store "$store" "$@"
}

# --- kill, restart, kill ... ------------------------------------------------
# Kills land in the initial sync until the first mailbox is stored; after
# that a burst of new mail arrives before each round, so every sync still has
# hundreds of messages to fetch when it is killed.
initial_mails=$((inbox_count + sent_count))  # each shared Sent copy is stored once
exec {never_fd}<> <(:)  # read -t on it sleeps without forking sleep(1)
killed_running=0 finished_early=0 new_mail=0 initial_kills=0 initial_done=no
for ((round = 1; round <= kills; round++)); do
  if [[ $initial_done == yes ]]; then
    # New mail arrives while casefile is down (into new/, as delivered).
    burst=$((100 + RANDOM % 201))
    generate "r$round" "$burst" $((burst / 10)) $((burst / 20)) new
    new_mail=$((new_mail + burst + burst / 10))
  fi
  delay_ms=$((20 + RANDOM % 381))
  # Started directly, not through run_casefile: `function &` forks a
  # subshell, and $! would be that shell, so SIGKILL would leave casefile
  # running on beside the next round's sync.
  "$casefile" --config "$work/casefile.toml" --store "$store" sync --quiet >>"$work/sync.log" 2>&1 &
  sync_pid=$!
  read -r -t "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))" -u "$never_fd" _ || true
  if kill -KILL "$sync_pid" 2>/dev/null; then
    # kill succeeds on a zombie too; a sync that already ended says 0 or 1.
    status=0
    wait "$sync_pid" 2>/dev/null || status=$?
    if ((status == 137)); then
      killed_running=$((killed_running + 1))
    else
      finished_early=$((finished_early + 1))
      ((status == 0)) || fail "round $round: casefile sync exited $status before the kill (see $work/sync.log)"
    fi
  else
    status=0
    wait "$sync_pid" || status=$?
    finished_early=$((finished_early + 1))
    ((status == 0)) || fail "round $round: casefile sync exited $status (see $work/sync.log)"
  fi
  sync_pid=""
  stored_now=$(sqlite3 "file:$store?mode=ro" 'select count(*) from messages' 2>/dev/null || echo 0)
  [[ "$stored_now" =~ ^[0-9]+$ ]] || stored_now=0
  phase=incremental
  if [[ $initial_done == no ]]; then
    phase=initial
    ((stored_now < initial_mails)) && initial_kills=$((initial_kills + 1))
    ((stored_now < initial_mails)) || initial_done=yes
  fi
  printf 'sync_crash_test: round %2d (%s): SIGKILL after %3d ms, %s messages stored\n' \
    "$round" "$phase" "$delay_ms" "$stored_now"
done
exec {never_fd}<&-
echo "sync_crash_test: $killed_running syncs killed while running ($initial_kills during the initial sync of $initial_mails mails), $finished_early had already finished; $new_mail messages arrived between rounds"

# One more burst, so that the last, uninterrupted sync has work to do too.
generate final 200 20 10 new
new_mail=$((new_mail + 220))
server_flags "$work/flags-before.txt"
final_started=$SECONDS
run_casefile sync --quiet >>"$work/sync.log" 2>&1 || fail "the final sync failed (see $work/sync.log)"
echo "sync_crash_test: final sync took $((SECONDS - final_started)) s: $(tail -n 2 "$work/sync.log" | tr '\n' ' ')"

# --- checks -----------------------------------------------------------------
failures=0
check() {  # check DESCRIPTION COMMAND...
  local description=$1
  shift
  if "$@"; then
    echo "  ok    $description"
  else
    echo "  FAIL  $description"
    failures=$((failures + 1))
  fi
}

integrity=$(sqlite3 "$store" 'PRAGMA integrity_check')
check "PRAGMA integrity_check = ok ($integrity)" test "$integrity" = ok
verify_status=0
run_casefile verify >"$work/verify.log" 2>&1 || verify_status=$?
check "casefile verify passes: $(head -n 1 "$work/verify.log")" test "$verify_status" -eq 0
server_flags "$work/flags-after.txt"
check "server flags unchanged by the final sync" cmp -s "$work/flags-before.txt" "$work/flags-after.txt"
# The first messages' flags, from before any sync, are unchanged after all the
# killed ones (new mail only adds records; INBOX comes first in both files).
initial_inbox=$(sed -n '/^folder: Sent$/q;p' "$work/flags-initial.txt")
check "server flags of the initial messages unchanged by the killed syncs" \
  test "$initial_inbox" = "$(head -n "$(wc -l <<<"$initial_inbox")" "$work/flags-after.txt")"

# The server's exact bytes, as casefile gets them: UID FETCH BODY.PEEK[] per
# folder, hashed, compared with the store.
check "store holds exactly the server's messages" "$python" - "$IMAP_PORT" "$user" "$IMAP_PASSWORD" "$store" <<'PY'
import hashlib, imaplib, re, sqlite3, sys
from collections import defaultdict

port, user, password, store = sys.argv[1:5]
imap = imaplib.IMAP4("127.0.0.1", int(port))
imap.login(user, password)
server = []  # (folder, uidvalidity, uid, sha256, message_id)
msgid_re = re.compile(rb"^message-id:[ \t]*(.*?)\r?$", re.I | re.M)

def message_id(raw):
    head = raw.split(b"\r\n\r\n", 1)[0]
    m = msgid_re.search(head)
    return m.group(1).strip().decode() if m else None

for folder in ("INBOX", "Sent"):
    typ, _ = imap.select(folder, readonly=True)
    assert typ == "OK", folder
    uidvalidity = int(imap.response("UIDVALIDITY")[1][0])
    typ, data = imap.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
    assert typ == "OK", data
    for item in data:
        if not isinstance(item, tuple):
            continue
        uid = int(re.search(rb"UID (\d+)", item[0]).group(1))
        raw = item[1]
        server.append((folder, uidvalidity, uid, hashlib.sha256(raw).hexdigest(), message_id(raw)))
imap.logout()

db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
rows = db.execute("SELECT m.id, m.sha256, m.message_id, r.raw FROM messages m "
                  "LEFT JOIN message_raw r ON r.message_row = m.id").fetchall()
problems = []
stored_sha = {}
stored_ids = defaultdict(list)
for row_id, sha, mid, raw in rows:
    if raw is None:
        problems.append(f"message row {row_id} has no raw bytes")
    elif hashlib.sha256(raw).hexdigest() != sha:
        problems.append(f"message row {row_id}: raw bytes do not hash to the recorded sha256")
    if sha in stored_sha:
        problems.append(f"sha256 {sha} stored twice")
    stored_sha[sha] = row_id
    if mid:
        stored_ids[mid.strip("<>")].append(row_id)

server_sha = {s[3] for s in server}
server_ids = defaultdict(set)
for s in server:
    if s[4]:
        server_ids[s[4].strip("<>")].add(s[3])

extra = set(stored_sha) - server_sha
if extra:
    problems.append(f"{len(extra)} stored messages are not on the server, e.g. {sorted(extra)[:2]}")
missing = 0
for folder, uv, uid, sha, mid in server:
    if sha in stored_sha:
        continue
    # Same Message-ID and body in another folder: stored once, as that copy.
    key = mid.strip("<>") if mid else None
    if key and any(other in stored_sha for other in server_ids[key]):
        continue
    missing += 1
    if missing <= 3:
        problems.append(f"{folder} UID {uid} ({mid}) is not stored")
if missing:
    problems.append(f"{missing} server messages missing from the store")
# Every Message-ID on the server here stands for one mail (one body): stored once.
dup_ids = [k for k, v in stored_ids.items() if len(v) > 1]
if dup_ids:
    problems.append(f"{len(dup_ids)} Message-IDs stored more than once, e.g. {dup_ids[:3]}")

locations = {}
for folder, uv, uid, sha, mid in db.execute(
        "SELECT f.name, l.uidvalidity, l.uid, m.sha256, m.message_id FROM message_locations l "
        "JOIN folders f ON f.id = l.folder_id JOIN messages m ON m.id = l.message_row"):
    locations[(folder, uv, uid)] = (sha, mid)
unlocated = 0
for folder, uv, uid, sha, mid in server:
    loc = locations.get((folder, uv, uid))
    if loc is None or (loc[0] != sha and (not mid or (loc[1] or "").strip("<>") != mid.strip("<>"))):
        unlocated += 1
if unlocated:
    problems.append(f"{unlocated} server UIDs have no (or a wrong) message_locations row")
if len(locations) != len(server):
    problems.append(f"{len(locations)} location rows for {len(server)} server messages")

distinct_expected = len({(s[4].strip("<>") if s[4] else s[3]) for s in server})
print(f"        server: {len(server)} messages in INBOX+Sent, {len(server_sha)} distinct SHA-256, "
      f"{distinct_expected} distinct mails; store: {len(rows)} messages, {len(locations)} locations")
if len(rows) != distinct_expected:
    problems.append(f"store has {len(rows)} messages, expected {distinct_expected}")
for p in problems:
    print("        " + p)
sys.exit(1 if problems else 0)
PY

if ((failures > 0)); then
  echo "sync_crash_test: $failures check(s) failed after $killed_running kills (seed $seed)"
  exit 1
fi
echo "sync_crash_test: passed: $killed_running kills mid-sync, store equals the server (seed $seed, $((SECONDS - started)) s)"
