#!/usr/bin/env bash
# Builds the run-bench kernels (the .c files here) to WebAssembly 1.0 and
# checks them. The .wasm files in wasm/ are committed, so `cargo bench` needs
# no wasm toolchain; run this only after changing a kernel.
#
# Debian packages (bookworm), exactly:
#   apt-get install clang lld wasi-libc
#   clang     1:14.0-55.7~deb12u1   (the C compiler, wasm32 target included)
#   lld       1:14.0-55.7~deb12u1   (wasm-ld)
#   wasi-libc 0.0~git20220510.9886d3d-2 (headers, and memcpy/memset/memcmp)
# plus gcc (for the cross-check below; every Rust install already has it).
#
# Each kernel exports `run(n) -> checksum` and imports nothing: Flint has no
# WASI yet, so the modules are linked with -nostdlib and only wasi-libc's
# pure functions (memcpy, memset, memcmp) come in from libc.a. clang's
# compiler-rt builtins are not linked (Debian ships them in a separate
# package); the kernels need none.
#
# WebAssembly 1.0 only: -mcpu=mvp already turns every post-MVP feature off;
# the -mno-* flags say so explicitly. Flint itself accepts only 1.0 today, so
# the check below (load and run every module in Flint) also proves that no
# later feature slipped in, and that the module has no imports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

CLANG=${CLANG:-clang}
WASM_FLAGS=(
    --target=wasm32-wasi -O2
    -mcpu=mvp -mno-bulk-memory -mno-sign-ext -mno-nontrapping-fptoint
    -mno-multivalue -mno-reference-types -mno-simd128
    -nostdlib
    -Wl,--no-entry -Wl,-z,stack-size=262144 -Wl,--strip-debug
)

mkdir -p wasm
for src in *.c; do
    name=${src%.c}
    "$CLANG" "${WASM_FLAGS[@]}" -o "wasm/$name.wasm" "$src" -lc
    echo "built wasm/$name.wasm ($(wc -c <"wasm/$name.wasm") bytes)"
done

# Cross-check on a small input: Flint's result must equal gcc -O2's.
cargo build --release --quiet --manifest-path ../../Cargo.toml
flint=${CARGO_TARGET_DIR:-../../target}/release/flint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/main.c" <<'C'
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
uint32_t run(uint32_t n);
int main(int argc, char **argv) {
    (void)argc;
    printf("%d\n", (int32_t)run((uint32_t)atoi(argv[1])));
    return 0;
}
C
for src in *.c; do
    name=${src%.c}
    gcc -O2 -o "$tmp/$name" "$src" "$tmp/main.c" -lm
    n=1000
    [[ $name == fannkuch ]] && n=7
    [[ $name == matmul ]] && n=64
    native=$("$tmp/$name" "$n")
    wasm=$("$flint" run "wasm/$name.wasm" --invoke run "$n")
    if [[ "$native" != "$wasm" ]]; then
        echo "$name: native checksum $native, Flint $wasm" >&2
        exit 1
    fi
    echo "checked $name: run($n) = $wasm on both sides"
done
