#!/usr/bin/env bash
# Downloads the compile bench's corpus of real-world modules: the .wasm files
# shipped inside npm packages. They land in benches/corpus/ (ignored by git,
# never committed): the package tarballs in benches/corpus/npm/, the modules
# in benches/corpus/wasm/ as <package>-<version>-<file>.wasm.
#
# Needs npm (Debian: apt-get install npm). Downloads about 40 MB once;
# packages already fetched are skipped.
#
# Usage: benches/fetch-corpus.sh [PACKAGE@VERSION ...]   (default: the list below)
#
# Each package is taken at two versions: the latest when this list was
# written, which uses WebAssembly 2.0 features that Flint does not support
# yet (the bench reports those as unsupported, with Flint's error), and an
# older release built before the toolchains turned 2.0 features on by
# default, which is plain WebAssembly 1.0 (emscripten, Go and Rust enabled
# sign-ext and friends by default around 2023).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PACKAGES=(
    # SQLite compiled by emscripten.
    sql.js@1.16.0
    sql.js@1.8.0
    # The QuickJS JavaScript engine compiled by emscripten.
    @jitl/quickjs-wasmfile-release-sync@0.32.0
    @jitl/quickjs-wasmfile-release-sync@0.25.0
    # The esbuild bundler: Go compiled to wasm (large: 10-14 MB).
    esbuild-wasm@0.28.2
    esbuild-wasm@0.14.54
    # The swc TypeScript/JavaScript compiler: Rust via wasm-bindgen (18-21 MB).
    @swc/wasm@1.16.18
    @swc/wasm@1.2.130
)
if (($#)); then
    PACKAGES=("$@")
fi

mkdir -p corpus/npm corpus/wasm
for spec in "${PACKAGES[@]}"; do
    # @scope/name@1.2.3 -> scope-name-1.2.3, the name `npm pack` gives the tarball.
    base=${spec#@}
    base=${base//\//-}
    base=${base/@/-}
    tarball=corpus/npm/$base.tgz
    if [[ ! -f $tarball ]]; then
        echo "fetching $spec"
        (cd corpus/npm && npm pack --silent "$spec" >/dev/null)
    fi
    tmp=$(mktemp -d)
    tar -xzf "$tarball" -C "$tmp"
    # Debug builds and byte-identical copies (sql.js ships the same module
    # for the browser and for node) are left out; of identical copies the
    # shortest name is kept.
    declare -A seen=()
    while IFS= read -r wasm; do
        file=$(basename "$wasm" .wasm)
        [[ $file == *debug* ]] && continue
        sum=$(sha256sum "$wasm" | cut -d' ' -f1)
        [[ -n ${seen[$sum]:-} ]] && continue
        seen[$sum]=1
        cp "$wasm" "corpus/wasm/$base-$file.wasm"
        echo "  corpus/wasm/$base-$file.wasm ($(wc -c <"$wasm") bytes)"
    done < <(find "$tmp" -name '*.wasm' | awk '{ print length($0) "\t" $0 }' | sort -n | cut -f2-)
    unset seen
    rm -rf "$tmp"
done
echo "corpus ready in $(pwd)/corpus/wasm"
