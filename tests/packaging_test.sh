#!/usr/bin/env bash
# Builds casefile's .deb with cpack from a build directory, installs it on
# this machine, and checks what a VA gets: the binary, check-config on the
# shipped example, the unit files (systemd-analyze verify, and a security
# exposure of at most 2.0 for the system unit), an upgrade to a newer package
# revision, and a purge that leaves nothing of the package behind.
#
# Usage: tests/packaging_test.sh BUILD_DIR      (run by ctest as "packaging")
#
# Needs root (dpkg -i) and a finished build. Exits 77 (ctest: skipped) when
# not root or without dpkg. Installs systemd-analyze (Debian package systemd)
# with apt-get when it is missing. The packages it builds carry the Debian
# revisions 0test1 and 0test2, so a copy left installed by an interrupted
# run is recognised and purged; any other installed casefile is left alone
# and the test is skipped.
set -euo pipefail

build_dir=${1:?usage: packaging_test.sh BUILD_DIR}
build_dir=$(cd "$build_dir" && pwd)
max_exposure=2.0

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

[[ $(id -u) -eq 0 ]] || skip "needs root to install the .deb (CI runs as root)"
command -v dpkg >/dev/null && command -v dpkg-deb >/dev/null || skip "no dpkg on this machine"
command -v cpack >/dev/null || fail "cpack not found"
[[ -f $build_dir/CPackConfig.cmake ]] || fail "$build_dir/CPackConfig.cmake missing: configure first"
[[ -x $build_dir/daemon/casefile ]] || fail "$build_dir/daemon/casefile missing: build first"

# One packaging test at a time on this machine (dpkg has one database).
# (The redirection of a bare `exec` would stay in force: keep stderr.)
{ exec 9>/run/lock/casefile-packaging-test.lock; } 2>/dev/null || exec 9>/tmp/casefile-packaging-test.lock
flock 9

installed_version() { dpkg-query -W -f='${Status} ${Version}' casefile 2>/dev/null || true; }

if current=$(installed_version) && [[ $current == *" installed "* || $current == *"config-files"* ]]; then
  case $current in
    *0test1 | *0test2) echo "purging casefile left by an earlier run ($current)"; dpkg --purge casefile >/dev/null ;;
    *) skip "casefile is already installed here ($current); not touching it" ;;
  esac
fi

