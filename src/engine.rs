//! The `Engine`: configuration shared by every module compiled with it, and
//! the registry of function signatures.
//!
//! Signatures get small integer ids so that `call_indirect`'s type check is
//! one integer compare against an immediate baked into the code. Ids are
//! process-wide (not per module, nor per engine) because a table may hold
//! functions of several modules, even of modules compiled by different
//! engines: two functions agree on an id exactly when they agree on the
//! type. (With ids per engine, a function from another engine could carry
//! an id that means a different type here, and pass the check.)

use crate::error::{Error, Result};
use crate::masm::{CpuFeatures, Target};
use crate::runtime::linear_memory::{MemoryAllocator, MemoryLayout};
use crate::runtime::pooling::MemoryPool;
use crate::types::FuncType;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use wasmparser::WasmFeatures;

/// The default of [`Config::max_table_elements`]: 10 million elements
/// (80 MB of table).
pub(crate) const DEFAULT_MAX_TABLE_ELEMENTS: u64 = 10_000_000;

/// The default of [`Config::parallel_compilation_threshold`]: code
/// sections from 256 KiB on are compiled on several threads. Below it a
/// module compiles in a few milliseconds on one thread, and starting
/// threads and joining their code would eat most of what they save.
pub(crate) const DEFAULT_PARALLEL_THRESHOLD: usize = 256 << 10;

/// The most threads compiling one module by default: beyond a handful,
/// joining the parts and the memory bandwidth of writing code take over.
const MAX_DEFAULT_COMPILATION_THREADS: usize = 8;

/// Settings for an [`Engine`].
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) max_wasm_stack: usize,
    pub(crate) max_memory_pages: u32,
    pub(crate) max_code_size: usize,
    pub(crate) consume_fuel: bool,
    pub(crate) initial_fuel: u64,
    pub(crate) initial_epoch_deadline: Option<u64>,
    pub(crate) epoch_interruption: bool,
    pub(crate) canonicalize_nans: bool,
    pub(crate) profiler: ProfilingStrategy,
    pub(crate) relaxed_simd_deterministic: bool,
    pub(crate) cpu_features: CpuFeatures,
    pub(crate) max_table_elements: u64,
    /// `Config::parallel_compilation`.
    pub(crate) parallel_compilation: bool,
    /// `Config::compilation_threads`; `None`: as many as the host has
    /// (capped), decided when a large module is compiled.
    pub(crate) compilation_threads: Option<usize>,
    /// `Config::parallel_compilation_threshold`.
    pub(crate) parallel_threshold: usize,
    /// The proposals modules may use (`Config::wasm_*`).
    pub(crate) wasm_features: WasmFeatures,
    /// `Config::memory_reservation` and `Config::memory_guard_size`, in
    /// bytes, as given (rounded when the engine is made).
    pub(crate) memory_reservation: u64,
    pub(crate) memory_guard_size: u64,
    pub(crate) allocation_strategy: InstanceAllocationStrategy,
    /// `Config::memory_init_cow`.
    pub(crate) memory_init_cow: bool,
}

/// Where the linear memories of instances come from
/// ([`Config::allocation_strategy`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum InstanceAllocationStrategy {
    /// Each memory reserves its own address space when it is created and
    /// returns it when dropped (a few freed reservations are cached for
    /// reuse). The default.
    #[default]
    OnDemand,
    /// Every memory is a slot of one pool, reserved once when the engine is
    /// created: instantiation maps nothing, and the number of memories
    /// live at once is bounded up front.
    Pooling(PoolingConfig),
}

/// The limits of the pooling allocator
/// ([`InstanceAllocationStrategy::Pooling`]). Each slot is one memory's
/// reservation plus guard (`Config::memory_reservation` +
/// `Config::memory_guard_size`), so the pool reserves `total_memories`
/// times that much address space when the engine is created: with the
/// default 8 GiB per memory, 1,000 memories take 8 TiB (of the 128 TiB a
/// process has); a small reservation with bounds checks makes slots small.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PoolingConfig {
    /// How many memories may be live at once, across every store of the
    /// engine (default 1,000). Instantiating one more fails with an
    /// `Error::Instantiation` that says so; dropping a store frees its
    /// memories' slots.
    pub total_memories: u32,
    /// The most bytes one memory may grow to (default 4 GiB), also capped
    /// by `Config::memory_reservation`. A module whose memory's minimum
    /// is larger fails to instantiate; `memory.grow` past it returns -1.
    pub max_memory_size: u64,
}

