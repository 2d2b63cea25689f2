//! Compiled artifacts (`Module::serialize`, `Module::deserialize`,
//! `Module::deserialize_file`): a module loaded from an artifact behaves as
//! the module it was serialized from (results, traps, backtraces, a WASI
//! program's output), and loading refuses, with `Error::Artifact` naming
//! the reason, an artifact of another version, ISA, CPU or `Config`, and
//! any truncated or damaged one, never panicking or crashing.

use flint::wasi::{Pipe, WasiCtx};
use flint::{
    Config, CpuFeatures, Engine, Error, Extern, Func, FuncType, Instance, Linker, Module, Store,
    Target, TrapCode, Val, ValType,
};
use std::path::PathBuf;

/// Modules in the spirit of the spec tests, covering what an artifact
/// must carry: imports, globals and their initialisers, memories with data
/// segments (one offset an extended constant expression), tables with
/// element segments and `call_indirect`, a start function, SIMD, multiple
/// memories, `ref.func`, names for backtraces.
const MODULE: &str = r#"(module
    (type $binop (func (param i32 i32) (result i32)))
    (import "host" "add" (func $host_add (param i32 i32) (result i32)))
    (import "host" "base" (global $base i32))
    (memory $m 1 2)
    (memory $n 1)
    (table $t 4 funcref)
    (global $counter (mut i32) (global.get $base))
    (global $fref funcref (ref.func $mul))
    (data (memory $m) (i32.add (i32.const 8) (i32.mul (i32.const 2) (i32.const 4))) "\2a\00\00\00flint")
    (data $passive "passive")
    (elem (table $t) (i32.const 0) func $mul $sub $host_add)
    (elem declare func $mul)
    (start $init)
    (func $init (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
    (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))
    (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
    (func (export "counter") (result i32) (global.get $counter))
    (func (export "indirect") (param i32 i32 i32) (result i32)
        (call_indirect $t (type $binop) (local.get 1) (local.get 2) (local.get 0)))
    (func (export "wrong_type") (param i32) (result i64)
        (call_indirect $t (param) (result i64) (local.get 0)))
    (func (export "load") (param i32) (result i32) (i32.load $m (local.get 0)))
    (func (export "second") (param i32) (result i32)
        (i32.store8 $n (i32.const 3) (local.get 0))
        (i32.load8_u $n (i32.const 3)))
    (func (export "init_passive") (result i32)
        (memory.init $passive (i32.const 100) (i32.const 0) (i32.const 7))
        (i32.load8_u (i32.const 106)))
    (func (export "fib") (param i64) (result i64)
        (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
            (then (local.get 0))
            (else (i64.add
                (call 10 (i64.sub (local.get 0) (i64.const 1)))
                (call 10 (i64.sub (local.get 0) (i64.const 2)))))))
    (func (export "dot") (param i32 i32 i32 i32) (result i32)
        (local $v v128)
        (local.set $v (i32x4.mul
            (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1
                (i32x4.splat (local.get 0)) (local.get 1)) (local.get 2)) (local.get 3))
            (v128.const i32x4 1 2 3 4)))
        (i32.add (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))
                 (i32.add (i32x4.extract_lane 2 (local.get $v)) (i32x4.extract_lane 3 (local.get $v)))))
    (func (export "is_mul") (result i32)
        (ref.is_null (global.get $fref)))
    (func $divide (export "divide") (param i32 i32) (result i32)
        (i32.div_s (local.get 0) (local.get 1)))
    (func $outer (export "outer") (param i32) (result i32)
        (call $divide (i32.const 1) (local.get 0)))
)"#;

fn engine() -> Engine {
    Engine::default()
}

fn wasm() -> Vec<u8> {
    wat::parse_str(MODULE).unwrap()
}

