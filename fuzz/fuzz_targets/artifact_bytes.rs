//! Loader fuzzing: any bytes, and mutations of real compiled artifacts
//! (seed the corpus with `fuzz/seed-corpus.sh`, which writes some with
//! `flint compile`), go to `Module::deserialize`. It must refuse every
//! damaged artifact with an error; nothing may panic or crash.
//!
//! A mutation almost always fails the file checksum, which is the point:
//! this is the path a damaged file takes. (The metadata decoder behind the
//! checksum is exercised by the library's own test that damages the
//! metadata and reseals the checksum,
//! `module::artifact::tests::resealed_damaged_metadata_never_panics`.)
//! A module that does load is dropped, never run: code Flint did not
//! write is outside the loader's contract.

#![no_main]

use flint::{Engine, Module};
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
});