impl Default for PoolingConfig {
    fn default() -> PoolingConfig {
        PoolingConfig {
            total_memories: 1000,
            max_memory_size: 4 << 30,
        }
    }
}

/// How compiled code is made visible to a profiler.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum ProfilingStrategy {
    /// Not at all (the default).
    #[default]
    None,
    /// Linux `perf`'s map file, `/tmp/perf-PID.map`: each compiled
    /// function's address range and name (from the name section, or
    /// `wasm-function[N]`), appended as modules are compiled.
    PerfMap,
}

/// The WebAssembly features Flint compiles: 1.0 plus the 2.0 proposals,
/// and multi-memory, extended constant expressions and memory64 from 3.0.
/// The `Config::wasm_*` switches turn some of them off.
pub(crate) const SUPPORTED_FEATURES: WasmFeatures = WasmFeatures::WASM1
    .union(WasmFeatures::MULTI_VALUE)
    .union(WasmFeatures::SIGN_EXTENSION)
    .union(WasmFeatures::SATURATING_FLOAT_TO_INT)
    .union(WasmFeatures::BULK_MEMORY)
    .union(WasmFeatures::REFERENCE_TYPES)
    .union(WasmFeatures::SIMD)
    .union(WasmFeatures::RELAXED_SIMD)
    .union(WasmFeatures::MULTI_MEMORY)
    .union(WasmFeatures::EXTENDED_CONST)
    .union(WasmFeatures::MEMORY64);

impl Default for Config {
    fn default() -> Config {
        Config {
            max_wasm_stack: 1 << 20,
            max_memory_pages: crate::runtime::linear_memory::MAX_PAGES,
            max_code_size: 1 << 30,
            consume_fuel: false,
            initial_fuel: 0,
            initial_epoch_deadline: None,
            epoch_interruption: false,
            canonicalize_nans: false,
            profiler: ProfilingStrategy::None,
            relaxed_simd_deterministic: false,
            cpu_features: CpuFeatures::all(),
            max_table_elements: DEFAULT_MAX_TABLE_ELEMENTS,
            parallel_compilation: true,
            compilation_threads: None,
            parallel_threshold: DEFAULT_PARALLEL_THRESHOLD,
            wasm_features: SUPPORTED_FEATURES,
            memory_reservation: MemoryLayout::DEFAULT.reservation(),
            memory_guard_size: MemoryLayout::DEFAULT.guard(),
            allocation_strategy: InstanceAllocationStrategy::OnDemand,
            memory_init_cow: true,
        }
    }
}

impl Config {
    /// The default configuration (what `Engine::default` uses).
    pub fn new() -> Config {
        Config::default()
    }

    /// Make compiled code visible to a profiler (see [`ProfilingStrategy`]).
    pub fn profiler(&mut self, strategy: ProfilingStrategy) -> &mut Config {
        self.profiler = strategy;
        self
    }

    fn feature(&mut self, feature: WasmFeatures, on: bool) -> &mut Config {
        self.wasm_features.set(feature, on);
        self
    }

    /// Whether modules may use 128-bit SIMD (on by default). Off also
    /// turns relaxed SIMD off, which builds on it.
    pub fn wasm_simd(&mut self, on: bool) -> &mut Config {
        if !on {
            self.feature(WasmFeatures::RELAXED_SIMD, false);
        }
        self.feature(WasmFeatures::SIMD, on)
    }

