//! Bad input comes back as an `Error`, never a panic: garbage and
//! corrupted binaries, missing or mismatched imports, host functions that
//! return the wrong types, and invalid text (with its position).

use super::*;

/// A tiny deterministic PRNG (xorshift64*), so failures reproduce without
/// a `rand` dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// A valid binary module to mutilate: it has types, imports, a memory, a
/// global, exports, a start function and code, so truncations and bit
/// flips land in every kind of section.
fn sample_binary() -> Vec<u8> {
    wat::parse_str(
        r#"(module
             (import "env" "f" (func $f (param i32)))
             (memory 1)
             (global $g (mut i32) (i32.const 3))
             (func $main (export "main") (param i32) (result i32)
               (block (result i32)
                 (loop
                   (br_if 1 (i32.eqz (local.get 0)) (i32.const 5))
                   (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                   (br 0))
                 (i32.const 0)))
             (func $s (call $f (global.get $g)))
             (start $s)
             (data (i32.const 0) "hello"))"#,
    )
    .unwrap()
}

/// Compiles `bytes`, requiring that the engine does not panic, and that if
/// the module compiles it can also be instantiated or refused cleanly.
fn compile_must_not_panic(engine: &Engine, bytes: &[u8], what: &str) -> Result<Module> {
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Module::new(engine, bytes)));
    match result {
        Ok(r) => r,
        Err(_) => panic!("Module::new panicked on {what}: {bytes:02x?}"),
    }
}

#[test]
fn garbage_is_an_invalid_module_error() {
    let engine = Engine::default();
    let mut rng = XorShift(0x5eed_f11e_c0de_0001);
    let header = b"\0asm\x01\0\0\0";

    let mut inputs: Vec<(String, Vec<u8>)> = vec![
        ("magic only".into(), b"\0asm".to_vec()),
        ("wrong version".into(), b"\0asm\x02\0\0\0".to_vec()),
        ("bad magic".into(), b"\0wasm\x01\0\0\0".to_vec()),
        (
            "unknown section".into(),
            [&header[..], &[0x7f, 0x00]].concat(),
        ),
        (
            "section too long".into(),
            [&header[..], &[0x01, 0xff, 0xff, 0xff, 0xff, 0x0f]].concat(),
        ),
        ("not wat".into(), b"(module (func (result i32)))".to_vec()),
        ("half wat".into(), b"(module (func".to_vec()),
        ("text".into(), b"hello, world".to_vec()),
    ];
    for i in 0..24 {
        // Non-empty: empty input is valid (empty) wat text.
        let len = 1 + rng.below(64);
        inputs.push((format!("random #{i}"), rng.bytes(len)));
        let len = rng.below(48);
        inputs.push((
            format!("header + random #{i}"),
            [&header[..], &rng.bytes(len)].concat(),
        ));
    }

    for (what, bytes) in &inputs {
        match compile_must_not_panic(&engine, bytes, what) {
            Err(Error::InvalidModule { offset, message }) => {
                assert!(!message.is_empty(), "{what}: empty message");
                assert!(
                    offset <= bytes.len().max(8),
                    "{what}: offset {offset} past the end"
                );
            }
            Err(other) => panic!("{what}: expected InvalidModule, got {other:?}"),
            Ok(_) => panic!("{what}: garbage was accepted as a module: {bytes:02x?}"),
        }
    }
}