/// The module's exports called with the same arguments, as text (values
/// or the trap each gives), in a fresh store with the host imports.
fn exercise(engine: &Engine, module: &Module) -> Vec<String> {
    let mut store = Store::new(engine, ());
    let ty = FuncType::new([ValType::I32, ValType::I32], [ValType::I32]);
    let add = Func::new(&mut store, ty, |_, args, out| {
        out[0] = Val::I32(args[0].unwrap_i32() + args[1].unwrap_i32());
        Ok(())
    });
    let base = flint::Global::new(
        &mut store,
        flint::GlobalType {
            content: ValType::I32,
            mutable: false,
        },
        Val::I32(41),
    )
    .unwrap();
    let instance = Instance::new(
        &mut store,
        module,
        &[Extern::Func(add), Extern::Global(base)],
    )
    .unwrap();
    let calls: &[(&str, &[Val])] = &[
        ("counter", &[]),
        ("indirect", &[Val::I32(0), Val::I32(6), Val::I32(7)]),
        ("indirect", &[Val::I32(1), Val::I32(6), Val::I32(7)]),
        ("indirect", &[Val::I32(2), Val::I32(6), Val::I32(7)]),
        ("indirect", &[Val::I32(3), Val::I32(6), Val::I32(7)]),
        ("indirect", &[Val::I32(9), Val::I32(6), Val::I32(7)]),
        ("wrong_type", &[Val::I32(0)]),
        ("load", &[Val::I32(16)]),
        ("load", &[Val::I32(65534)]),
        ("second", &[Val::I32(200)]),
        ("init_passive", &[]),
        ("fib", &[Val::I64(20)]),
        ("dot", &[Val::I32(1), Val::I32(2), Val::I32(3), Val::I32(4)]),
        ("is_mul", &[]),
        ("divide", &[Val::I32(7), Val::I32(0)]),
        ("outer", &[Val::I32(0)]),
    ];
    calls
        .iter()
        .map(|(name, args)| {
            let f = instance.get_func(&mut store, name).unwrap();
            let mut results = vec![Val::I32(0); f.ty(&store).results().len()];
            match f.call(&mut store, args, &mut results) {
                Ok(()) => format!("{name}: {results:?}"),
                Err(e) => format!("{name}: {e}"),
            }
        })
        .collect()
}

fn load(engine: &Engine, bytes: &[u8]) -> flint::Result<Module> {
    // SAFETY: every artifact here was written by `Module::serialize`, or
    // is one damaged on purpose to be refused, never run.
    unsafe { Module::deserialize(engine, bytes) }
}

fn artifact_error(result: flint::Result<Module>) -> String {
    match result {
        Err(Error::Artifact(message)) => message,
        Err(other) => panic!("not an artifact error: {other}"),
        Ok(_) => panic!("the artifact was accepted"),
    }
}

struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("flint-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_deserialized_module_behaves_as_the_original() {
    let engine = engine();
    let original = Module::new(&engine, wasm()).unwrap();
    let bytes = original.serialize().unwrap();
    assert!(Module::is_artifact(&bytes));
    assert!(!Module::is_artifact(&wasm()));
    let loaded = load(&engine, &bytes).unwrap();
    let expected = exercise(&engine, &original);
    // The traps are among the results, and differ from each other.
    for trap in [
        "indirect call type mismatch",
        "uninitialized element",
        "undefined element",
        "out of bounds memory access",
        "integer divide by zero",
    ] {
        assert!(
            expected.iter().any(|r| r.contains(trap)),
            "{trap}: {expected:#?}"
        );
    }
    assert_eq!(exercise(&engine, &loaded), expected);
    assert_eq!(loaded.imports(), original.imports());
    assert_eq!(loaded.exports(), original.exports());
    assert_eq!(loaded.code_size(), original.code_size());
    // Serializing the loaded module gives the same bytes: nothing is lost.
    assert_eq!(loaded.serialize().unwrap(), bytes);
    // And a fresh compile of the same wasm, too (deterministic output).
    assert_eq!(
        Module::new(&engine, wasm()).unwrap().serialize().unwrap(),
        bytes
    );
}