    /// Whether modules may use relaxed SIMD (on by default; needs SIMD).
    pub fn wasm_relaxed_simd(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::RELAXED_SIMD, on)
    }

    /// Whether modules may use bulk memory operations (on by default).
    pub fn wasm_bulk_memory(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::BULK_MEMORY, on)
    }

    /// Whether modules may use reference types (on by default).
    pub fn wasm_reference_types(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::REFERENCE_TYPES, on)
    }

    /// Whether a module may have more than one memory, imported or
    /// defined (on by default). Memory 0 keeps its pinned base register;
    /// accesses to the others load their base from the vmctx first.
    pub fn wasm_multi_memory(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::MULTI_MEMORY, on)
    }

    /// Whether constant expressions (global initialisers, segment
    /// offsets) may use `i32`/`i64` `add`, `sub` and `mul` (WebAssembly
    /// 3.0's extended constant expressions; on by default).
    pub fn wasm_extended_const(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::EXTENDED_CONST, on)
    }

    /// Whether memories may have 64-bit indices (WebAssembly 3.0's
    /// memory64; on by default). Accesses to such a memory are always
    /// bounds-checked in code, as no guard region covers a 64-bit index;
    /// 32-bit memories keep the layout's choice. (64-bit tables, which
    /// the proposal also allows, are refused as unsupported.)
    pub fn wasm_memory64(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::MEMORY64, on)
    }

    /// Whether functions and blocks may have several results (on by
    /// default).
    pub fn wasm_multi_value(&mut self, on: bool) -> &mut Config {
        self.feature(WasmFeatures::MULTI_VALUE, on)
    }

    /// The most stack (in bytes) wasm may use before it traps with
    /// `call stack exhausted`. The host thread's stack must be larger.
    pub fn max_wasm_stack(&mut self, bytes: usize) -> &mut Config {
        self.max_wasm_stack = bytes;
        self
    }

    /// The most 64 KiB pages a memory an instance defines may have: a
    /// larger minimum fails instantiation, and `memory.grow` past it
    /// returns -1 as at a declared maximum. (Memories the host creates and
    /// passes in are sized by the host.)
    pub fn max_memory_pages(&mut self, pages: u32) -> &mut Config {
        self.max_memory_pages = pages;
        self
    }

    /// Bytes of address space each linear memory reserves to grow into
    /// (default 4 GiB), rounded up to whole 64 KiB pages. A memory never
    /// moves, so it can never grow past its reservation: a module whose
    /// memory's minimum is larger fails to instantiate, and `memory.grow`
    /// beyond it returns -1.
    ///
    /// Together with [`Config::memory_guard_size`] it decides how compiled
    /// code keeps accesses in bounds. An access forms `base + index +
    /// offset` from a 32-bit index and a 32-bit static offset; when the
    /// reservation plus the guard covers every address an access can form
    /// (the default: 4 GiB + a 4 GiB guard), the code has no bounds checks
    /// and an access past the memory's end faults in the inaccessible
    /// pages and traps. Where it does not, each access whose addresses the
    /// mapping cannot cover is compared with the memory's current length in
    /// code and traps out of line: smaller reservations trade some speed
    /// (one compare and branch per access, measured in
    /// `benches/README.md`) for address space, so that a process can hold
    /// far more memories (100,000 live memories of 1 MiB take 100 GiB of
    /// address space; of 8 GiB, 800 TiB, more than a process has). The
    /// setting changes the compiled code, so artifacts record it.
    pub fn memory_reservation(&mut self, bytes: u64) -> &mut Config {
        self.memory_reservation = bytes;
        self
    }

    /// Bytes of inaccessible address space after each memory's
    /// reservation (default 4 GiB + 64 KiB), rounded up to whole 64 KiB
    /// pages: accesses whose every possible address falls within
    /// reservation + guard need no bounds check in code (see
    /// [`Config::memory_reservation`]). With a guard of 0 and a reservation
    /// below 4 GiB every access is checked, nothing relies on faults, and
    /// each memory's reservation is mapped read/write at once (one kernel
    /// mapping per memory, or per pool). The setting changes the compiled
    /// code, so artifacts record it.
    pub fn memory_guard_size(&mut self, bytes: u64) -> &mut Config {
        self.memory_guard_size = bytes;
        self
    }

    /// Whether instantiation maps a module's initial memory contents
    /// copy-on-write instead of copying its data segments (Wasmtime's
    /// name; on by default). The first instantiation lays the active data
    /// segments out in an in-memory file (a `memfd`), once per module, and
    /// every instance maps it private over the start of its memory: pages
    /// are shared until an instance writes one, so a module with megabytes
    /// of data instantiates without copying them. It applies when every
    /// active segment targets a memory the module defines, at a constant
    /// offset, within the memory's minimum size, and the data spans at
    /// least 64 KiB; otherwise, or off, the segments are copied. The
    /// memory's contents are the same either way; the setting does not
    /// change compiled code.
    pub fn memory_init_cow(&mut self, on: bool) -> &mut Config {
        self.memory_init_cow = on;
        self
    }

    /// Where instances' linear memories come from: reserved one by one on
    /// demand (the default), or slots of a pool reserved once when the
    /// engine is created (see [`InstanceAllocationStrategy`]). Memories the
    /// host creates with `Memory::new` come from the same place.
    pub fn allocation_strategy(&mut self, strategy: InstanceAllocationStrategy) -> &mut Config {
        self.allocation_strategy = strategy;
        self
    }

    /// Fuel metering: compiled code charges one unit of the store's fuel
    /// on every function entry and every loop iteration, and traps with
    /// `OutOfFuel` when it runs out (`Store::set_fuel`). The budget is the
    /// store's, so it bounds every instance a call passes through. The charges
    /// depend only on the wasm control flow, so the same module and input
    /// consume the same fuel on every ISA. Off by default (no code is
    /// emitted for it then).
    pub fn consume_fuel(&mut self, on: bool) -> &mut Config {
        self.consume_fuel = on;
        self
    }

    /// The fuel every new store starts with (0 by default). Start
    /// functions, which run inside instantiation, spend from it: without it
    /// a start function could not run under fuel metering before the host
    /// called `Store::set_fuel`.
    pub fn initial_fuel(&mut self, fuel: u64) -> &mut Config {
        self.initial_fuel = fuel;
        self
    }

    /// The epoch deadline every new store starts with, as a number of
    /// epoch increments from its creation (no deadline by default). Start
    /// functions run under it unless the host set another with
    /// `Store::set_epoch_deadline`: an endless start function is then
    /// stopped by `Engine::increment_epoch` from another thread, and
    /// instantiation returns the `Interrupt` trap. Needs
    /// `epoch_interruption`.
    pub fn initial_epoch_deadline(&mut self, delta: u64) -> &mut Config {
        self.initial_epoch_deadline = Some(delta);
        self
    }

    /// Epoch interruption: compiled code compares the engine's epoch with
    /// the store's deadline on every function entry and loop iteration,
    /// and traps with `Interrupt` once the epoch has reached it. Any thread
    /// can advance the epoch (`Engine::increment_epoch`), so the host can
    /// stop a guest stuck in a loop, within one loop iteration. Off by
    /// default (no code is emitted for it then).
    pub fn epoch_interruption(&mut self, on: bool) -> &mut Config {
        self.epoch_interruption = on;
        self
    }

    /// Make every NaN a float operation produces the canonical NaN
    /// (positive, quiet, no payload), so float results are bit-identical
    /// across ISAs, whose hardware propagates NaNs differently. Costs a
    /// compare and a branch per float operation; off by default.
    pub fn canonicalize_nans(&mut self, on: bool) -> &mut Config {
        self.canonicalize_nans = on;
        self
    }

    /// Make every relaxed SIMD operator (`f32x4.relaxed_madd`,
    /// `i8x16.relaxed_swizzle`, ...) return the same bits on every ISA and
    /// every CPU: each then computes what its non-relaxed counterpart does
    /// (unfused multiply-add, `swizzle`, `trunc_sat`, `min`/`max`,
    /// `bitselect`, saturating `q15mulr`, a signed dot product), as listed
    /// per operator in `masm::simd`. NaN results still follow the float
    /// rules of every other operator (their bits may differ between ISAs
    /// unless `canonicalize_nans` is on too).
    ///
    /// Off by default: each relaxed operator then uses the fastest form the
    /// CPU has among those the relaxed-SIMD specification allows (FMA when
    /// present, `pshufb`'s out-of-range rule, `cvttps2dq`'s 0x80000000, ...),
    /// so results may differ between machines, though never between two
    /// executions on one engine.
    pub fn relaxed_simd_deterministic(&mut self, on: bool) -> &mut Config {
        self.relaxed_simd_deterministic = on;
        self
    }

    /// The optional CPU features compiled code may use, at most: the
    /// engine uses those of them the host has (all it has, by default).
    /// Narrowing the set makes the backend take its fallback for each
    /// feature left out (`bsr`/`bsf` instead of `lzcnt`/`tzcnt`, say), which
    /// is how the tests exercise every fallback on any machine. Leaving out
    /// one of the floor's features ([`CpuFeatures::minimum`]) makes
    /// `Engine::new` fail.
    pub fn cpu_features(&mut self, features: CpuFeatures) -> &mut Config {
        self.cpu_features = features;
        self
    }

    /// The most table elements the tables an instance defines may hold in
    /// all (each element is 8 bytes of host memory), so that a guest cannot
    /// make the host hold gigabytes through many or large tables: larger
    /// minimums fail instantiation, and `table.grow` past it returns -1 as
    /// at a declared maximum. A table the host creates (`Table::new`) has
    /// this limit on its own. Tables an instance imports count for the
    /// instance or host that created them. Default 10 million, as
    /// wasmtime's default table limit. Independently of the
    /// limit, table storage is allocated fallibly: when the host is out of
    /// memory, growing returns -1 and instantiation fails, the process
    /// does not abort.
    pub fn max_table_elements(&mut self, elements: u64) -> &mut Config {
        self.max_table_elements = elements;
        self
    }

    /// The stack limit set by [`Config::max_wasm_stack`] (1 MiB by
    /// default), for tools that report an engine's settings (`flint
    /// settings`).
    pub fn get_max_wasm_stack(&self) -> usize {
        self.max_wasm_stack
    }

    /// The page limit set by [`Config::max_memory_pages`] (65536 pages,
    /// 4 GiB, by default).
    pub fn get_max_memory_pages(&self) -> u32 {
        self.max_memory_pages
    }

    /// The most machine code (bytes) compiling one module may produce, so
    /// that a hostile module cannot make the compiler use unbounded
    /// memory; past it `Module::new` fails. Default 1 GiB.
    pub fn max_code_size(&mut self, bytes: usize) -> &mut Config {
        self.max_code_size = bytes;
        self
    }

    /// Compile the function bodies of a large module on several threads
    /// (on by default). The code is the same, byte for byte, as a compile
    /// on one thread gives, and so are the errors: an invalid module
    /// reports its first invalid function in module order. Only modules
    /// whose code section reaches
    /// [`Config::parallel_compilation_threshold`] are compiled this way;
    /// smaller ones compile on the calling thread.
    pub fn parallel_compilation(&mut self, on: bool) -> &mut Config {
        self.parallel_compilation = on;
        self
    }

    /// The most threads compiling one module, the calling thread included
    /// (0 counts as 1; 1 compiles on the calling thread). By default as
    /// many as the host can run at once, at most 8.
    pub fn compilation_threads(&mut self, threads: usize) -> &mut Config {
        self.compilation_threads = Some(threads.max(1));
        self
    }

    /// The size of code section (bytes) from which parallel compilation
    /// starts; 256 KiB by default. Setting 0 sends every module with a
    /// code section through the parallel path, which tests do.
    pub fn parallel_compilation_threshold(&mut self, bytes: usize) -> &mut Config {
        self.parallel_threshold = bytes;
        self
    }

    /// How many threads compile a module whose code section is
    /// `code_bytes` long: 1 unless parallel compilation applies.
    pub(crate) fn threads_for(&self, code_bytes: usize) -> usize {
        if !self.parallel_compilation || code_bytes < self.parallel_threshold {
            return 1;
        }
        self.compilation_threads.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(MAX_DEFAULT_COMPILATION_THREADS)
        })
    }
}

