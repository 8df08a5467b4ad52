#!/usr/bin/env bash
# Installs every Debian 12 package that casefile's build, tests and demo need.
# Idempotent: when everything is already there it prints nothing and exits 0.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libcurl4-openssl-dev libsqlitecpp-dev libsqlite3-dev
  libspdlog-dev libfmt-dev libtomlplusplus-dev libexpected-dev libgtest-dev
  libssl-dev
  clang-14 libclang-rt-14-dev
  dovecot-imapd python3 python3-aiosmtpd openssl
  sqlite3 xz-utils bc time tzdata
  chromium
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "casefile set-up: these packages are missing: ${missing[*]}" >&2
  echo "Run this script as root (or install them with apt-get) and try again." >&2
  exit 1
fi

echo "casefile set-up: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Dovecot's package enables a system service; casefile's tests run their own
# private instance and never need the system one.
if command -v systemctl >/dev/null && systemctl is-active --quiet dovecot 2>/dev/null; then
  systemctl disable --now dovecot >/dev/null 2>&1 || true
fi
