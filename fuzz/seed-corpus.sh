#!/bin/sh
# Seed the module_bytes corpus with real modules (the bench kernels and the
# WASI test programs) and with the shapes that test compile-time linearity
# (crates/flint-oracle/src/patterns.rs: deep stacks under blocks, calls and
# local.set, deep nesting, many locals, huge br_tables). libFuzzer mutates
# these, which reaches deep into the compiler far sooner than random bytes
# do.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/module_bytes corpus/differential corpus/artifact_bytes
cp ../benches/kernels/wasm/*.wasm ../wasi-tests/*.wasm corpus/module_bytes/
cargo run --quiet --manifest-path ../Cargo.toml -p flint-oracle \
    --example write_pattern_seeds -- corpus/module_bytes >/dev/null
# Compiled artifacts of the same programs, for the loader to refuse once
# mutated.
for wasm in ../benches/kernels/wasm/*.wasm ../wasi-tests/hello.wasm; do
    cargo run --quiet --manifest-path ../Cargo.toml -p cli -- compile "$wasm" \
        -o "corpus/artifact_bytes/$(basename "$wasm" .wasm).cwasm"
done
