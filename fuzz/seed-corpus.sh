#!/bin/sh
# Seed the module_bytes corpus with real modules (the bench kernels and the
# WASI test programs). libFuzzer mutates these, which reaches deep into the
# compiler far sooner than random bytes do.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/module_bytes corpus/differential
cp ../benches/kernels/wasm/*.wasm ../wasi-tests/*.wasm corpus/module_bytes/
