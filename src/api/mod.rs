//! The embedding API: what a host program uses to compile, link,
//! instantiate and call WebAssembly — shaped like wasmtime's (`Engine`,
//! `Module`, `Linker`, `Instance`, `Func`, `Memory`, `Global`, `Table`),
//! without a `Store`: instances and their objects are reference-counted and
//! stay on the thread that created them (`!Send`), while compiled modules
//! are `Send + Sync` and shared freely.

pub(crate) mod builtins;
pub mod caller;
pub mod externals;
pub mod externref;
pub mod func;
pub mod global;
pub(crate) mod host_func;
pub mod instance;
pub mod linker;
pub mod memory;
pub(crate) mod refs;
pub mod table;
pub mod typed;

pub use externref::ExternRef;
pub use func::Func;