work=$(mktemp -d /tmp/casefile-packaging.XXXXXX)
cleanup() {
  local status=$?
  if [[ $(installed_version) == *0test* ]]; then dpkg --purge casefile >/dev/null 2>&1 || true; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

if ! command -v systemd-analyze >/dev/null; then
  step "installing systemd-analyze (package systemd)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends systemd >"$work/apt.log" 2>&1 ||
    { apt-get update >>"$work/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends systemd >>"$work/apt.log" 2>&1; } ||
    { cat "$work/apt.log" >&2; fail "could not install systemd-analyze"; }
fi

build_package() {  # release -> path of the .deb
  local release=$1 out="$work/deb-$1"
  mkdir -p "$out"
  if ! (cd "$build_dir" && cpack -G DEB -B "$out" -D CPACK_DEBIAN_PACKAGE_RELEASE="$release") \
      >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log" >&2
    fail "cpack failed"
  fi
  local deb
  deb=$(find "$out" -maxdepth 1 -name "casefile_*-${release}_*.deb" | head -n 1)
  [[ -n $deb ]] || { cat "$out/cpack.log" >&2; fail "cpack wrote no casefile_*-$release_*.deb"; }
  echo "$deb"
}

step "cpack -G DEB"
deb1=$(build_package 0test1)
dpkg-deb --info "$deb1" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb1" | awk '{print $NF}' >"$work/contents"
for path in ./usr/bin/casefile ./usr/lib/systemd/system/casefile.service \
            ./usr/lib/systemd/user/casefile.service ./usr/share/casefile/casefile.example.toml; do
  grep -qx "$path" "$work/contents" || fail "$path is not in the package"
done
if grep -E '^\./(etc|var|home|root|tmp)/' "$work/contents"; then
  fail "the package ships files outside /usr"
fi
dpkg-deb --field "$deb1" Depends | grep -q libcurl4 || fail "Depends lacks libcurl4"

step "dpkg -i"
dpkg -i "$deb1" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "dpkg -i failed"; }
[[ $(installed_version) == "install ok installed "*0test1 ]] || fail "not installed: $(installed_version)"

step "casefile --version"
version=$(/usr/bin/casefile --version) || fail "casefile --version failed"
echo "$version"
[[ $version == *casefile* ]] || fail "unexpected --version output: $version"

# check-config on the shipped example. Its password_file
# (~/.config/casefile/imap.pass) does not exist in a fresh HOME, so the only
# problem reported must be that one: the rest of the example is valid. Then
# with the file in place, and then the system-service way (credential =
# "imap-password" from $CREDENTIALS_DIRECTORY), it must be valid outright.
step "casefile check-config on the example"
example=/usr/share/casefile/casefile.example.toml
home=$work/home
mkdir -p "$home"
set +e
output=$(env -i PATH=/usr/bin:/bin HOME="$home" /usr/bin/casefile --config "$example" check-config 2>&1)
status=$?
set -e
echo "$output"
[[ $status -eq 2 ]] || fail "check-config without the password file: exit $status, expected 2"
[[ $(printf '%s\n' "$output" | grep -c .) -eq 1 && $output == *imap.pass* ]] ||
  fail "check-config should report only the missing password file"

mkdir -p "$home/.config/casefile"
(umask 077 && printf 'example-password\n' >"$home/.config/casefile/imap.pass")
output=$(env -i PATH=/usr/bin:/bin HOME="$home" /usr/bin/casefile --config "$example" check-config 2>&1) ||
  { echo "$output" >&2; fail "check-config on the example with its password file"; }
echo "$output"
[[ $output == *"is valid"* ]] || fail "check-config did not say valid"

system_config=$work/etc-casefile/config.toml
mkdir -p "$work/etc-casefile" "$work/credentials"
sed -e 's|^password_file = .*|credential = "imap-password"|' -e '/^\[store\]/,/^path/d' \
    "$example" >"$system_config"
(umask 077 && printf 'example-password\n' >"$work/credentials/imap-password")
output=$(env -i PATH=/usr/bin:/bin HOME=/ STATE_DIRECTORY=/var/lib/casefile \
           CREDENTIALS_DIRECTORY="$work/credentials" \
           /usr/bin/casefile --config "$system_config" check-config 2>&1) ||
  { echo "$output" >&2; fail "check-config as the system service would run it"; }
echo "$output"
[[ $output == *"store /var/lib/casefile/casefile.db"* ]] ||
  fail "under StateDirectory= the default store should be /var/lib/casefile/casefile.db"
[[ $output != *example-password* ]] || fail "check-config printed the password"

step "unit files"
system_unit=/usr/lib/systemd/system/casefile.service
user_unit=/usr/lib/systemd/user/casefile.service
[[ -f $system_unit ]] || fail "$system_unit missing"
[[ -f $user_unit ]] || fail "$user_unit missing"
grep -q '^ExecStart=/usr/bin/casefile ' "$system_unit" || fail "ExecStart does not name /usr/bin/casefile"
grep -q '^ExecStart=/usr/bin/casefile ' "$user_unit" || fail "user ExecStart does not name /usr/bin/casefile"
if grep -n '@[A-Z_]*@' "$system_unit" "$user_unit"; then fail "unsubstituted @VARIABLE@ in a unit"; fi

step "systemd-analyze verify"
systemd-analyze --version | head -n 1
systemd-analyze verify --man=no "$system_unit" || fail "systemd-analyze verify $system_unit"
# A user manager's paths need XDG_RUNTIME_DIR, even offline.
mkdir -m 700 "$work/runtime"
XDG_RUNTIME_DIR=$work/runtime systemd-analyze --user verify --man=no "$user_unit" ||
  fail "systemd-analyze --user verify $user_unit"

step "systemd-analyze security --offline=yes"
systemd-analyze security --offline=yes "$system_unit" >"$work/security.txt" 2>&1 || true
grep -v '^✓' "$work/security.txt"
exposure=$(sed -n 's/.*Overall exposure level for casefile.service: \([0-9.]*\).*/\1/p' "$work/security.txt")
[[ -n $exposure ]] || fail "no exposure level in systemd-analyze's output"
echo "system unit exposure: $exposure (limit $max_exposure)"
awk -v e="$exposure" -v max="$max_exposure" 'BEGIN { exit !(e <= max) }' ||
  fail "system unit exposure $exposure is above $max_exposure"
user_exposure=$(XDG_RUNTIME_DIR=$work/runtime systemd-analyze --user security --offline=yes "$user_unit" 2>&1 |
                  sed -n 's/.*Overall exposure level for casefile.service: \([0-9.]*\).*/\1/p' || true)
echo "user unit exposure: ${user_exposure:-?} (informational: a user manager holds no privileges to drop)"

step "upgrade to a newer revision"
deb2=$(build_package 0test2)
dpkg -i "$deb2" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; fail "upgrade failed"; }
[[ $(installed_version) == "install ok installed "*0test2 ]] || fail "upgrade did not land: $(installed_version)"
/usr/bin/casefile --version >/dev/null || fail "casefile --version after the upgrade"
[[ -f $system_unit && -f $user_unit ]] || fail "unit files gone after the upgrade"
# Re-installing the same package is an upgrade to itself and must work too.
dpkg -i "$deb2" >"$work/reinstall.log" 2>&1 || { cat "$work/reinstall.log" >&2; fail "re-install failed"; }

step "dpkg --purge"
dpkg --purge casefile >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "purge failed"; }
cat "$work/purge.log"
[[ -z $(installed_version) || $(installed_version) == *not-installed* ]] ||
  fail "still known to dpkg after purge: $(installed_version)"
for path in /usr/bin/casefile "$system_unit" "$user_unit" /usr/share/casefile /usr/share/doc/casefile; do
  [[ ! -e $path ]] || fail "$path is still there after purge"
done

echo "packaging test passed: exposure $exposure"
