//! What comes back when things fail: a host function's own error value
//! through the wasm it unwound, WASI's typed exit, the error chain
//! (`source`), and the module-level entry points (`validate`,
//! `from_file`, per-feature `Config` switches).

use super::*;

#[derive(Debug, PartialEq)]
struct QuotaExceeded {
    asked: i32,
}

impl std::fmt::Display for QuotaExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "quota exceeded: asked for {}", self.asked)
    }
}

impl std::error::Error for QuotaExceeded {}

#[test]
fn a_host_functions_own_error_comes_back_downcastable() {
    let engine = Engine::default();
    let mut linker: Linker<()> = Linker::new(&engine);
    linker
        .func_wrap(
            "host",
            "take",
            |n: i32| -> std::result::Result<i32, QuotaExceeded> {
                if n > 10 {
                    Err(QuotaExceeded { asked: n })
                } else {
                    Ok(n)
                }
            },
        )
        .unwrap();
    let module = Module::new(
        &engine,
        r#"(module (import "host" "take" (func $take (param i32) (result i32)))
             (func $inner (export "take") (param i32) (result i32) (call $take (local.get 0)))
             (func (export "outer") (param i32) (result i32) (call $inner (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let outer = instance
        .get_typed_func::<i32, i32>(&mut store, "outer")
        .unwrap();
    assert_eq!(outer.call(&mut store, 3).unwrap(), 3);
    let err = outer.call(&mut store, 42).unwrap_err();
    assert_eq!(
        err.downcast_ref::<QuotaExceeded>(),
        Some(&QuotaExceeded { asked: 42 })
    );
    assert_eq!(err.trap_code(), Some(TrapCode::HostError));
    // The chain: Error -> Trap -> the host's error.
    let trap = std::error::Error::source(&err).expect("a trap has a source");
    let host = trap.source().expect("the host error is the trap's source");
    assert_eq!(host.to_string(), "quota exceeded: asked for 42");
    // And the trap still says which wasm frames it unwound.
    let Error::Trap(trap) = &err else {
        panic!("{err:?}")
    };
    assert!(trap.backtrace().frames().len() >= 2, "{}", trap.backtrace());
    // Usable with `?` into a boxed error (as anyhow takes it).
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(boxed.to_string().contains("quota exceeded"));
}

#[test]
fn a_wasi_exit_is_a_typed_status() {
    let engine = Engine::default();
    let mut linker: Linker<flint::wasi::WasiCtx> = Linker::new(&engine);
    flint::wasi::add_to_linker(&mut linker, |c: &mut flint::wasi::WasiCtx| c).unwrap();
    let module = Module::new(
        &engine,
        r#"(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
             (memory (export "memory") 1)
             (func (export "_start") (call $exit (i32.const 3))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, flint::wasi::WasiCtx::new());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let start = instance
        .get_typed_func::<(), ()>(&mut store, "_start")
        .unwrap();
    let err = start.call(&mut store, ()).unwrap_err();
    assert_eq!(
        err.downcast_ref::<flint::wasi::I32Exit>(),
        Some(&flint::wasi::I32Exit(3))
    );
    assert_eq!(store.data().exit_code(), Some(3));
}

#[test]
fn validate_checks_without_compiling_and_follows_the_feature_switches() {
    let engine = Engine::default();
    let simd =
        wat::parse_str(r#"(module (func (export "f") (result v128) (v128.const i64x2 1 2)))"#)
            .unwrap();
    Module::validate(&engine, &simd).unwrap();
    let mut config = Config::new();
    config.wasm_simd(false);
    let no_simd = Engine::new(&config).unwrap();
    let err = Module::validate(&no_simd, &simd).unwrap_err();
    assert!(matches!(err, Error::InvalidModule { .. }), "{err:?}");
    assert!(Module::new(&no_simd, &simd).is_err());
    // Invalid: a type mismatch in a body is found without compiling.
    let mut invalid = wat::parse_str(r#"(module (func (result i32) (i32.const 1)))"#).unwrap();
    // Turn `i32.const` (0x41) into `i64.const` (0x42): wrong result type.
    let at = invalid.iter().rposition(|&b| b == 0x41).unwrap();
    invalid[at] = 0x42;
    assert!(Module::validate(&engine, &invalid).is_err());
    assert!(Module::validate(&engine, b"\0asm\x01\0\0\0garbage").is_err());
}

#[test]
fn from_file_reads_a_module_or_says_which_file_it_could_not_read() {
    let engine = Engine::default();
    let dir = std::env::temp_dir().join(format!("flint-from-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("add.wat");
    std::fs::write(
        &path,
        r#"(module (func (export "add") (param i32 i32) (result i32)
             (i32.add (local.get 0) (local.get 1))))"#,
    )
    .unwrap();
    let module = Module::from_file(&engine, &path).unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let add = instance
        .get_typed_func::<(i32, i32), i32>(&mut store, "add")
        .unwrap();
    assert_eq!(add.call(&mut store, (2, 40)).unwrap(), 42);
    let missing = dir.join("missing.wasm");
    let err = Module::from_file(&engine, &missing).unwrap_err();
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    assert!(err.to_string().contains("missing.wasm"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
