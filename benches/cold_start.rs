//! Cold start: how long until wasm code runs.
//!
//! * `bytes-to-first-call`: from a small module's bytes to the first
//!   completed call of one of its exports: compile, instantiate, look up the
//!   export, call it. The `Engine` exists already (an embedder makes one per
//!   process); each run makes a store of its own, as a server does per
//!   request. Bar: < 100 µs. The module and store are dropped after the
//!   clock stops; `bytes-to-first-call+drop` includes their teardown.
//! * `instantiate`: instantiation alone of an already-compiled module with
//!   one memory, a table, a few globals and functions, into a fresh store:
//!   make the store, allocate the memory reservation, tables and globals,
//!   build the vmctx, apply the segments. Bar: < 5 µs. The store is dropped
//!   after the clock stops; `instantiate+drop` includes the drop (unmapping
//!   the memory).
//! * host-function round trips, with the plain call beside them:
//!   `call-wasm-nop` (host -> wasm -> host, the entry trampoline alone),
//!   `call-wasm-calling-host` (host -> wasm -> host function -> wasm -> host)
//!   and `wasm-to-host` (per call, in a loop of 1000 calls inside wasm: the
//!   cost of one wasm -> host function -> wasm round trip).
//! * per-request instantiation of a WASI program (`wasi-tests/rust_files.wasm`,
//!   99 KB), as a server does it: `request-via-instance-pre` builds a
//!   `WasiCtx` (arguments, environment, in-memory pipes), a store holding it,
//!   and instantiates through one `InstancePre` made at startup. Beside it,
//!   its two parts: `wasi-ctx+store` (the context and store alone) and
//!   `instantiate-imports-ready` (`Instance::new` with the imports already in
//!   the store: instantiation alone). Bar: the first no more than the sum of
//!   the other two. `request-via-new-linker` is the way without
//!   `InstancePre`: a linker with every WASI function built per request.
//! * compiled artifacts (issue 20): `artifact-to-first-call`, the small
//!   module's `Module::deserialize_file` + instantiate + first call (bar:
//!   < 20 µs); and for one large real module of the corpus
//!   (`benches/corpus/wasm/`, esbuild or biome, skipped when the corpus is
//!   absent), `Module::new` against `Module::deserialize_file` timed
//!   alternately, and the load plus an instantiation as a share of the
//!   compile (bar: < 1%).
//! * memory strategies (issue 20): `instantiate` and `instantiate+drop` of
//!   the small module again under `Config::memory_reservation(64 KiB)` with
//!   no guard (reserved on demand, every access bounds-checked) and with
//!   the same layout from a pool (`InstanceAllocationStrategy::Pooling`,
//!   no `mmap` at instantiation), next to the default 8 GiB on-demand
//!   reservation.
//! * memory images (issue 20): `instantiate` of a module with 1 MiB and
//!   4 MiB of active data, with the segments copied
//!   (`Config::memory_init_cow(false)`) and mapped copy-on-write (the
//!   default), alternately in one run, with and without the drop, and with
//!   every page then read once (what a program that reads its data pays
//!   for the mapping's faults). The image itself is made once per module,
//!   by the first instantiation, before the clock runs.

#[path = "common/mod.rs"]
mod common;

use criterion::{BatchSize, Criterion, Throughput};
use flint::wasi::{self, Pipe, WasiCtx};
use flint::{
    Config, Engine, Extern, ExternType, Func, Global, Instance, InstanceAllocationStrategy,
    InstancePre, Linker, Memory, Module, PoolingConfig, Store, Table, Trap, Val, ValType,
};
use std::time::{Duration, Instant};

