//! The runtime: everything JIT code needs around it while it runs — its
//! context block, executable memory, linear memory (with guard pages or
//! bounds-checked, reserved on demand or from a pool), the trap handler
//! and trap backtraces, and the entry path from the host.
//!
//! It sits below the compiler and the embedding API and imports neither
//! (`tests/layering.rs` checks): it knows raw vmctx data, not instances.
//! The builtins JIT code calls and the host-function contexts work on
//! instances and host closures, so they live with the API
//! (`api::builtins`, `api::host_func`).

pub mod activation;
pub mod backtrace;
pub mod code_memory;
pub mod linear_memory;
pub mod memory_image;
pub mod mmap;
pub mod perf_map;
pub mod pooling;
pub mod shared_slice;
pub mod signals;
pub mod vmctx;

#[cfg(test)]
mod tests;
