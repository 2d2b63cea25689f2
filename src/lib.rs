//! Flint: a WebAssembly runtime built around a single-pass baseline compiler.

pub mod error;
pub mod masm;
pub mod runtime;
pub mod trap;
pub mod types;
