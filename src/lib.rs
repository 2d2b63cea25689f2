//! Flint: a WebAssembly runtime built around a single-pass baseline compiler.
//!
//! Bytes go in, machine code comes out in one streaming pass: each operator
//! is validated and compiled in the same visit (`compiler`), through an
//! ISA-neutral `MacroAssembler` seam (`masm`) with x86-64 and aarch64
//! backends. The `runtime` gives the code its memory, traps and entry
//! points; `api` is what embedders use.
//!
//! Cargo features: `wasi` (default) adds [`wasi`], WASI preview 1 for
//! `wasm32-wasi` programs; `wat` lets [`Module::new`] read the text format
//! as well as binaries; `explain` adds [`explain`], the per-operator
//! machine-code listings of `flint explain` (disassemblers for both ISAs).
//! Without default features the library is the compiler and the runtime,
//! on wasmparser, dynasm and libc alone.
//!
//! An embedding (`examples/embed.rs`, which `cargo test` compiles and
//! `cargo run --example embed` runs):
//!
//! ```ignore
#![doc = include_str!("../examples/embed.rs")]
//! ```

pub mod api;
pub mod compiler;
pub mod engine;
pub mod error;
#[cfg(feature = "explain")]
pub mod explain;
pub mod masm;
pub mod module;
mod names;
pub mod runtime;
pub mod trap;
pub mod types;
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
pub use engine::{Config, Engine};
pub use error::{Error, Result};
pub use module::Module;
pub use trap::{FrameInfo, Trap, TrapCode, WasmBacktrace};
pub use types::{
    ExportType, ExternType, FuncType, GlobalType, ImportType, MemoryType, TableType, Val, ValType,
    V128,
};
