#!/usr/bin/env bash
# A private, throw-away Dovecot IMAP server for casefile's tests and demo.
# Everything lives under one directory; nothing in /etc or /run is touched and
# no system Dovecot is needed.
#
#   dovecot-sandbox.sh start DIR [--tls] [--user NAME --password PW] [--watch-pid PID]
#       Writes DIR/dovecot.conf, starts Dovecot on free 127.0.0.1 ports and
#       prints (and writes to DIR/ports.env):
#         IMAP_PORT=n  IMAP_USER=name  IMAP_PASSWORD=pw
#       and with --tls also IMAPS_PORT=n and CA_FILE=DIR/cert.pem (a fresh
#       self-signed certificate for localhost and 127.0.0.1). With --tls,
#       ssl = required; Dovecot counts loopback as secure, though, so LOGIN
#       without STARTTLS still works on the plain port.
#       --watch-pid PID stops the server when process PID is gone, so a
#       crashed test does not leave Dovecot running.
#   dovecot-sandbox.sh restart DIR      stop, then start again on the same ports
#                                       (mail and the --watch-pid watcher kept)
#   dovecot-sandbox.sh stop DIR         stop and wait until gone (idempotent)
#   dovecot-sandbox.sh kill DIR         SIGKILL every process of the sandbox
#   dovecot-sandbox.sh add DIR FOLDER FILE...   store messages (creates FOLDER)
#   dovecot-sandbox.sh flags DIR FOLDER         print "uid: N" / "flags: F" records
#   dovecot-sandbox.sh uidvalidity DIR FOLDER N set FOLDER's UIDVALIDITY
#   dovecot-sandbox.sh expunge DIR FOLDER UID   expunge one message
#   dovecot-sandbox.sh flag DIR FOLDER UID add|remove|replace FLAG...
#   dovecot-sandbox.sh create DIR FOLDER        create a folder
#   dovecot-sandbox.sh doveadm DIR ARGS...      any other doveadm command
#
# Dovecot refuses to run mail processes as root, so mail is owned by
# nobody:nogroup; the login processes run as dovenull, auth as dovecot.
set -euo pipefail

readonly mail_user=nobody
readonly mail_group=nogroup
readonly system_python=/usr/bin/python3

die() {
  echo "dovecot-sandbox: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

require_dir() {
  [[ -n "${1:-}" ]] || usage
  [[ -d "$1" ]] || die "$1 is not a directory"
}

# Absolute path without resolving symlinks away from the caller's view.
absolute() {
  (cd "$1" && pwd)
}

conf_of() { echo "$1/dovecot.conf"; }

# True when process $1 exists and is not a zombie. Here pid 1 reaps orphans
# only now and then, so a dead daemonized master stays a zombie for a while.
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ "${stat:0:1}" != Z ]]
}

master_pid() {
  local pid_file="$1/run/master.pid"
  [[ -s "$pid_file" ]] || return 1
  local pid
  pid=$(<"$pid_file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  # A stale pid file may name an unrelated process that reused the pid.
  grep -qsF -- "$1/dovecot.conf" "/proc/$pid/cmdline" || return 1
  echo "$pid"
}

# Prints "pid name" for each live process in process group $1. The master
# calls setsid(), so its group is exactly this Dovecot instance.
group_members() {
  local file stat rest fields name
  for file in /proc/[0-9]*/stat; do
    { stat=$(<"$file"); } 2>/dev/null || continue
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    [[ "${fields[2]}" == "$1" && "${fields[0]}" != Z ]] || continue
    name=${stat#*(}
    name=${name%)*}
    file=${file#/proc/}
    echo "${file%/stat} $name"
  done
}

# Prints N distinct free loopback TCP ports. The kernel picks them; the sockets
# are closed before Dovecot binds, so a rare race is handled by start's retry.
free_ports() {
  "$system_python" - "$1" <<'EOF'
import socket, sys
sockets = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
EOF
}

# True once something on 127.0.0.1:$1 sends an IMAP greeting ("* OK").
greeting_arrives() {
  local port=$1 line=""
  # shellcheck disable=SC2094  # one socket, opened once for reading and writing
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  IFS= read -r -t 2 line <&3 || true
  exec 3<&- 3>&-
  [[ "$line" == "* OK"* ]]
}

wait_until_ready() {
  local dir=$1 port=$2 pid=$3
  local deadline=$((SECONDS + 10))
  while ((SECONDS < deadline)); do
    greeting_arrives "$port" && return 0
    alive "$pid" || return 1
    sleep 0.02
  done
  return 1
}

write_config() {
  local dir=$1 imap_port=$2 imaps_port=$3 tls=$4
  local ssl_block
  if [[ "$tls" == yes ]]; then
    ssl_block="ssl = required
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
ssl_min_protocol = TLSv1.2"
  else
    ssl_block="ssl = no"
  fi
  cat >"$dir/dovecot.conf" <<EOF
# Written by scripts/dovecot-sandbox.sh; a private test instance.
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
instance_name = casefile-sandbox-$imap_port
log_path = $dir/dovecot.log
info_log_path = $dir/dovecot.log
debug_log_path = $dir/dovecot.log
syslog_facility = local7
shutdown_clients = yes
default_login_user = dovenull
default_internal_user = dovecot

$ssl_block
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests try wrong passwords on purpose; the default 2 s penalty would slow them.
auth_failure_delay = 0

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$mail_user gid=$mail_group home=$dir/home/%u
}
mail_location = maildir:$dir/mail/%u
first_valid_uid = 1
first_valid_gid = 1

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Trash {
    special_use = \\Trash
    auto = create
  }
}

service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
# The crash test SIGKILLs casefile dozens of times in a few seconds; each dead
# client's imap process lingers until Dovecot notices, and the default cap of
# 10 connections per user and IP then refuses the next login.
protocol imap {
  mail_max_userip_connections = 1000
}
# Without this socket auth keeps no per-IP penalty; otherwise every failed
# login from 127.0.0.1 delays the next one by 2-15 s, which tests cannot afford.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
# Mail processes run as nobody and must reach the stats socket.
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
EOF
}