#[test]
fn deserialize_file_maps_the_artifact() {
    let engine = engine();
    let original = Module::new(&engine, wasm()).unwrap();
    let file = TempFile::new("map.cwasm", &original.serialize().unwrap());
    // SAFETY: written just above by `serialize`, and not changed while
    // the module lives.
    let loaded = unsafe { Module::deserialize_file(&engine, &file.0) }.unwrap();
    // The code runs from the file's own pages: an executable mapping of
    // the file, not a copy.
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let name = file.0.to_str().unwrap();
    assert!(
        maps.lines()
            .any(|l| l.ends_with(name) && l.split_whitespace().nth(1) == Some("r-xp")),
        "no executable mapping of {name}:\n{maps}"
    );
    assert_eq!(exercise(&engine, &loaded), exercise(&engine, &original));
    // Instances of a module outlive nothing they need: drop the module
    // first, keep running an instance.
    let mut store = Store::new(&engine, ());
    let small = Module::new(
        &engine,
        "(module (func (export \"f\") (result i32) i32.const 5))",
    )
    .unwrap()
    .serialize()
    .unwrap();
    let small_file = TempFile::new("small.cwasm", &small);
    // SAFETY: as above.
    let module = unsafe { Module::deserialize_file(&engine, &small_file.0) }.unwrap();
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    drop(module);
    let f = instance.get_typed_func::<(), i32>(&mut store, "f").unwrap();
    assert_eq!(f.call(&mut store, ()).unwrap(), 5);
}

#[test]
fn a_missing_file_is_an_io_error() {
    // SAFETY: the file does not exist; nothing is loaded.
    let err = unsafe { Module::deserialize_file(&engine(), "/nonexistent/app.cwasm") };
    assert!(matches!(err, Err(Error::Io(_))), "{err:?}");
}

#[test]
fn a_trap_and_its_backtrace_survive_the_round_trip() {
    let engine = engine();
    let original = Module::new(&engine, wasm()).unwrap();
    let loaded = load(&engine, &original.serialize().unwrap()).unwrap();
    let trap_of = |module: &Module| {
        let mut store = Store::new(&engine, ());
        let mut linker = Linker::new(&engine);
        linker
            .func_wrap("host", "add", |a: i32, b: i32| a + b)
            .unwrap();
        let base = flint::Global::new(
            &mut store,
            flint::GlobalType {
                content: ValType::I32,
                mutable: false,
            },
            Val::I32(0),
        )
        .unwrap();
        linker.define(&store, "host", "base", base).unwrap();
        let instance = linker.instantiate(&mut store, module).unwrap();
        let outer = instance
            .get_typed_func::<i32, i32>(&mut store, "outer")
            .unwrap();
        let err = outer.call(&mut store, 0).unwrap_err();
        let Error::Trap(trap) = err else {
            panic!("not a trap: {err}")
        };
        assert_eq!(trap.code, TrapCode::IntegerDivideByZero);
        trap.backtrace().to_string()
    };
    let backtrace = trap_of(&original);
    assert!(
        backtrace.contains("divide") && backtrace.contains("outer"),
        "{backtrace}"
    );
    assert_eq!(trap_of(&loaded), backtrace);
}

/// Run a WASI program with `args`, returning its stdout and exit status.
fn run_wasi(engine: &Engine, module: &Module, args: &[&str]) -> (String, Option<u32>) {
    let out = Pipe::new();
    let mut ctx = WasiCtx::new();
    ctx.stdout(out.clone());
    for a in args {
        ctx.arg(*a);
    }
    ctx.env("GREETING", "hi");
    let mut linker: Linker<WasiCtx> = Linker::new(engine);
    flint::wasi::add_to_linker(&mut linker, |ctx: &mut WasiCtx| ctx).unwrap();
    let mut store = Store::new(engine, ctx);
    let instance = linker.instantiate(&mut store, module).unwrap();
    let start = instance
        .get_typed_func::<(), ()>(&mut store, "_start")
        .unwrap();
    let _ = start.call(&mut store, ());
    let status = store.data().exit_code();
    (String::from_utf8(out.contents()).unwrap(), status)
}

#[test]
fn wasi_programs_give_the_same_output_from_an_artifact() {
    let engine = engine();
    let root = env!("CARGO_MANIFEST_DIR");
    for (program, args) in [
        ("hello", &["hello", "a", "b"][..]),
        ("rust_simd", &["rust_simd", "20241130"][..]),
        ("c_simd", &["c_simd", "20241130"][..]),
    ] {
        let wasm = std::fs::read(format!("{root}/wasi-tests/{program}.wasm")).unwrap();
        let original = Module::new(&engine, &wasm).unwrap();
        let file = TempFile::new(&format!("{program}.cwasm"), &original.serialize().unwrap());
        // SAFETY: written just above by `serialize`.
        let loaded = unsafe { Module::deserialize_file(&engine, &file.0) }.unwrap();
        let expected = run_wasi(&engine, &original, args);
        assert!(expected.0.lines().count() > 3, "{program}: {expected:?}");
        if program != "hello" {
            let recorded =
                std::fs::read_to_string(format!("{root}/wasi-tests/{program}.expected")).unwrap();
            assert_eq!(expected.0, recorded, "{program}");
        }
        assert_eq!(run_wasi(&engine, &loaded, args), expected, "{program}");
    }
}

