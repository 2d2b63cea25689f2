//! The embedding API: what a host program uses to compile, link,
//! instantiate and call WebAssembly — shaped like wasmtime's (`Engine`,
//! `Module`, `Linker`, `Instance`, `Func`, `Memory`, `Global`, `Table`),
//! without a `Store`: instances and their objects are reference-counted and
//! stay on the thread that created them (`!Send`), while compiled modules
//! are `Send + Sync` and shared freely.

pub mod externals;
pub mod func;
pub mod global;
pub mod instance;
pub mod linker;
pub mod memory;
pub mod table;
pub mod typed;