/// The small module: one memory with a data segment, a table with an element
/// segment, three globals, five functions. Its `run` export touches all of it.
const SMALL: &str = r#"
(module
  (type $unary (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (table 4 funcref)
  (global $counter (mut i32) (i32.const 0))
  (global $scale i32 (i32.const 3))
  (global $bias (mut i64) (i64.const 7))
  (data (i32.const 16) "flint\00")
  (elem (i32.const 0) $double $triple $square $inc)
  (func $double (type $unary) (i32.shl (local.get 0) (i32.const 1)))
  (func $triple (type $unary) (i32.mul (local.get 0) (global.get $scale)))
  (func $square (type $unary) (i32.mul (local.get 0) (local.get 0)))
  (func $inc (type $unary) (i32.add (local.get 0) (i32.const 1)))
  (func (export "run") (param $x i32) (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (i32.add
      (call_indirect (type $unary) (local.get $x) (i32.and (local.get $x) (i32.const 3)))
      (i32.add (i32.load8_u (i32.const 16)) (i32.wrap_i64 (global.get $bias))))))
"#;

/// Host-call module: `nop`, `call_host` (calls the import once) and
/// `loop_host` (calls it n times).
const HOST: &str = r#"
(module
  (import "host" "f" (func $f (param i32) (result i32)))
  (func (export "nop"))
  (func (export "call_host") (param i32) (result i32) (call $f (local.get 0)))
  (func (export "loop_host") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (call $f (local.get $n))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
"#;

const LOOP_CALLS: i32 = 1000;

/// Compile, instantiate into a new store, call. Returns what it made, so
/// that the caller decides whether tearing it down is timed.
fn first_call(engine: &Engine, bytes: &[u8]) -> (Module, Store<()>, i32) {
    let module = Module::new(engine, bytes).unwrap();
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let run = instance
        .get_typed_func::<i32, i32>(&mut store, "run")
        .unwrap();
    let result = run.call(&mut store, 5).unwrap();
    (module, store, result)
}

/// Instantiate `module` into a new store (the instance lives in it).
fn instantiate(module: &Module) -> Store<()> {
    let mut store = Store::new(module.engine(), ());
    Instance::new(&mut store, module, &[]).unwrap();
    store
}

/// The engines of the memory-strategy cases, by name: a 64 KiB
/// reservation without guard (the small module's one page), reserved on
/// demand and pooled (room for criterion's batches of 64 live stores).
fn strategy_engines() -> Vec<(&'static str, Engine)> {
    let mut small = Config::new();
    small.memory_reservation(64 << 10).memory_guard_size(0);
    let mut pooled = small.clone();
    pooled.allocation_strategy(InstanceAllocationStrategy::Pooling(PoolingConfig {
        total_memories: 1000,
        max_memory_size: 64 << 10,
    }));
    vec![
        ("64k-on-demand", Engine::new(&small).unwrap()),
        ("64k-pooled", Engine::new(&pooled).unwrap()),
    ]
}

/// Instantiation under each memory strategy, beside the default's.
fn strategy_summary(engine: &Engine, small: &[u8]) {
    println!("memory strategies (instantiate / instantiate+drop):");
    let budget = Duration::from_millis(500);
    let default = [("8g-on-demand (default)", engine.clone())];
    for (name, engine) in default.into_iter().chain(strategy_engines()) {
        let module = Module::new(&engine, small).unwrap();
        let inst = median_time(budget, || instantiate(&module));
        let inst_drop = median_time(budget, || drop(instantiate(&module)));
        println!(
            "  {name:<24}{:>10}{:>10}",
            common::fmt(inst),
            common::fmt(inst_drop)
        );
    }
}

/// The 99 KB WASI program of the per-request measurements.
fn wasi_program(engine: &Engine) -> Module {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/wasi-tests/rust_files.wasm");
    Module::new(engine, std::fs::read(path).unwrap()).unwrap()
}

/// What a request's WASI program sees: its arguments, an environment
/// variable, and in-memory standard streams.
fn request_ctx() -> WasiCtx {
    let mut ctx = WasiCtx::new();
    ctx.arg("rust_files.wasm")
        .arg("--request")
        .env("REQUEST_ID", "42")
        .stdout(Pipe::new())
        .stderr(Pipe::new());
    ctx
}

fn wasi_linker(engine: &Engine) -> Linker<WasiCtx> {
    let mut linker = Linker::new(engine);
    wasi::add_to_linker(&mut linker, |ctx: &mut WasiCtx| ctx).unwrap();
    linker
}

/// One request: a context, a store holding it, an instance.
fn request(pre: &InstancePre<WasiCtx>) -> Store<WasiCtx> {
    let mut store = Store::new(pre.module().engine(), request_ctx());
    pre.instantiate(&mut store).unwrap();
    store
}

/// Median time of `timed` over about `budget`, each sample on a fresh
/// value from `setup` (not timed), and dropping what it made after the
/// clock stops.
fn median_with_setup<S, T>(
    budget: Duration,
    mut setup: impl FnMut() -> S,
    mut timed: impl FnMut(&mut S) -> T,
) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    loop {
        let mut state = setup();
        let t = Instant::now();
        let out = std::hint::black_box(timed(&mut state));
        times.push(t.elapsed());
        drop((out, state));
        if !common::measuring() || start.elapsed() > budget || times.len() >= 100_000 {
            break;
        }
    }
    common::median(&mut times)
}

fn per_request_summary(engine: &Engine) {
    let budget = Duration::from_millis(500);
    let module = wasi_program(engine);
    let linker = wasi_linker(engine);
    let pre = linker.instantiate_pre(&module).unwrap();
    let via_pre = median_time(budget, || request(&pre));
    let ctx_store = median_time(budget, || Store::new(engine, request_ctx()));
    // Instantiation alone: the store and its imports exist already.
    let alone = median_with_setup(
        budget,
        || {
            let mut store = Store::new(engine, request_ctx());
            let imports: Vec<Extern> = module
                .imports()
                .iter()
                .map(|i| linker.get(&mut store, &i.module, &i.name).unwrap())
                .collect();
            (store, imports)
        },
        |(store, imports)| Instance::new(&mut *store, &module, imports).unwrap(),
    );
    let via_new_linker = median_time(budget, || {
        let mut store = Store::new(engine, request_ctx());
        wasi_linker(engine)
            .instantiate(&mut store, &module)
            .unwrap();
        store
    });
    println!(
        "per request, WASI program of {} imports:",
        module.imports().len()
    );
    let parts = ctx_store + alone;
    let verdict = if via_pre <= parts { "met" } else { "MISSED" };
    for (name, d) in [
        ("request-via-instance-pre", via_pre),
        ("wasi-ctx+store", ctx_store),
        ("instantiate-imports-ready", alone),
        ("request-via-new-linker", via_new_linker),
    ] {
        println!("{name:<26}{:>10}", common::fmt(d));
    }
    println!(
        "instance-pre vs its parts: {} vs {} (bar <= the sum: {verdict})",
        common::fmt(via_pre),
        common::fmt(parts)
    );
}

fn host_instance(engine: &Engine) -> (Store<()>, Instance) {
    let module = Module::new(engine, HOST).unwrap();
    let mut store = Store::new(engine, ());
    let mut linker = Linker::new(engine);
    linker
        .func_wrap("host", "f", |x: i32| -> Result<i32, Trap> {
            Ok(x.wrapping_add(1))
        })
        .unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    (store, instance)
}

/// Median time of `f` over about `budget` (one run outside `cargo bench`),
/// dropping its result after the clock stops.
fn median_time<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    median_batched(budget, 1, &mut f)
}

/// The same, for calls too short to time one by one: each sample times
/// `batch` calls and counts their mean.
fn median_batched<T>(budget: Duration, batch: u32, mut f: impl FnMut() -> T) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    loop {
        let t = Instant::now();
        let mut out = None;
        for _ in 0..batch {
            out = Some(std::hint::black_box(f()));
        }
        times.push(t.elapsed() / batch);
        drop(out);
        if !common::measuring() || start.elapsed() > budget || times.len() >= 100_000 {
            break;
        }
    }
    common::median(&mut times)
}

fn summary(engine: &Engine, small: &[u8]) {
    println!("\n== cold start (medians) ==");
    println!("{}", common::machine_line());
    let budget = Duration::from_millis(500);
    let module = Module::new(engine, small).unwrap();
    let (mut store, host) = host_instance(engine);
    let nop = host.get_typed_func::<(), ()>(&mut store, "nop").unwrap();
    let call_host = host
        .get_typed_func::<i32, i32>(&mut store, "call_host")
        .unwrap();
    let loop_host = host
        .get_typed_func::<i32, i32>(&mut store, "loop_host")
        .unwrap();

    let first = median_time(budget, || first_call(engine, small));
    let first_drop = median_time(budget, || drop(first_call(engine, small)));
    let inst = median_time(budget, || instantiate(&module));
    let inst_drop = median_time(budget, || drop(instantiate(&module)));
    let compile = median_time(budget, || Module::new(engine, small).unwrap());
    let t_nop = median_batched(budget, 100, || nop.call(&mut store, ()).unwrap());
    let t_call_host = median_batched(budget, 100, || call_host.call(&mut store, 1).unwrap());
    let t_loop =
        median_time(budget, || loop_host.call(&mut store, LOOP_CALLS).unwrap()) / LOOP_CALLS as u32;

    println!(
        "small module: {} bytes; compile alone {}",
        small.len(),
        common::fmt(compile)
    );
    let line = |name: &str, d: Duration, bar: Option<Duration>| {
        let verdict = match bar {
            Some(bar) if d < bar => format!("   (bar < {}: met)", common::fmt(bar)),
            Some(bar) => format!("   (bar < {}: MISSED)", common::fmt(bar)),
            None => String::new(),
        };
        println!("{name:<26}{:>10}{verdict}", common::fmt(d));
    };
    line(
        "bytes-to-first-call",
        first,
        Some(Duration::from_micros(100)),
    );
    line("bytes-to-first-call+drop", first_drop, None);
    line("instantiate", inst, Some(Duration::from_micros(5)));
    line("instantiate+drop", inst_drop, None);
    line("call-wasm-nop", t_nop, None);
    line("call-wasm-calling-host", t_call_host, None);
    line("wasm-to-host (per call)", t_loop, None);
    strategy_summary(engine, small);
    per_request_summary(engine);
    artifact_summary(engine, small);
    image_summary();
    println!();
}

/// A module of `mib` MiB of active data (a pattern, so nothing is
/// all-zero), in a memory of that size plus one page, whose `sum` export
/// reads one byte of every 4 KiB page.
fn data_module(mib: usize) -> Vec<u8> {
    let len = mib << 20;
    let pages = len / 65536 + 1;
    let data: String = (0..len)
        .map(|i| format!("\\{:02x}", (i * 7 + 1) as u8))
        .collect();
    let wat = format!(
        r#"(module (memory (export "mem") {pages})
            (data (i32.const 64) "{data}")
            (func (export "sum") (result i32) (local $at i32) (local $sum i32)
              (loop $next
                (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $at))))
                (local.set $at (i32.add (local.get $at) (i32.const 4096)))
                (br_if $next (i32.lt_u (local.get $at) (i32.const {len}))))
              (local.get $sum)))"#
    );
    wat::parse_str(wat).unwrap()
}

