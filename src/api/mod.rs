//! The embedding API: what a host program uses to compile, link,
//! instantiate and call WebAssembly, shaped like wasmtime's: an `Engine`
//! and the `Module`s compiled for it are shared by every thread; a
//! [`Store`] owns instances and everything they use, with the host's state
//! beside them, and moves between threads as one value; [`Linker`] and
//! [`InstancePre`] resolve imports once for any number of stores.

pub(crate) mod builtins;
pub mod caller;
pub mod externals;
pub mod externref;
pub mod func;
pub mod global;
pub(crate) mod host_func;
pub mod instance;
pub mod limits;
pub mod linker;
pub mod memory;
pub(crate) mod refs;
pub mod store;
pub mod table;
pub mod typed;
