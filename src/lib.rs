//! Flint: a WebAssembly runtime built around a single-pass baseline compiler.
//!
//! Bytes go in, machine code comes out in one streaming pass: each operator
//! is validated and compiled in the same visit, through an ISA-neutral
//! `MacroAssembler` seam with x86-64 and aarch64 backends. The compiler,
//! the backends and the runtime are internal (the source is meant to be
//! read: `src/compiler`, `src/masm`, `src/runtime`); what this crate
//! exports is the embedding API, shaped like wasmtime's:
//!
//! - an [`Engine`] (configured by a [`Config`]) and the [`Module`]s compiled
//!   for it are `Send + Sync` and shared by every thread;
//! - a [`Store<T>`] owns instances and everything they use (memories,
//!   tables, globals, host functions), fuel and the epoch deadline, beside
//!   the host's own state `T`; it moves between threads as one value, and
//!   dropping it frees everything in it;
//! - handles ([`Instance`], [`Func`], [`TypedFunc`], [`Memory`], [`Global`],
//!   [`Table`]) are `Copy` and are used with their store;
//! - a [`Linker<T>`] resolves imports by name and [`InstancePre<T>`] does it
//!   once for any number of stores; host functions get a [`Caller`].
//!
//! Cargo features: `wasi` (default) adds [`wasi`], WASI preview 1 for
//! `wasm32-wasi` programs; `demangle` (default) shows mangled Rust and C++
//! function names demangled in backtraces; `dwarf` (default) adds the
//! source file and line of each backtrace frame from a module's DWARF
//! ([`FrameInfo::symbols`]); `wat` lets [`Module::new`] read the text format
//! as well as binaries; `explain` adds the `explain` module, the
//! per-operator machine-code listings of `flint explain` (disassemblers for
//! both ISAs). Without default features the library is the compiler and
//! the runtime, on wasmparser, dynasm and libc alone.
//!
//! # Signal handlers
//!
//! Out-of-bounds memory accesses and the other traps are not checked for
//! in the generated code where the hardware can catch them: they fault, and
//! a signal handler turns the fault into a trap. On the first call into
//! wasm in the process, Flint installs handlers for SIGSEGV, SIGBUS, SIGILL
//! and SIGFPE (and gives each thread that runs wasm an alternate signal
//! stack if it has none). A signal that is not a wasm trap is passed on to
//! the handler that was installed before Flint's, so a host's own handlers
//! keep working if they were installed first; a host that installs handlers
//! for these signals later must chain to Flint's.
//!
//! # Example
//!
//! The smallest embedding (`examples/embed.rs`, which `cargo test`
//! compiles and `cargo run --example embed` runs; `examples/` has more:
//! host functions, WASI, threads, fuel and epochs):
//!
//! ```ignore
#![doc = include_str!("../examples/embed.rs")]
//! ```

#![warn(missing_docs, missing_debug_implementations)]

pub(crate) mod api;
pub(crate) mod compiler;
mod dwarf;
pub(crate) mod engine;
pub(crate) mod error;
#[cfg(feature = "explain")]
pub mod explain;
pub(crate) mod masm;
pub(crate) mod module;
mod names;
pub(crate) mod runtime;
pub(crate) mod trap;
pub(crate) mod types;
#[cfg(feature = "wasi")]
pub mod wasi;

pub use api::caller::Caller;
pub use api::externals::Extern;
pub use api::externref::ExternRef;
pub use api::func::Func;
pub use api::global::Global;
pub use api::instance::Instance;
pub use api::limits::{ResourceLimiter, StoreLimits, StoreLimitsBuilder};
pub use api::linker::{InstancePre, Linker};
pub use api::memory::Memory;
pub use api::store::{AsContext, AsContextMut, Store, StoreContext, StoreContextMut};
pub use api::table::Table;
pub use api::typed::{IntoFunc, TypedFunc, WasmParams, WasmResults, WasmRet, WasmTy};
pub use engine::{Config, Engine, InstanceAllocationStrategy, PoolingConfig, ProfilingStrategy};
pub use error::{Error, Result};
pub use masm::target::{CpuFeature, CpuFeatures, Target};
pub use module::Module;
pub use trap::{FrameInfo, FrameSymbol, Trap, TrapCode, WasmBacktrace};
pub use types::{
    ExportType, ExternType, FuncType, GlobalType, ImportType, MemoryType, TableType, Val, ValType,
    V128,
};

/// Hooks for the fuzz targets (`fuzz/`), not part of the API.
#[doc(hidden)]
pub mod __fuzz {
    pub use crate::module::reseal_artifact;
}