/// Copy against copy-on-write image, per data size.
fn image_summary() {
    println!("memory images (copy vs copy-on-write image, alternating, same run):");
    let engine = |cow: bool| {
        let mut config = Config::new();
        config.memory_init_cow(cow);
        Engine::new(&config).unwrap()
    };
    let (copy, cow) = (engine(false), engine(true));
    let budget = Duration::from_millis(400);
    for mib in [1, 4] {
        let bytes = data_module(mib);
        let (m_copy, m_cow) = (
            Module::new(&copy, &bytes).unwrap(),
            Module::new(&cow, &bytes).unwrap(),
        );
        // The first instantiation makes the image: not timed.
        drop((instantiate(&m_copy), instantiate(&m_cow)));
        let cases: [(&str, ImageCase); 3] = [
            ("instantiate", |m| Some(instantiate(m))),
            ("instantiate+drop", |m| {
                drop(instantiate(m));
                None
            }),
            ("instantiate+read every page", |m| Some(read_every_page(m))),
        ];
        for (name, case) in cases {
            let (t_copy, t_cow) = common::paired(budget, 5, || case(&m_copy), || case(&m_cow));
            println!(
                "  {mib} MiB data, {name:<28} copy {:>10}  image {:>10}  ({:.1}x)",
                common::fmt(t_copy),
                common::fmt(t_cow),
                t_copy.as_secs_f64() / t_cow.as_secs_f64()
            );
        }
    }
}

