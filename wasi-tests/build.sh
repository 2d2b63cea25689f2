#!/bin/sh
# Rebuild the WASI test programs' .wasm files (committed, so `cargo test`
# needs no wasm toolchain).
#
# C: Debian packages clang lld wasi-libc libclang-rt-14-dev-wasm32
# (clang 14, wasi-libc 0.0~git20220510); the sysroot is Debian's.
#
# Rust: rust/ is a standalone package (`rustup target add wasm32-wasip1`).
# rust_files.expected is what the same program prints when built for the
# host and run natively, with the same arguments and environment and an
# empty directory as its first argument, as tests/cli/wasi.rs runs the .wasm
# under `flint run --dir`: the test checks that flint gives the program
# the behaviour the host's own libc and file system give it.
#
# c_files.c is the C twin: c_files.expected is its native (gcc) build's
# output, recorded the same way.
#
# files.c has no such native reference: its paths are the guest's
# (/sandbox) and half of it checks that escapes from the sandbox are
# refused, which a native run is not subject to; files.expected is kept
# by hand.
#
# The SIMD programs (issue 14): c_simd.c (clang -O3 -msimd128) and
# rust_simd/ (a standalone package built with -C target-feature=+simd128
# for wasm32 only). Their
# native builds compute the same results without WebAssembly SIMD
# (simd_lanes.h, rust_simd/src/scalar.rs), and c_simd.expected and
# rust_simd.expected are what they print given SIMD_SEED, the seed
# tests/cli/wasi.rs passes too. Neither build contracts a*b+c into an FMA
# (-ffp-contract=off; Rust never does), so float results agree bit for bit.
#
# rust_trap/ (issue 21) is built with DWARF line tables (its Cargo.toml's
# release profile) and panics on an out-of-bounds index, for the tests of
# source locations in backtraces (cli/tests/cli/run.rs,
# tests/backtraces.rs). Its source paths are remapped to the repository's
# (wasi-tests/rust_trap/src/main.rs), so the committed DWARF does not name
# the directory it happened to be built in.
set -eu
cd "$(dirname "$0")"
SIMD_SEED=20241130
for src in *.c; do
    flags=-O2
    if [ "$src" = c_simd.c ]; then
        flags="-O3 -msimd128 -ffp-contract=off"
    fi
    # shellcheck disable=SC2086 # $flags is a list of flags
    clang --target=wasm32-wasi --sysroot=/usr $flags -Wl,--strip-all -o "${src%.c}.wasm" "$src"
done

# --target-dir: not a CARGO_TARGET_DIR the environment may set for Flint.
(cd rust && cargo build --quiet --release --target wasm32-wasip1 --target-dir target)
cp rust/target/wasm32-wasip1/release/rust_files.wasm rust_files.wasm

(cd rust && cargo build --quiet --release --target-dir target)
dir=$(mktemp -d)
status=0
RUST_FILES_GREETING=hello rust/target/release/rust_files "$dir" one two >rust_files.expected ||
    status=$?
rmdir "$dir"
if [ "$status" != 3 ]; then
    echo "native rust_files exited with $status, not 3" >&2
    exit 1
fi

gcc -O2 -o c_files.native c_files.c
dir=$(mktemp -d)
status=0
C_FILES_GREETING=hello ./c_files.native "$dir" one two >c_files.expected || status=$?
rmdir "$dir"
rm c_files.native
if [ "$status" != 3 ]; then
    echo "native c_files exited with $status, not 3" >&2
    exit 1
fi

gcc -O2 -ffp-contract=off -o c_simd.native c_simd.c -lm
./c_simd.native "$SIMD_SEED" >c_simd.expected
rm c_simd.native

(cd rust_simd && RUSTFLAGS="-C target-feature=+simd128" \
    cargo build --quiet --release --target wasm32-wasip1 --target-dir target)
cp rust_simd/target/wasm32-wasip1/release/rust_simd.wasm rust_simd.wasm
(cd rust_simd && cargo build --quiet --release --target-dir target)
rust_simd/target/release/rust_simd "$SIMD_SEED" >rust_simd.expected

(cd rust_trap && RUSTFLAGS="--remap-path-prefix=$(pwd)=wasi-tests/rust_trap" \
    cargo build --quiet --release --target wasm32-wasip1 --target-dir target)
cp rust_trap/target/wasm32-wasip1/release/rust_trap.wasm rust_trap.wasm