#[test]
fn truncated_and_corrupted_modules_never_panic() {
    let engine = Engine::default();
    let sample = sample_binary();
    assert!(
        Module::new(&engine, &sample).is_ok(),
        "the sample itself is valid"
    );

    // Every proper prefix of a valid module is malformed, except those
    // that end exactly at a section boundary before the function section
    // (a module may stop after any section as long as the function and
    // code sections agree).
    let mut rejected = 0;
    for len in 0..sample.len() {
        let what = format!("prefix of {len} bytes");
        match compile_must_not_panic(&engine, &sample[..len], &what) {
            Err(Error::InvalidModule { .. }) => rejected += 1,
            Err(other) => panic!("{what}: expected InvalidModule, got {other:?}"),
            Ok(_) => {}
        }
    }
    assert!(
        rejected + 8 >= sample.len(),
        "only {rejected} of {} prefixes were rejected",
        sample.len()
    );

    // Random corruptions may or may not stay valid; either way the engine
    // must answer, and a module it accepts must instantiate or fail cleanly.
    let mut rng = XorShift(0xdead_beef_0bad_f00d);
    let mut store = Store::new(&engine, ());
    let host_f = Func::wrap(&mut store, |_: i32| {});
    for i in 0..200 {
        let mut bytes = sample.clone();
        for _ in 0..1 + rng.below(3) {
            let at = 8 + rng.below(bytes.len() - 8); // keep the header
            bytes[at] = match rng.below(3) {
                0 => bytes[at] ^ (1 << rng.below(8)),
                1 => rng.next() as u8,
                _ => 0xff,
            };
        }
        let what = format!("corruption #{i}");
        match compile_must_not_panic(&engine, &bytes, &what) {
            // A corrupted byte may also form an instruction of a proposal
            // Flint does not support (exceptions, say).
            Err(Error::InvalidModule { .. } | Error::Unsupported { .. }) => {}
            Err(other) => panic!("{what}: expected InvalidModule, got {other:?}"),
            Ok(m) => {
                // Whatever it became, instantiating reports rather than
                // panics (a link error if the import's type was changed).
                let imports: Vec<Extern> = m
                    .imports()
                    .iter()
                    .filter(|i| matches!(i.ty, ExternType::Func(_)))
                    .map(|_| host_f.into())
                    .collect();
                let _ = Instance::new(&mut store, &m, &imports);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Linking
// ---------------------------------------------------------------------------

#[test]
fn missing_and_mismatched_imports_are_link_errors() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "f" (func (param i32) (result i32)))
             (func (export "g") (result i32) (call 0 (i32.const 1))))"#,
    )
    .unwrap();
    let is_link = |r: Result<Instance>, what: &str| {
        let err = expect_err(r, what);
        assert!(matches!(err, Error::Link(_)), "{what}: {err:?}");
    };

    let mut store = Store::new(&engine, ());
    // Nothing defined.
    is_link(
        Linker::new(&engine).instantiate(&mut store, &m),
        "missing import",
    );
    is_link(Instance::new(&mut store, &m, &[]), "no positional imports");

    // Right name, wrong function type.
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "f", |x: i64| x).unwrap();
    is_link(linker.instantiate(&mut store, &m), "wrong param type");
    // The linker refuses it before any store is involved.
    is_link(
        linker.instantiate_pre(&m).map(|_| unreachable!()),
        "wrong param type, pre",
    );
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "f", |_: i32| {}).unwrap();
    is_link(linker.instantiate(&mut store, &m), "missing result");

    // Right name, wrong kind of extern.
    let g = Global::new(
        &mut store,
        GlobalType {
            content: ValType::I32,
            mutable: false,
        },
        Val::I32(0),
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.define(&store, "env", "f", g).unwrap();
    is_link(linker.instantiate(&mut store, &m), "global for a function");
    is_link(
        Instance::new(&mut store, &m, &[g.into()]),
        "positional global for a function",
    );

    // Too many positional imports.
    let ok = Func::wrap(&mut store, |x: i32| x + 1);
    is_link(
        Instance::new(&mut store, &m, &[ok.into(), ok.into()]),
        "extra import",
    );

    // And the right one links and runs.
    let inst = Instance::new(&mut store, &m, &[ok.into()]).unwrap();
    let g_func = inst.get_typed_func::<(), i32>(&mut store, "g").unwrap();
    assert_eq!(g_func.call(&mut store, ()).unwrap(), 2);

    // Memories and globals are checked too: too small, mutability differs.
    let m = Module::new(
        &engine,
        r#"(module (import "env" "mem" (memory 2))
                   (import "env" "g" (global (mut i32))))"#,
    )
    .unwrap();
    let small = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
    let big = Memory::new(&mut store, MemoryType::new(2, None)).unwrap();
    let immutable = Global::new(
        &mut store,
        GlobalType {
            content: ValType::I32,
            mutable: false,
        },
        Val::I32(0),
    )
    .unwrap();
    let mutable = Global::new(
        &mut store,
        GlobalType {
            content: ValType::I32,
            mutable: true,
        },
        Val::I32(0),
    )
    .unwrap();
    is_link(
        Instance::new(&mut store, &m, &[small.into(), mutable.into()]),
        "memory too small",
    );
    is_link(
        Instance::new(&mut store, &m, &[big.into(), immutable.into()]),
        "global mutability",
    );
    assert!(Instance::new(&mut store, &m, &[big.into(), mutable.into()]).is_ok());

    // Items of another store are refused, positionally and by a linker.
    let mut other = Store::new(&engine, ());
    let foreign = Memory::new(&mut other, MemoryType::new(2, None)).unwrap();
    let err = expect_err(
        Instance::new(&mut store, &m, &[foreign.into(), mutable.into()]),
        "memory of another store",
    );
    assert!(matches!(err, Error::Usage(_)), "{err:?}");
    let err = expect_err(
        Linker::new(&engine)
            .define(&store, "env", "mem", foreign)
            .map(drop),
        "linker item of another store",
    );
    assert!(matches!(err, Error::Usage(_)), "{err:?}");
}

