//! Loader fuzzing: any bytes, and mutations of real compiled artifacts
//! (seed the corpus with `fuzz/seed-corpus.sh`, which writes some with
//! `flint compile`), go to `Module::deserialize`. It must refuse every
//! damaged artifact with an error; nothing may panic or crash.
//!
//! A mutation almost always fails a checksum, which is the point: this is
//! the path a damaged file takes. So each input is tried twice: as it is,
//! and resealed (its checksums recomputed, as a bug or a forgery would
//! leave them), which takes the damage past the checksums into the
//! decoder and the checks behind them, and into the tables used in place
//! (`runtime::shared_slice`). A resealed module that loads is also
//! instantiated when that runs none of its code (no start function, no
//! imports): instantiation reads its segments, records and memory images,
//! which a damaged artifact may point anywhere. Code Flint did not write
//! is never run: it is outside the loader's contract.

#![no_main]

use flint::{Engine, Instance, Module, Store};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::default)
}

fuzz_target!(|data: &[u8]| {
    // SAFETY: the module, if one loads, is dropped without running any of
    // its code: only the loader's checks and decoding run on the bytes.
    let _ = unsafe { Module::deserialize(engine(), data) };
    let mut resealed = data.to_vec();
    if !flint::__fuzz::reseal_artifact(&mut resealed) {
        return;
    }
    // SAFETY: as above; instantiation below runs no code of the module.
    let Ok(module) = (unsafe { Module::deserialize(engine(), &resealed) }) else {
        return;
    };
    if !module.has_start_function() && module.imports().is_empty() {
        let mut store = Store::new(engine(), ());
        let _ = Instance::new(&mut store, &module, &[]);
    }
});
