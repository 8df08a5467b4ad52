#!/usr/bin/env bash
# The casefile demo: casefile's main job on a private mailbox.
#
#   scripts/demo.sh [DEMO_DIR]    (default: a new temporary directory)
#
# 1. Installs what it needs and builds casefile into build/.
# 2. Starts a private Dovecot on a free loopback port (scripts/dovecot-sandbox.sh)
#    holding the sample client mail of tests/data/sample-mail/: the clients'
#    mail in INBOX, Dana's own replies in Sent — all but the last client mail.
# 3. Writes a config for that account and runs `casefile run`, the daemon, in
#    the background. It syncs both folders, then waits in IMAP IDLE.
# 4. Delivers the held-back client mail to INBOX and shows it arriving in the
#    store within seconds, then stops the daemon with SIGTERM (a clean stop).
# 5. Shows status, Acme's threads, and `casefile verify`, and checks that the
#    server's flags did not change (casefile never marks mail as read).
# 6. Sends the daily digest for the busiest sample day through a local SMTP
#    server (aiosmtpd, scripts/smtp-sandbox.py) and shows what arrived; a
#    second send for the same day sends nothing.
# 7. Exports Acme's dispute bundle into DEMO_DIR/acme-case and verifies it.
#
# Everything it made stays in DEMO_DIR (the store, the config, the daemon's
# log, the received digests); Dovecot and the SMTP server are stopped at the
# end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" "$root/build"
casefile="$root/build/daemon/casefile"
sandbox="$root/scripts/dovecot-sandbox.sh"
sample="$root/tests/data/sample-mail"

demo_dir=${1:-$(mktemp -d /tmp/casefile-demo.XXXXXX)}
mkdir -p "$demo_dir"
demo_dir=$(cd "$demo_dir" && pwd)
chmod 0755 "$demo_dir"  # Dovecot's mail processes run as nobody
store="$demo_dir/casefile.db"
config="$demo_dir/config.toml"
rm -f "$store" "$store-wal" "$store-shm"

daemon_pid="" smtp_pid=""
cleanup() {
  if [[ -n "$daemon_pid" ]] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill -TERM "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  bash "$sandbox" stop "$demo_dir/dovecot" >/dev/null 2>&1 || true
  if [[ -n "$smtp_pid" ]]; then
    kill -TERM "$smtp_pid" 2>/dev/null || true
    wait "$smtp_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }
run() {
  echo "\$ casefile $*"
  "$casefile" --config "$config" --store "$store" "$@"
}
stored_messages() {
  "$casefile" --config "$config" --store "$store" status --json 2>/dev/null |
    /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["messages"])' 2>/dev/null ||
    echo 0
}
wait_for_messages() {  # count seconds
  local want=$1 deadline=$((SECONDS + $2))
  while (($(stored_messages) < want)); do
    if ((SECONDS >= deadline)); then
      echo "casefile demo: the store did not reach $want messages; daemon log:" >&2
      cat "$demo_dir/daemon.log" >&2
      exit 1
    fi
    kill -0 "$daemon_pid" 2>/dev/null || {
      echo "casefile demo: the daemon stopped; its log:" >&2
      cat "$demo_dir/daemon.log" >&2
      exit 1
    }
    sleep 0.2
  done
}