#[test]
fn artifacts_of_another_config_are_refused_naming_the_setting() {
    let plain = engine();
    let bytes = Module::new(&plain, wasm()).unwrap().serialize().unwrap();
    let with = |f: fn(&mut Config) -> &mut Config| Engine::new(f(&mut Config::new())).unwrap();
    let cases: [(Engine, &str); 5] = [
        (with(|c| c.consume_fuel(true)), "Config::consume_fuel"),
        (
            with(|c| c.epoch_interruption(true)),
            "Config::epoch_interruption",
        ),
        (
            with(|c| c.canonicalize_nans(true)),
            "Config::canonicalize_nans",
        ),
        (
            with(|c| c.relaxed_simd_deterministic(true)),
            "Config::relaxed_simd_deterministic",
        ),
        (with(|c| c.wasm_simd(false)), "Config::wasm_"),
    ];
    for (engine, setting) in cases {
        let message = artifact_error(load(&engine, &bytes));
        assert!(message.contains(setting), "{setting}: {message}");
        // And the other way round: compiled with the setting, loaded
        // without it. (A module without SIMD, so that `wasm_simd(false)`
        // compiles it.)
        let simple = Module::new(&engine, "(module (func (export \"f\")))").unwrap();
        let message = artifact_error(load(&plain, &simple.serialize().unwrap()));
        assert!(message.contains(setting), "{setting}: {message}");
    }
    // Settings that do not change code do not matter.
    let limits = with(|c| c.max_wasm_stack(64 << 10).max_memory_pages(10));
    assert!(load(&limits, &bytes).is_ok());
}

#[test]
fn artifacts_needing_absent_cpu_features_are_refused() {
    let engine = engine();
    let target = Target::native();
    let bytes = Module::new(&engine, wasm()).unwrap().serialize().unwrap();
    // An engine restricted to the floor lacks whatever optional feature
    // the host has (and the artifact was compiled to use).
    let used = engine.cpu_features();
    let floor = CpuFeatures::minimum(target);
    let mut config = Config::new();
    config.cpu_features(floor);
    let narrow = Engine::new(&config).unwrap();
    if used != floor {
        let message = artifact_error(load(&narrow, &bytes));
        assert!(message.contains("Config::cpu_features"), "{message}");
    }
    // Compiled for the floor, it loads anywhere.
    let portable = Module::new(&narrow, wasm()).unwrap().serialize().unwrap();
    let loaded = load(&engine, &portable).unwrap();
    let original = Module::new(&engine, wasm()).unwrap();
    assert_eq!(exercise(&engine, &loaded), exercise(&engine, &original));
    // Compiled for every feature of the ISA, it is refused on a host that
    // lacks one (or loads on one that has them all).
    let all = CpuFeatures::all().for_target(target);
    let everything = Module::precompile(&engine, &wasm(), target, all).unwrap();
    match load(&engine, &everything) {
        Ok(_) => assert_eq!(CpuFeatures::host().for_target(target), all),
        Err(e) => assert!(e.to_string().contains("this machine lacks"), "{e}"),
    }
}

#[test]
fn artifacts_for_the_other_isa_are_refused() {
    let engine = engine();
    let other = match Target::native() {
        Target::X86_64 => Target::Aarch64,
        Target::Aarch64 => Target::X86_64,
    };
    let features = CpuFeatures::minimum(other);
    let bytes = Module::precompile(&engine, &wasm(), other, features).unwrap();
    let message = artifact_error(load(&engine, &bytes));
    assert_eq!(
        message,
        format!(
            "it was compiled for {other}, this machine is {}",
            Target::native()
        )
    );
    // Cross-compiled for this ISA, it loads and runs as a local compile.
    let native = Target::native();
    let features = engine.cpu_features();
    let bytes = Module::precompile(&engine, &wasm(), native, features).unwrap();
    let original = Module::new(&engine, wasm()).unwrap();
    assert_eq!(bytes, original.serialize().unwrap());
}

