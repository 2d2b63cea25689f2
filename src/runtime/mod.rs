//! The runtime: everything JIT code needs around it while it runs — its
//! context block, executable memory, linear memory with guard pages, the
//! trap handler and trap backtraces, the entry path from the host, and the
//! builtins it calls.

pub mod activation;
pub mod backtrace;
pub mod builtins;
pub mod code_memory;
pub mod host_func;
pub mod linear_memory;
pub mod signals;
pub mod vmctx;

#[cfg(test)]
mod tests;