say "a private Dovecot with the sample mail"
bash "$sandbox" stop "$demo_dir/dovecot" >/dev/null 2>&1 || true
rm -rf "$demo_dir/dovecot" && mkdir -p "$demo_dir/dovecot"
bash "$sandbox" start "$demo_dir/dovecot" --watch-pid $$ >/dev/null
# shellcheck disable=SC1091
source "$demo_dir/dovecot/ports.env"
inbox=() sent=()
for file in "$sample"/*.eml; do
  if grep -qm1 '^From:.*dana@reyes-va\.example' "$file"; then
    sent+=("$file")
  else
    inbox+=("$file")
  fi
done
# The last client mail (Carol's reply about the invoice) arrives while the
# daemon runs.
held_back="$sample/29-acme-invoice-paid-reply.eml"
for index in "${!inbox[@]}"; do
  [[ ${inbox[$index]} != "$held_back" ]] || unset "inbox[$index]"
done
bash "$sandbox" add "$demo_dir/dovecot" INBOX "${inbox[@]}"
bash "$sandbox" add "$demo_dir/dovecot" Sent "${sent[@]}"
bash "$sandbox" flags "$demo_dir/dovecot" INBOX >"$demo_dir/flags-before.txt"
echo "Dovecot on 127.0.0.1:$IMAP_PORT: ${#inbox[@]} messages in INBOX, ${#sent[@]} in Sent"

say "a local SMTP server for the digest"
rm -rf "$demo_dir/smtp" && mkdir -p "$demo_dir/smtp"
/usr/bin/python3 "$root/scripts/smtp-sandbox.py" --dir "$demo_dir/smtp" --port 0 >/dev/null 2>&1 &
smtp_pid=$!
for _ in $(seq 100); do [[ -s "$demo_dir/smtp/smtp.env" ]] && break; sleep 0.1; done
# shellcheck disable=SC1091
source "$demo_dir/smtp/smtp.env"
echo "aiosmtpd on 127.0.0.1:$SMTP_PORT, keeping what it receives in $demo_dir/smtp/"

(umask 077 && printf '%s\n' "$IMAP_PASSWORD" >"$demo_dir/imap.pass")
sed -e '/^# No \[\[account\]\]/d' "$root/scripts/demo-config.toml" >"$config"
cat >>"$config" <<EOF

# Written by scripts/demo.sh: the private Dovecot it started.
[[account]]
name = "demo"
url = "imap://127.0.0.1:$IMAP_PORT"
user = "$IMAP_USER"
password_file = "$demo_dir/imap.pass"
folders = ["INBOX", "Sent"]
tls = "none"          # loopback only; a real account keeps "required"
poll_seconds = 60

[digest]
time = "07:30"
to = "dana@reyes-va.example"
from = "casefile <casefile@reyes-va.example>"
delivery = "smtp"
smtp_url = "smtp://127.0.0.1:$SMTP_PORT"
tls = "none"          # the local test relay; a real one keeps "required"
EOF
chmod 0600 "$config"
run check-config

say "casefile run (the daemon) follows the mailbox"
"$casefile" --config "$config" --store "$store" run >"$demo_dir/daemon.log" 2>&1 &
daemon_pid=$!
echo "daemon pid $daemon_pid, log in $demo_dir/daemon.log"
initial=$((${#inbox[@]} + ${#sent[@]}))
wait_for_messages "$initial" 60
echo "initial sync: $(stored_messages) messages stored"

say "a new client mail arrives: $(basename "$held_back")"
sleep 1  # let the daemon settle into IDLE
started=$(date +%s%N)
bash "$sandbox" add "$demo_dir/dovecot" INBOX "$held_back"
wait_for_messages $((initial + 1)) 30
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
echo "stored ${elapsed_ms} ms after delivery (IMAP IDLE; includes polling the store every 200 ms)"

say "clean stop (SIGTERM)"
kill -TERM "$daemon_pid"
status=0
wait "$daemon_pid" || status=$?
daemon_pid=""
echo "casefile run exited with status $status"
((status == 0)) || { cat "$demo_dir/daemon.log" >&2; exit 1; }
echo "--- daemon log ---"
cat "$demo_dir/daemon.log"

say "what the VA sees"
run status
echo
run threads --client Acme
echo
run verify

# The held-back mail was appended after the snapshot, so the records of the
# messages that were there before come first, in UID order.
bash "$sandbox" flags "$demo_dir/dovecot" INBOX >"$demo_dir/flags-after.txt"
if head -n "$(wc -l <"$demo_dir/flags-before.txt")" "$demo_dir/flags-after.txt" |
    cmp -s - "$demo_dir/flags-before.txt"; then
  echo
  echo "server flags unchanged: casefile read the mailbox without touching it"
else
  echo "casefile demo: the server's flags changed" >&2
  diff "$demo_dir/flags-before.txt" "$demo_dir/flags-after.txt" >&2 || true
  exit 1
fi

say "the daily digest for Monday 1 December 2025, through SMTP"
run digest --send --date 2025-12-01
for _ in $(seq 50); do compgen -G "$demo_dir/smtp/*.json" >/dev/null && break; sleep 0.1; done
received=$(ls "$demo_dir"/smtp/*.eml | tail -n 1)
echo "--- received by the SMTP server: $received (headers, then the plain-text part decoded) ---"
sed -n '1,/^\r\{0,1\}$/p' "$received" | tr -d '\r'
/usr/bin/python3 - "$received" <<'PY'
import email, email.policy, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print(message.get_body(preferencelist=("plain",)).get_content())
PY
run digest --send --date 2025-12-01

say "Acme's dispute bundle"
run export --client Acme --out "$demo_dir/acme-case"
run verify "$demo_dir/acme-case"
echo "open it in a browser: file://$demo_dir/acme-case/index.html"

echo
echo "The demo's files stay in $demo_dir; try for example:"
echo "  $casefile --store $store threads --json"
echo "  $casefile --store $store clients"
echo "  $casefile parse $sample/10-acme-q4-report-request.eml"