#[test]
fn host_function_results_of_the_wrong_type_are_an_error() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let liar = Func::new(
        &mut store,
        FuncType::new([], [ValType::I32, ValType::I64]),
        |_, _, results| {
            results[0] = Val::I32(1);
            results[1] = Val::F32(0);
            Ok(())
        },
    );
    // Called from the host, directly and typed (which would otherwise read
    // an f32 as an i64), as from wasm: the same error.
    let expected = "host function returned f32 for a result of type i64";
    let host_message = |err: Error| match err {
        Error::Trap(t) => t.host_message.unwrap_or_default(),
        other => panic!("expected a trap, got {other:?}"),
    };
    assert_eq!(
        host_message(call(&mut store, liar, &[]).unwrap_err()),
        expected
    );
    let typed = liar.typed::<(), (i32, i64)>(&store).unwrap();
    assert_eq!(
        host_message(typed.call(&mut store, ()).unwrap_err()),
        expected
    );
    let m = Module::new(
        &engine,
        r#"(module (import "h" "liar" (func $l (result i32 i64)))
             (func (export "f") (result i32 i64) (call $l)))"#,
    )
    .unwrap();
    let inst = Instance::new(&mut store, &m, &[liar.into()]).unwrap();
    let f = inst.get_func(&mut store, "f").unwrap();
    let err = call(&mut store, f, &[]).unwrap_err();
    assert_eq!(host_message(err), expected);

    // Results of the declared types pass.
    let honest = Func::new(&mut store, FuncType::new([], [ValType::F32]), |_, _, r| {
        r[0] = Val::F32(0x3f80_0000);
        Ok(())
    });
    assert_eq!(
        call(&mut store, honest, &[]).unwrap(),
        vec![Val::F32(0x3f80_0000)]
    );
}

#[test]
fn invalid_text_reports_the_text_error_with_its_position() {
    let engine = Engine::default();
    let text = "(module\n  (func (result i32)\n    i32.const oops))";
    let err = expect_err(Module::new(&engine, text), "bad wat");
    let Error::InvalidModule { message, offset } = &err else {
        panic!("expected InvalidModule, got {err:?}");
    };
    assert!(!message.contains("magic header"), "{message}");
    assert!(message.contains(":3:15"), "line 3, column 15: {message}");
    assert_eq!(*offset, text.find("oops").unwrap(), "{message}");
    // Binary input is still reported as binary.
    let err = expect_err(Module::new(&engine, b"\0wasm\x01\0\0\0"), "bad magic");
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if message.contains("magic header")),
        "{err:?}"
    );
}