/// One case of the image comparison: what it times, returning what it
/// keeps (dropped after the clock stops).
type ImageCase = fn(&Module) -> Option<Store<()>>;

/// Instantiate the data module and read one byte of every page of its
/// data (`sum`).
fn read_every_page(module: &Module) -> Store<()> {
    let mut store = Store::new(module.engine(), ());
    let instance = Instance::new(&mut store, module, &[]).unwrap();
    let sum = instance
        .get_typed_func::<(), i32>(&mut store, "sum")
        .unwrap();
    sum.call(&mut store, ()).unwrap();
    store
}

/// An artifact file, removed on drop.
struct ArtifactFile(std::path::PathBuf);

impl ArtifactFile {
    fn new(name: &str, module: &Module) -> ArtifactFile {
        let path = std::env::temp_dir().join(format!("flint-bench-{}-{name}", std::process::id()));
        std::fs::write(&path, module.serialize().unwrap()).unwrap();
        ArtifactFile(path)
    }

    fn load(&self, engine: &Engine) -> Module {
        // SAFETY: written by `serialize` (above), unchanged since.
        unsafe { Module::deserialize_file(engine, &self.0) }.unwrap()
    }
}

impl Drop for ArtifactFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// An import of type `ty` that does nothing: functions return zeros, the
/// rest start at their minimum and default value.
fn stand_in(store: &mut Store<()>, ty: &ExternType) -> Extern {
    match ty {
        ExternType::Func(ft) => {
            let results: Vec<ValType> = ft.results().to_vec();
            Extern::Func(Func::new(&mut *store, ft.clone(), move |_, _, out| {
                for (slot, ty) in out.iter_mut().zip(&results) {
                    *slot = Val::default_for(*ty);
                }
                Ok(())
            }))
        }
        ExternType::Global(gt) => {
            Extern::Global(Global::new(store, *gt, Val::default_for(gt.content)).unwrap())
        }
        ExternType::Memory(mt) => Extern::Memory(Memory::new(store, *mt).unwrap()),
        ExternType::Table(tt) => {
            Extern::Table(Table::new(store, *tt, Val::default_for(tt.element)).unwrap())
        }
    }
}

