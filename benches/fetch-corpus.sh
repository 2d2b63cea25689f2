#!/usr/bin/env bash
# Downloads the compile bench's corpus of real-world modules: the .wasm files
# shipped inside npm packages. They land in benches/corpus/ (ignored by git,
# never committed): the package tarballs in benches/corpus/npm/, the modules
# in benches/corpus/wasm/ as <package>-<version>-<file>.wasm.
#
# Needs npm (Debian: apt-get install npm). Downloads about 85 MB once;
# packages already fetched are skipped.
#
# Usage: benches/fetch-corpus.sh [PACKAGE@VERSION ...]   (default: the list below)
#
# The first four packages are taken at two versions: the latest when this
# list was written, which uses WebAssembly 2.0 features, and an older
# release built before the toolchains turned 2.0 features on by default,
# which is plain WebAssembly 1.0 (emscripten, Go and Rust enabled sign-ext
# and friends by default around 2023). The others, added for issue 17's
# measurements (large real modules of every common producer), are taken at
# their latest version only. A module Flint rejects is still measured: the
# compile bench lists it as unsupported, with Flint's error.
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
    # The biome formatter and linter: Rust via wasm-bindgen, the largest
    # module here (46 MB, 31 MB of code).
    @biomejs/wasm-nodejs@2.5.14
    # The lightningcss CSS parser and minifier: Rust (16 MB).
    lightningcss-wasm@1.33.0
    # The resvg SVG renderer: Rust via wasm-bindgen (2.5 MB).
    @resvg/resvg-wasm@2.6.2
    # Rollup's native parts: Rust via wasm-bindgen (590 KB).
    @rollup/wasm-node@4.68.4
    # FFmpeg compiled by emscripten: C (32 MB).
    @ffmpeg/core@0.12.10
    # The libvips image library and its codecs: C and C++ by emscripten
    # (1.2-5.2 MB each).
    wasm-vips@0.0.19
    # The HarfBuzz text shaper: C++ by emscripten (440-680 KB).
    harfbuzzjs@1.6.4
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
