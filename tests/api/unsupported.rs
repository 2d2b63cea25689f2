//! A module that uses a proposal Flint does not compile is reported as
//! `Error::Unsupported` naming the proposal, not as a corrupt module; one
//! that uses a proposal this engine's `Config` turned off is invalid for
//! that engine, and the message says which switch. Both from `Module::new`
//! and `Module::validate`.

use super::*;

/// The error for `wat`, checked to be the same from `validate` (binary)
/// and `new`.
fn rejection(engine: &Engine, wat: &str) -> Error {
    let wasm = wat::parse_str(wat).unwrap_or_else(|e| panic!("{wat}: {e}"));
    let validated = Module::validate(engine, &wasm).expect_err(wat);
    let compiled = Module::new(engine, &wasm).expect_err(wat);
    assert_eq!(validated, compiled, "{wat}");
    compiled
}

#[test]
fn proposals_flint_lacks_are_named() {
    let engine = Engine::default();
    let cases = [
        ("(module (memory 1 1 shared))", "threads"),
        (
            "(module (memory 1) (func (drop (i32.atomic.load (i32.const 0)))))",
            "threads",
        ),
        ("(module (func (return_call 0)))", "tail calls"),
        ("(module (tag))", "exception handling"),
        ("(module (table i64 1 funcref))", "memory64 (64-bit tables)"),
        (
            r#"(module (import "env" "t" (table i64 1 funcref)))"#,
            "memory64 (64-bit tables)",
        ),
        ("(module (type (struct)))", "GC"),
        ("(module (func (param (ref func))))", "function references"),
    ];
    for (wat, feature) in cases {
        let err = rejection(&engine, wat);
        let Error::Unsupported {
            feature: named,
            offset,
        } = &err
        else {
            panic!("{wat}: expected Unsupported, got {err:?}");
        };
        assert_eq!(named, feature, "{wat}");
        assert!(*offset > 8 && *offset < 64, "{wat}: offset {offset}");
        assert_eq!(
            err.to_string(),
            format!(
                "module uses the {feature} proposal, which Flint does not support yet \
                 (at offset {offset:#x})"
            )
        );
    }
}

#[test]
fn proposals_the_config_turns_off_say_which() {
    let mut config = Config::new();
    config.wasm_simd(false).wasm_bulk_memory(false);
    let engine = Engine::new(&config).unwrap();
    for (wat, feature) in [
        (
            r#"(module (func (result v128) (v128.const i64x2 1 2)))"#,
            "SIMD",
        ),
        (
            "(module (memory 1) (func (memory.copy (i32.const 0) (i32.const 0) (i32.const 0))))",
            "bulk memory",
        ),
    ] {
        let err = rejection(&engine, wat);
        let Error::InvalidModule { message, .. } = &err else {
            panic!("{wat}: expected InvalidModule, got {err:?}");
        };
        assert!(
            message.starts_with(&format!(
                "uses {feature}, which this engine's Config turns off"
            )),
            "{wat}: {message}"
        );
        // The default engine compiles the same module.
        Module::new(&Engine::default(), wat).unwrap();
    }
}

#[test]
fn invalid_modules_stay_invalid() {
    let engine = Engine::default();
    // A type error is not a missing feature.
    let err = rejection(&engine, "(module (func (result i32) (i64.const 1)))");
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if message.contains("type mismatch")),
        "{err:?}"
    );
    // Two memories are invalid in WebAssembly 2.0, which its spec suites
    // (run with multi-memory off) assert: with the proposal switched off
    // Flint keeps that verdict, wasmparser's words and all.
    let two = "(module (memory 0) (memory 0))";
    let mut config = Config::new();
    config.wasm_multi_memory(false);
    let err = rejection(&Engine::new(&config).unwrap(), two);
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if message.contains("multiple memories")),
        "{err:?}"
    );
    Module::new(&engine, two).unwrap();
}

#[test]
fn extended_constant_expressions_follow_the_config() {
    let wat = r#"(module
        (import "env" "base" (global $base i32))
        (global (export "g") i32 (i32.add (global.get $base) (i32.mul (i32.const 4) (i32.const 8)))))"#;
    let mut config = Config::new();
    config.wasm_extended_const(false);
    let err = rejection(&Engine::new(&config).unwrap(), wat);
    assert!(
        err.to_string().contains("constant expression required"),
        "{err}"
    );
    // On by default: the initialiser is computed at instantiation.
    let engine = Engine::default();
    let module = Module::new(&engine, wat).unwrap();
    let mut store = Store::new(&engine, ());
    let ty = GlobalType {
        content: ValType::I32,
        mutable: false,
    };
    let base = Global::new(&mut store, ty, Val::I32(-40)).unwrap();
    let instance = Instance::new(&mut store, &module, &[base.into()]).unwrap();
    let g = instance.get_global(&mut store, "g").unwrap();
    assert_eq!(g.get(&mut store), Val::I32(-8));
}