/// The large corpus module the artifact comparison loads: the first of
/// these that `benches/fetch-corpus.sh` fetched (`FLINT_CORPUS` overrides
/// the directory, as in the compile bench).
fn large_corpus_module() -> Option<(String, Vec<u8>)> {
    let dir = std::env::var_os("FLINT_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/benches/corpus/wasm").into());
    [
        "esbuild-wasm-0.28.2-esbuild.wasm",
        "biomejs-wasm-nodejs-2.5.14-biome_wasm_bg.wasm",
        "esbuild-wasm-0.14.54-esbuild.wasm",
    ]
    .iter()
    .find_map(|name| Some((name.to_string(), std::fs::read(dir.join(name)).ok()?)))
}

fn artifact_summary(engine: &Engine, small: &[u8]) {
    let budget = Duration::from_millis(500);
    let file = ArtifactFile::new("small.cwasm", &Module::new(engine, small).unwrap());
    let first = median_time(budget, || {
        let module = file.load(engine);
        let mut store = Store::new(engine, ());
        let instance = Instance::new(&mut store, &module, &[]).unwrap();
        let run = instance
            .get_typed_func::<i32, i32>(&mut store, "run")
            .unwrap();
        (run.call(&mut store, 5).unwrap(), store, module)
    });
    let bar = Duration::from_micros(20);
    let verdict = if first < bar { "met" } else { "MISSED" };
    println!("compiled artifacts:");
    println!(
        "{:<26}{:>10}   (bar < {}: {verdict})",
        "artifact-to-first-call",
        common::fmt(first),
        common::fmt(bar)
    );
    let Some((name, wasm)) = large_corpus_module() else {
        println!("no large corpus module (esbuild, biome): run benches/fetch-corpus.sh");
        return;
    };
    let module = Module::new(engine, &wasm).unwrap();
    let file = ArtifactFile::new("large.cwasm", &module);
    let size = std::fs::metadata(&file.0).unwrap().len();
    drop(module);
    let (compile, load) = common::paired(
        Duration::from_secs(10),
        3,
        || Module::new(engine, &wasm).unwrap(),
        || file.load(engine),
    );
    // Load and instantiate, the imports (WASI, JS glue) made beforehand as
    // stand-ins, as an embedder's linker would have them ready.
    let types = file.load(engine).imports();
    let ready = median_with_setup(
        budget,
        || {
            let mut store = Store::new(engine, ());
            let imports: Vec<Extern> = types.iter().map(|i| stand_in(&mut store, &i.ty)).collect();
            (store, imports)
        },
        |(store, imports)| {
            let module = file.load(engine);
            Instance::new(&mut *store, &module, imports).map(|_| module)
        },
    );
    let share = ready.as_secs_f64() / compile.as_secs_f64() * 100.0;
    let verdict = if share < 1.0 { "met" } else { "MISSED" };
    println!(
        "{name} ({} KB wasm, {} KB artifact): Module::new {}, deserialize_file {} \
         ({:.0}x faster); load + instantiate {} = {:.2}% of the compile (bar < 1%: {verdict})",
        wasm.len() >> 10,
        size >> 10,
        common::fmt(compile),
        common::fmt(load),
        compile.as_secs_f64() / load.as_secs_f64(),
        common::fmt(ready),
        share
    );
}

