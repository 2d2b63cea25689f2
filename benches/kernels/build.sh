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
# the -mno-* flags say so explicitly. The one exception is the SIMD kernel
# (SIMD_KERNELS below, issue 14), built with -msimd128 in place of
# -mno-simd128 and otherwise the same, so that clang vectorises its loops.
# The check below loads and runs every module in Flint, which also proves
# that the module has no imports. A kernel Flint cannot run is reported and
# makes the script fail, after the others have been checked.
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

SIMD_KERNELS=(blend)

mkdir -p wasm
for src in *.c; do
    name=${src%.c}
    flags=("${WASM_FLAGS[@]}")
    if [[ " ${SIMD_KERNELS[*]} " == *" $name "* ]]; then
        flags=("${flags[@]/#-mno-simd128/-msimd128}")
    fi
    "$CLANG" "${flags[@]}" -o "wasm/$name.wasm" "$src" -lc
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
unchecked=()
for src in *.c; do
    name=${src%.c}
    gcc -O2 -o "$tmp/$name" "$src" "$tmp/main.c" -lm
    n=1000
    [[ $name == fannkuch ]] && n=7
    [[ $name == matmul ]] && n=64
    native=$("$tmp/$name" "$n")
    if ! wasm=$("$flint" run "wasm/$name.wasm" --invoke run "$n" 2>"$tmp/err"); then
        echo "$name: NOT CHECKED, Flint cannot run it: $(cat "$tmp/err")" >&2
        unchecked+=("$name")
        continue
    fi
    if [[ "$native" != "$wasm" ]]; then
        echo "$name: native checksum $native, Flint $wasm" >&2
        exit 1
    fi
    echo "checked $name: run($n) = $wasm on both sides"
done
if ((${#unchecked[@]})); then
    echo "not checked: ${unchecked[*]}" >&2
    exit 1
fi
