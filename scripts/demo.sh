#!/usr/bin/env bash
# The casefile demo: builds casefile, imports the sample client mail shipped
# in tests/data/ into a fresh store, and shows what the VA would see.
#   scripts/demo.sh [DEMO_DIR]    (default: a new temporary directory)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" "$root/build"
casefile="$root/build/daemon/casefile"

demo_dir=${1:-$(mktemp -d /tmp/casefile-demo.XXXXXX)}
mkdir -p "$demo_dir"
store="$demo_dir/casefile.db"
rm -f "$store" "$store-wal" "$store-shm"
run() {
  echo
  echo "\$ casefile $*"
  "$casefile" --config "$root/scripts/demo-config.toml" --store "$store" "$@"
}

echo "casefile demo: store in $store"
run check-config
run import "$root/tests/data/sample-mail"
run import "$root/tests/data/sample-mail.mbox"
run status
run clients
run threads --client Acme
run threads
run verify
echo
echo "The demo store stays at $store; try for example:"
echo "  $casefile --store $store threads --json"
echo "  $casefile parse $root/tests/data/sample-mail/<file>.eml"