fn benches(c: &mut Criterion, engine: &Engine, small: &[u8]) {
    let mut group = c.benchmark_group("cold-start");
    // Each instance holds an 8 GiB address-space reservation: batches stay
    // small so that they never exhaust the address space.
    group.bench_function("bytes-to-first-call", |b| {
        b.iter_batched(
            || (),
            |()| first_call(engine, small),
            BatchSize::NumIterations(64),
        )
    });
    group.bench_function("bytes-to-first-call+drop", |b| {
        b.iter(|| drop(first_call(engine, small)))
    });
    let module = Module::new(engine, small).unwrap();
    group.bench_function("instantiate", |b| {
        b.iter_batched(
            || (),
            |()| instantiate(&module),
            BatchSize::NumIterations(64),
        )
    });
    group.bench_function("instantiate+drop", |b| {
        b.iter(|| drop(instantiate(&module)))
    });
    let file = ArtifactFile::new("criterion.cwasm", &module);
    group.bench_function("artifact-to-first-call", |b| {
        b.iter(|| {
            let module = file.load(engine);
            let mut store = Store::new(engine, ());
            let instance = Instance::new(&mut store, &module, &[]).unwrap();
            let run = instance
                .get_typed_func::<i32, i32>(&mut store, "run")
                .unwrap();
            (run.call(&mut store, 5).unwrap(), store, module)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("memory-strategy");
    for (name, engine) in strategy_engines() {
        let module = Module::new(&engine, small).unwrap();
        group.bench_function(format!("instantiate-{name}"), |b| {
            b.iter_batched(
                || (),
                |()| instantiate(&module),
                BatchSize::NumIterations(64),
            )
        });
        group.bench_function(format!("instantiate+drop-{name}"), |b| {
            b.iter(|| drop(instantiate(&module)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("per-request");
    let program = wasi_program(engine);
    let pre = wasi_linker(engine).instantiate_pre(&program).unwrap();
    group.bench_function("request-via-instance-pre", |b| {
        b.iter_batched(|| (), |()| request(&pre), BatchSize::NumIterations(64))
    });
    group.bench_function("wasi-ctx+store", |b| {
        b.iter(|| Store::new(engine, request_ctx()))
    });
    group.finish();

    let (mut store, host) = host_instance(engine);
    let nop = host.get_typed_func::<(), ()>(&mut store, "nop").unwrap();
    let call_host = host
        .get_typed_func::<i32, i32>(&mut store, "call_host")
        .unwrap();
    let loop_host = host
        .get_typed_func::<i32, i32>(&mut store, "loop_host")
        .unwrap();
    let mut group = c.benchmark_group("host-calls");
    group.bench_function("call-wasm-nop", |b| {
        b.iter(|| nop.call(&mut store, ()).unwrap())
    });
    group.bench_function("call-wasm-calling-host", |b| {
        b.iter(|| call_host.call(&mut store, 1).unwrap())
    });
    group.throughput(Throughput::Elements(LOOP_CALLS as u64));
    group.bench_function("wasm-to-host", |b| {
        b.iter(|| loop_host.call(&mut store, LOOP_CALLS).unwrap())
    });
    group.finish();
}

fn main() {
    let engine = Engine::default();
    let small = wat::parse_str(SMALL).unwrap();
    summary(&engine, &small);
    let mut c = common::criterion();
    benches(&mut c, &engine, &small);
    c.final_summary();
}
