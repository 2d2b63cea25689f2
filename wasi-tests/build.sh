#!/bin/sh
# Rebuild the WASI test programs' .wasm files (committed, so `cargo test`
# needs no wasm toolchain). Debian packages: clang lld wasi-libc
# libclang-rt-14-dev-wasm32 (clang 14, wasi-libc 0.0~git20220510); the
# sysroot is Debian's.
set -eu
cd "$(dirname "$0")"
for src in *.c; do
    clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-all -o "${src%.c}.wasm" "$src"
done