/// Compiles modules; cheap to clone (shared), `Send + Sync`.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: Arc<EngineInner>,
}

pub(crate) struct EngineInner {
    pub(crate) config: Config,
    /// What the code is compiled for: the host's features narrowed by
    /// `Config::cpu_features`, decided once.
    pub(crate) cpu_features: CpuFeatures,
    /// The epoch (see `Config::epoch_interruption`); JIT code reads it
    /// through a pointer in every instance's vmctx.
    pub(crate) epoch: std::sync::atomic::AtomicU64,
    /// Where memories come from, and their layout (which decides the
    /// bounds checks compiled code has).
    pub(crate) memories: MemoryAllocator,
}

/// An engine with the default `Config`.
///
/// # Panics
///
/// On a CPU below Flint's floor (see [`CpuFeatures::minimum`]), where
/// [`Engine::new`] returns the error instead.
impl Default for Engine {
    fn default() -> Engine {
        Engine::new(&Config::default()).unwrap_or_else(|e| panic!("{e}"))
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("config", self.config())
            .field("cpu_features", &self.cpu_features())
            .finish()
    }
}

impl Engine {
    /// An engine for this machine. Fails if the CPU, or what
    /// `Config::cpu_features` leaves of it, lacks a feature of the floor
    /// Flint generates code for: code that used it would not run.
    pub fn new(config: &Config) -> Result<Engine> {
        let target = Target::native();
        let features = CpuFeatures::host()
            .intersection(config.cpu_features)
            .for_target(target);
        let floor = CpuFeatures::minimum(target);
        if !features.is_superset(floor) {
            let missing = floor.iter().filter(|&f| !features.contains(f));
            let missing: Vec<&str> = missing.map(|f| f.name()).collect();
            let why = if CpuFeatures::host().is_superset(floor) {
                "Config::cpu_features leaves out"
            } else {
                "this CPU lacks"
            };
            return Err(Error::Config(format!(
                "Flint needs {target} with {floor}; {why} {}",
                missing.join(" ")
            )));
        }
        let layout = MemoryLayout::new(config.memory_reservation, config.memory_guard_size)
            .map_err(Error::Config)?;
        let memories = match config.allocation_strategy {
            InstanceAllocationStrategy::OnDemand => MemoryAllocator::OnDemand(layout),
            InstanceAllocationStrategy::Pooling(pooling) => {
                let pool = MemoryPool::new(layout, pooling.total_memories, pooling.max_memory_size)
                    .map_err(Error::Config)?;
                MemoryAllocator::Pooling(Arc::new(pool))
            }
        };
        Ok(Engine {
            inner: Arc::new(EngineInner {
                config: config.clone(),
                cpu_features: features,
                epoch: std::sync::atomic::AtomicU64::new(0),
                memories,
            }),
        })
    }

