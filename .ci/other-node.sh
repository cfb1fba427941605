#!/usr/bin/env bash
# The server start-up, the contract suites and the integration tests on another Node (default 22, what
# App Service runs), taken from the npm registry: the `node` package ships the binary and its headers.
# They run in a copy of the tree beside this one (so ../shared/seeds, PB_SEEDS_DIR's default, resolves) whose better-sqlite3 is rebuilt
# for that Node; this tree and its node_modules stay built for the machine's Node.
#   bash .ci/other-node.sh [major [test paths…]]   (default 22, test/contract test/integration; needs npm ci here first)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
major=${1:-22}
shift || true
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(test/contract test/integration)
started=$(date +%s)
tool=$(mktemp -d)
copy="$(dirname "$root")/.$(basename "$root")-node$major"
cleanup() { rm -rf "$tool" "$copy"; }
trap cleanup EXIT
rm -rf "$copy"

npm install --prefix "$tool" --no-save --no-audit --no-fund --loglevel=error "node@$major" >/dev/null
bin="$tool/node_modules/node/bin"
header=$(find "$tool/node_modules" -path '*/include/node/node.h' -print -quit)
[ -x "$bin/node" ] && [ -n "$header" ] || { echo "node@$major from npm has no binary or headers" >&2; exit 1; }
nodedir=${header%/include/node/node.h}
echo "== Node $("$bin/node" --version) from the npm registry"

# The tree as it is (tracked and untracked, not ignored), node_modules hard-linked except what gets rebuilt.
mkdir -p "$copy"
git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$copy"
cp -al node_modules "$copy/node_modules"
rm -rf "$copy/node_modules/better-sqlite3" "$copy/node_modules/.vite" "$copy/node_modules/.vitest"
cp -a node_modules/better-sqlite3 "$copy/node_modules/better-sqlite3"
cd "$copy"
# Straight to node-gyp with that Node's headers: prebuilt binaries would come from outside the npm registry.
export PATH="$bin:$PATH" npm_config_nodedir="$nodedir" npm_config_build_from_source=true JOBS=max
rebuild_started=$(date +%s)
npm rebuild better-sqlite3 --loglevel=error >/dev/null
echo "== better-sqlite3 rebuilt for Node $major in $(($(date +%s) - rebuild_started)) s"
node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"

node --import tsx scripts/start-check.ts
npx vitest run "${suites[@]}"
echo "== Node $major run: $(($(date +%s) - started)) s in all"