#[test]
fn other_versions_and_non_artifacts_are_refused() {
    let engine = engine();
    let bytes = Module::new(&engine, wasm()).unwrap().serialize().unwrap();
    let mut format = bytes.clone();
    format[8] = 99;
    let message = artifact_error(load(&engine, &format));
    assert!(message.contains("format version is 99"), "{message}");
    let mut version = bytes.clone();
    version[12..16].copy_from_slice(b"9.9.");
    let message = artifact_error(load(&engine, &version));
    assert!(message.contains("compiled by Flint 9.9."), "{message}");
    for not_one in [&wasm()[..], b"", b"\0fli", b"hello world"] {
        let message = artifact_error(load(&engine, not_one));
        assert!(
            message.contains("not a Flint compiled artifact"),
            "{message}"
        );
    }
}

/// Every truncation and every damaged byte of a real artifact is refused
/// by `deserialize` with an error (its checksums cover every byte), never
/// a panic or a crash. `deserialize_file` refuses a truncated file and a
/// damaged header or metadata; it maps the rest without reading it, so
/// it does not check the rest's checksum (see `module::artifact`).
#[test]
fn truncated_or_damaged_artifacts_are_refused() {
    let engine = engine();
    let bytes = Module::new(&engine, wasm()).unwrap().serialize().unwrap();
    let code_start = bytes.len() - Module::new(&engine, wasm()).unwrap().code_size();
    for len in (0..bytes.len()).rev() {
        assert!(load(&engine, &bytes[..len]).is_err(), "truncated to {len}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(load(&engine, &longer).is_err());
    // Every byte of the header and the metadata, and a sample of the
    // padding and the code.
    let step = |i: usize| if i < 512 || i >= code_start { 1 } else { 61 };
    let mut i = 0;
    let mut checked = 0;
    while i < bytes.len() {
        for flip in [0x01, 0x10, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            let message = artifact_error(load(&engine, &damaged));
            assert!(!message.is_empty());
            checked += 1;
        }
        i += step(i);
    }
    assert!(checked > 1000, "{checked}");
    // Through a file, too: truncated, and damaged in the metadata.
    let file = TempFile::new("short.cwasm", &bytes[..bytes.len() - 1]);
    // SAFETY: refused before anything runs.
    let message = artifact_error(unsafe { Module::deserialize_file(&engine, &file.0) });
    assert!(message.contains("truncated or corrupted"), "{message}");
    // (Bytes 48..56 are the wasm checksum: only the metadata checksum
    // covers them.)
    let mut damaged = bytes.clone();
    damaged[50] ^= 1;
    let file = TempFile::new("damaged.cwasm", &damaged);
    // SAFETY: as above.
    let message = artifact_error(unsafe { Module::deserialize_file(&engine, &file.0) });
    assert!(message.contains("metadata checksum"), "{message}");
    // A small file is read whole and checked whole: damaged in its last
    // code byte, it is refused.
    let mut damaged = bytes.clone();
    *damaged.last_mut().unwrap() ^= 1;
    let file = TempFile::new("damaged-code.cwasm", &damaged);
    // SAFETY: as above.
    let message = artifact_error(unsafe { Module::deserialize_file(&engine, &file.0) });
    assert!(message.contains("tables checksum"), "{message}");
    // A large one (here by 100 KiB of data) is mapped: damaged past its
    // metadata, it loads, because nothing read those bytes.
    let large = format!(
        r#"(module (memory 2) (data (i32.const 0) "{}") (func (export "f")))"#,
        "\\00".repeat(100 << 10)
    );
    let mut damaged = Module::new(&engine, large).unwrap().serialize().unwrap();
    assert!(damaged.len() > 64 << 10);
    *damaged.last_mut().unwrap() ^= 1;
    let file = TempFile::new("damaged-large.cwasm", &damaged);
    // SAFETY: loaded, never run.
    assert!(unsafe { Module::deserialize_file(&engine, &file.0) }.is_ok());
}