    /// Whether `a` and `b` are the same engine (clones of one `Engine::new`).
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }

    /// The configuration the engine was made with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The CPU features the engine's code is compiled for.
    pub fn cpu_features(&self) -> CpuFeatures {
        self.inner.cpu_features
    }

    /// The layout of every linear memory of the engine, which decides the
    /// bounds checks its code has.
    pub(crate) fn memory_layout(&self) -> MemoryLayout {
        self.inner.memories.layout()
    }

    /// Where the engine's memories come from.
    pub(crate) fn memories(&self) -> &MemoryAllocator {
        &self.inner.memories
    }

    /// Advance the epoch by one, from any thread: wasm running in an
    /// instance whose deadline this reaches traps with `Interrupt` at its
    /// next function entry or loop iteration.
    pub fn increment_epoch(&self) {
        self.inner
            .epoch
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// The current epoch.
    pub fn epoch(&self) -> u64 {
        self.inner.epoch.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The process-wide id of a signature, registering it on first sight.
    pub(crate) fn signature_id(&self, ty: &FuncType) -> u32 {
        signature_id(ty)
    }
}

/// The process-wide id of a function type: equal types, equal ids, so
/// `call_indirect` compares one integer and modules of different engines
/// agree.
pub(crate) fn signature_id(ty: &FuncType) -> u32 {
    static SIGNATURES: OnceLock<Mutex<HashMap<FuncType, u32>>> = OnceLock::new();
    let mut sigs = SIGNATURES
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&id) = sigs.get(ty) {
        return id;
    }
    let next = sigs.len() as u32;
    sigs.insert(ty.clone(), next);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_below_the_floor_is_refused() {
        let target = Target::native();
        for feature in CpuFeatures::minimum(target).iter() {
            let mut config = Config::new();
            config.cpu_features(CpuFeatures::all().without(feature));
            let err = Engine::new(&config).expect_err("refused");
            assert!(
                err.to_string().contains(&format!(
                    "Config::cpu_features leaves out {}",
                    feature.name()
                )),
                "{err}"
            );
        }
        let mut config = Config::new();
        config.cpu_features(CpuFeatures::minimum(target));
        let engine = Engine::new(&config).unwrap();
        assert_eq!(engine.cpu_features(), CpuFeatures::minimum(target));
    }
}