write_ports_env() {
  local dir=$1 imap_port=$2 imaps_port=$3 tls=$4 user=$5 password=$6
  {
    echo "IMAP_PORT=$imap_port"
    if [[ "$tls" == yes ]]; then
      echo "IMAPS_PORT=$imaps_port"
      echo "CA_FILE=$dir/cert.pem"
    fi
    # Shell-quoted, so that the file can be sourced whatever the password.
    printf 'IMAP_USER=%q\n' "$user"
    printf 'IMAP_PASSWORD=%q\n' "$password"
  } >"$dir/ports.env.tmp"
  mv "$dir/ports.env.tmp" "$dir/ports.env"
}

read_setting() {
  local dir=$1 key=$2
  [[ -f "$dir/ports.env" ]] || die "$dir has no ports.env; was it started with 'start'?"
  sed -n "s/^$key=//p" "$dir/ports.env"
}

# The user name is restricted to characters that %q leaves alone.
sandbox_user() { read_setting "$1" IMAP_USER; }

# Runs a background watcher that stops the sandbox once PID is gone.
start_watcher() {
  local dir=$1 pid=$2
  alive "$pid" || die "--watch-pid $pid: no such process"
  # shellcheck disable=SC2016  # the watcher's script expands its own arguments
  setsid bash -c '
    dir=$1 pid=$2 script=$3
    alive() { local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; s=${s##*) }; [[ ${s:0:1} != Z ]]; }
    while alive "$pid" && [[ -e "$dir/run/master.pid" ]]; do
      sleep 0.5
    done
    [[ -e "$dir/run/master.pid" ]] && bash "$script" stop "$dir"
    rm -f "$dir/watch.pid"
  ' watcher "$dir" "$pid" "$(absolute "$(dirname "$0")")/$(basename "$0")" \
    </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/watch.pid"
  echo "$pid" >"$dir/watch.target"
}

stop_watcher() {
  local dir=$1
  [[ -s "$dir/watch.pid" ]] || return 0
  local pid
  pid=$(<"$dir/watch.pid")
  rm -f "$dir/watch.pid"
  # Only our own watcher: its command line names this directory.
  if [[ "$pid" =~ ^[0-9]+$ && $pid -ne $$ && $pid -ne $PPID ]] &&
    grep -qsF -- "$dir" "/proc/$pid/cmdline"; then
    kill "$pid" 2>/dev/null || true
  fi
}

# Starts dovecot with DIR's config; prints nothing. Returns 1 on failure.
launch() {
  local dir=$1 imap_port=$2
  local pid
  : >"$dir/dovecot.stderr"
  if ! dovecot -c "$dir/dovecot.conf" </dev/null >>"$dir/dovecot.stderr" 2>&1; then
    return 1
  fi
  # The master daemonizes after binding its listeners and writing master.pid.
  local tries=0
  until pid=$(master_pid "$dir"); do
    ((++tries < 250)) || return 1
    sleep 0.02
  done
  wait_until_ready "$dir" "$imap_port" "$pid"
}

command_start() {
  local dir="" tls=no user=casefile password=sandbox-password watch_pid=""
  [[ $# -ge 1 ]] || usage
  dir=$1
  shift
  while [[ $# -gt 0 ]]; do
    case $1 in
      --tls) tls=yes ;;
      --user) user=${2:?--user needs a name}; shift ;;
      --password) password=${2:?--password needs a value}; shift ;;
      --watch-pid) watch_pid=${2:?--watch-pid needs a pid}; shift ;;
      *) die "start: unknown option $1" ;;
    esac
    shift
  done
  [[ "$user" =~ ^[A-Za-z0-9._@-]+$ ]] || die "--user: only letters, digits and ._@- please"
  [[ "$password" != *:* && "$password" != *$'\n'* ]] || die "--password must not contain ':' or a newline"
  mkdir -p "$dir"
  dir=$(absolute "$dir")
  rm -f "$dir/watch.target"
  [[ "$dir" != *[[:space:]\"\\]* ]] || die "$dir: the sandbox path must not contain spaces, quotes or backslashes"
  if master_pid "$dir" >/dev/null; then
    die "$dir: a sandbox is already running there; stop it first"
  fi
  command -v dovecot >/dev/null || die "dovecot is not installed (apt-get install dovecot-imapd)"

  # Mail and auth processes do not run as root and must traverse DIR.
  chmod 0755 "$dir"
  mkdir -p "$dir/run" "$dir/state" "$dir/mail" "$dir/home"
  chown "$mail_user:$mail_group" "$dir/mail" "$dir/home"
  # passwd-file format: user:{SCHEME}password:uid:gid:gecos:home:shell:extra
  printf '%s:{PLAIN}%s::::::\n' "$user" "$password" >"$dir/users"
  chmod 0644 "$dir/users"

  if [[ "$tls" == yes && ! -s "$dir/cert.pem" ]]; then
    command -v openssl >/dev/null || die "openssl is not installed (apt-get install openssl)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1 ||
      die "openssl could not create a self-signed certificate in $dir"
  fi

  local attempt imap_port imaps_port
  for attempt in 1 2 3 4 5; do
    read -r imap_port imaps_port < <(free_ports 2) ||
      die "could not ask the kernel for free ports with $system_python"
    [[ "$tls" == yes ]] || imaps_port=0
    write_config "$dir" "$imap_port" "$imaps_port" "$tls"
    if launch "$dir" "$imap_port"; then
      write_ports_env "$dir" "$imap_port" "$imaps_port" "$tls" "$user" "$password"
      [[ -z "$watch_pid" ]] || start_watcher "$dir" "$watch_pid"
      cat "$dir/ports.env"
      return 0
    fi
    command_stop "$dir" >/dev/null 2>&1 || true
    # Retry only when a port was taken between choosing and binding.
    grep -qs "Address already in use" "$dir/dovecot.stderr" || break
    echo "dovecot-sandbox: port taken, retrying (attempt $attempt)" >&2
  done
  echo "dovecot-sandbox: Dovecot did not start in $dir. Its output:" >&2
  tail -n 20 "$dir/dovecot.stderr" "$dir/dovecot.log" >&2 2>/dev/null || true
  exit 1
}

command_restart() {
  local dir=${1:-}
  require_dir "$dir"
  dir=$(absolute "$dir")
  [[ -f "$dir/dovecot.conf" && -f "$dir/ports.env" ]] || die "$dir: nothing to restart; use start"
  command_stop "$dir"
  local imap_port
  imap_port=$(read_setting "$dir" IMAP_PORT)
  # The ports were just released; Dovecot sets SO_REUSEADDR, so they bind at
  # once unless someone else took them, which we report.
  launch "$dir" "$imap_port" || {
    echo "dovecot-sandbox: Dovecot did not restart in $dir. Its output:" >&2
    tail -n 20 "$dir/dovecot.stderr" "$dir/dovecot.log" >&2 2>/dev/null || true
    exit 1
  }
  if [[ -s "$dir/watch.target" ]] && alive "$(<"$dir/watch.target")"; then
    start_watcher "$dir" "$(<"$dir/watch.target")"
  fi
  cat "$dir/ports.env"
}

command_stop() {
  local dir=${1:-}
  [[ -n "$dir" ]] || usage
  [[ -d "$dir" ]] || return 0
  dir=$(absolute "$dir")
  stop_watcher "$dir"
  local pid
  pid=$(master_pid "$dir") || {
    rm -f "$dir/run/master.pid"
    return 0
  }
  # SIGTERM lets every mail process finish cleanly; they exit at once. The
  # master and its log process then linger for about a second flushing logs,
  # which tests cannot afford, so once only they remain the group is killed.
  kill -TERM "$pid" 2>/dev/null || true
  local tries=0 members
  while members=$(group_members "$pid") && [[ -n "$members" ]]; do
    # After about 1.5 s something is stuck: kill whatever is left.
    if ((++tries >= 150)) || ! grep -qvE "^($pid |[0-9]+ log$)" <<<"$members"; then
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    ((tries < 300)) || die "Dovecot (pid $pid) in $dir does not stop"
    sleep 0.01
  done
  rm -f "$dir/run/master.pid"
}

command_kill() {
  local dir=${1:-}
  require_dir "$dir"
  dir=$(absolute "$dir")
  stop_watcher "$dir"
  local pid
  pid=$(master_pid "$dir") || return 0
  kill -KILL -- "-$pid" 2>/dev/null || true
  while [[ -n "$(group_members "$pid")" ]]; do sleep 0.01; done
  rm -f "$dir/run/master.pid"
}

doveadm_in() {
  local dir=$1
  shift
  master_pid "$dir" >/dev/null || die "$dir: the sandbox is not running"
  doveadm -c "$dir/dovecot.conf" "$@"
}

# Creates FOLDER unless it exists.
ensure_folder() {
  local dir=$1 user=$2 folder=$3
  local output
  if ! output=$(doveadm_in "$dir" mailbox create -u "$user" "$folder" 2>&1); then
    [[ "$output" == *"already exists"* ]] || die "cannot create folder $folder: $output"
  fi
}

# Fails with a clear message unless FOLDER exists: doveadm's fetch, expunge
# and flags treat "mailbox X" as a search key and quietly match nothing.
require_folder() {
  local dir=$1 user=$2 folder=$3
  doveadm_in "$dir" mailbox status -u "$user" uidvalidity "$folder" >/dev/null 2>&1 ||
    die "no folder $folder in $dir"
}

command_add() {
  [[ $# -ge 3 ]] || usage
  local dir folder user file output
  dir=$(absolute "$1")
  folder=$2
  shift 2
  user=$(sandbox_user "$dir")
  for file in "$@"; do
    [[ -r "$file" ]] || die "cannot read $file"
    # One doveadm run in the usual case; create the folder only when missing.
    if ! output=$(doveadm_in "$dir" save -u "$user" -m "$folder" <"$file" 2>&1); then
      [[ "$output" == *"doesn't exist"* ]] || die "doveadm save of $file into $folder failed: $output"
      ensure_folder "$dir" "$user" "$folder"
      doveadm_in "$dir" save -u "$user" -m "$folder" <"$file" ||
        die "doveadm save of $file into $folder failed"
    fi
  done
}

command_flags() {
  [[ $# -eq 2 ]] || usage
  local dir
  dir=$(absolute "$1")
  local user
  user=$(sandbox_user "$dir")
  require_folder "$dir" "$user" "$2"
  doveadm_in "$dir" fetch -u "$user" 'uid flags' mailbox "$2"
}

command_uidvalidity() {
  [[ $# -eq 3 ]] || usage
  local dir
  dir=$(absolute "$1")
  [[ "$3" =~ ^[0-9]+$ && "$3" -gt 0 ]] || die "uidvalidity must be a positive number"
  doveadm_in "$dir" mailbox update -u "$(sandbox_user "$dir")" --uid-validity "$3" "$2"
}

command_expunge() {
  [[ $# -eq 3 ]] || usage
  local dir
  dir=$(absolute "$1")
  [[ "$3" =~ ^[0-9]+$ ]] || die "expunge: UID must be a number"
  local user
  user=$(sandbox_user "$dir")
  require_folder "$dir" "$user" "$2"
  doveadm_in "$dir" expunge -u "$user" mailbox "$2" uid "$3"
}

command_flag() {
  [[ $# -ge 5 ]] || usage
  local dir folder uid action
  dir=$(absolute "$1")
  folder=$2 uid=$3 action=$4
  shift 4
  [[ "$action" =~ ^(add|remove|replace)$ ]] || die "flag: action is add, remove or replace"
  local user
  user=$(sandbox_user "$dir")
  require_folder "$dir" "$user" "$folder"
  doveadm_in "$dir" flags "$action" -u "$user" "$*" mailbox "$folder" uid "$uid"
}

command_create() {
  [[ $# -eq 2 ]] || usage
  local dir
  dir=$(absolute "$1")
  ensure_folder "$dir" "$(sandbox_user "$dir")" "$2"
}

command_doveadm() {
  [[ $# -ge 2 ]] || usage
  local dir
  dir=$(absolute "$1")
  shift
  doveadm_in "$dir" "$@"
}

main() {
  [[ $# -ge 2 ]] || usage
  local command=$1
  shift
  case $command in
    start) command_start "$@" ;;
    restart) command_restart "$@" ;;
    stop) command_stop "$@" ;;
    kill) command_kill "$@" ;;
    add | flags | uidvalidity | expunge | flag | create | doveadm)
      require_dir "$1"
      master_pid "$(absolute "$1")" >/dev/null || die "$1: the sandbox is not running"
      "command_$command" "$@"
      ;;
    *) usage ;;
  esac
}

main "$@"
