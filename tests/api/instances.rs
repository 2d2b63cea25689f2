//! Modules and instances, host functions, and calls into wasm (typed and
//! dynamic): the basic embedding contract. Instances of one module are
//! isolated, host closures keep their state, and calls check arity and types.

use super::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

const COUNTER: &str = r#"
(module
  (memory (export "mem") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "bump") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (global.get $g)))
"#;

#[test]
fn one_module_many_isolated_instances() {
    // Compile once: the machine code is shared by every instance; each
    // instance gets its own memory, globals and tables, also when the
    // instances share a store.
    let module = module(COUNTER);
    let mut store = Store::new(module.engine(), ());
    let a = Instance::new(&mut store, &module, &[]).unwrap();
    let b = Instance::new(&mut store, &module, &[]).unwrap();
    assert_ne!(a, b);

    let store_a = a
        .get_typed_func::<(i32, i32), ()>(&mut store, "store")
        .unwrap();
    let load_a = a.get_typed_func::<i32, i32>(&mut store, "load").unwrap();
    let load_b = b.get_typed_func::<i32, i32>(&mut store, "load").unwrap();
    store_a.call(&mut store, (16, 42)).unwrap();
    assert_eq!(load_a.call(&mut store, 16).unwrap(), 42);
    assert_eq!(
        load_b.call(&mut store, 16).unwrap(),
        0,
        "instance b saw a's memory write"
    );

    let bump_a = a.get_typed_func::<(), i32>(&mut store, "bump").unwrap();
    let bump_b = b.get_typed_func::<(), i32>(&mut store, "bump").unwrap();
    assert_eq!(bump_a.call(&mut store, ()).unwrap(), 1);
    assert_eq!(bump_a.call(&mut store, ()).unwrap(), 2);
    assert_eq!(
        bump_b.call(&mut store, ()).unwrap(),
        1,
        "instance b saw a's global"
    );

    // An instance of another store of the same module is isolated too.
    let mut other = Store::new(module.engine(), ());
    let c = Instance::new(&mut other, &module, &[]).unwrap();
    let bump_c = c.get_typed_func::<(), i32>(&mut other, "bump").unwrap();
    assert_eq!(bump_c.call(&mut other, ()).unwrap(), 1);
    assert_eq!(bump_a.call(&mut store, ()).unwrap(), 3);
}

#[test]
fn module_reports_imports_and_exports() {
    let m = module(
        r#"(module
             (import "env" "f" (func (param i32) (result i64)))
             (import "env" "m" (memory 1 2))
             (global (export "g") f64 (f64.const 1))
             (func (export "h")))"#,
    );
    let imports = m.imports();
    assert_eq!(imports.len(), 2);
    assert_eq!(
        (imports[0].module.as_str(), imports[0].name.as_str()),
        ("env", "f")
    );
    assert_eq!(
        imports[0].ty,
        ExternType::Func(FuncType::new([ValType::I32], [ValType::I64]))
    );
    assert_eq!(
        imports[1].ty,
        ExternType::Memory(MemoryType::new(1, Some(2)))
    );
    let exports: Vec<String> = m.exports().into_iter().map(|e| e.name).collect();
    assert_eq!(exports, ["g", "h"]);
}

// ---------------------------------------------------------------------------
// Host functions
// ---------------------------------------------------------------------------

#[test]
fn host_closure_with_captured_state() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "add" (func $add (param i32 i32) (result i32)))
             (import "env" "scale" (func $scale (param f64) (result f64)))
             ;; sum of add(i, i) for i in 0..n, through the host every time
             (func (export "sum") (param $n i32) (result i32) (local $acc i32)
               (block $done
                 (loop $next
                   (br_if $done (i32.eqz (local.get $n)))
                   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                   (local.set $acc
                     (i32.add (local.get $acc) (call $add (local.get $n) (local.get $n))))
                   (br $next)))
               (local.get $acc))
             (func (export "scaled") (param f64) (result f64) (call $scale (local.get 0))))"#,
    )
    .unwrap();

    // Host closures are `Send + Sync` (their store may move to another
    // thread): captured state is shared through an `Arc`. State of one
    // store goes in the store's data, which the closure reaches through
    // its `Caller`.
    let calls = Arc::new(AtomicU32::new(0));
    let seen = calls.clone();
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap(
            "env",
            "add",
            move |mut caller: Caller<'_, u32>, a: i32, b: i32| -> i32 {
                seen.fetch_add(1, Ordering::Relaxed);
                *caller.data_mut() += 1;
                a + b
            },
        )
        .unwrap();
    // The dynamically typed flavour: arguments and results as `Val`s.
    let factor = 2.5;
    linker
        .func_new(
            "env",
            "scale",
            FuncType::new([ValType::F64], [ValType::F64]),
            move |_, args, results| {
                results[0] = Val::from_f64(args[0].unwrap_f64() * factor);
                Ok(())
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, 0u32);
    let inst = linker.instantiate(&mut store, &m).unwrap();

    let sum = inst.get_typed_func::<i32, i32>(&mut store, "sum").unwrap();
    assert_eq!(sum.call(&mut store, 10).unwrap(), 90); // 2 * (0 + 1 + ... + 9)
    assert_eq!(calls.load(Ordering::Relaxed), 10);
    assert_eq!(*store.data(), 10);
    assert_eq!(sum.call(&mut store, 3).unwrap(), 6);
    assert_eq!(
        calls.load(Ordering::Relaxed),
        13,
        "state captured by the closure persists"
    );
    assert_eq!(*store.data(), 13, "the store's data persists");

    // Another store of the linker's: the same closure (captured state
    // shared), its own data.
    let mut other = Store::new(&engine, 100u32);
    let inst2 = linker.instantiate(&mut other, &m).unwrap();
    let sum2 = inst2.get_typed_func::<i32, i32>(&mut other, "sum").unwrap();
    assert_eq!(sum2.call(&mut other, 2).unwrap(), 2);
    assert_eq!(calls.load(Ordering::Relaxed), 15);
    assert_eq!((*store.data(), *other.data()), (13, 102));

    let scaled = inst
        .get_typed_func::<f64, f64>(&mut store, "scaled")
        .unwrap();
    assert_eq!(scaled.call(&mut store, 4.0).unwrap(), 10.0);
}

#[test]
fn host_error_traps_the_wasm_caller() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "check" (func $check (param i32) (result i32)))
             (func (export "run") (param i32) (result i32)
               (i32.add (call $check (local.get 0)) (i32.const 1))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("env", "check", |x: i32| -> std::result::Result<i32, Trap> {
            if x < 0 {
                Err(Trap::host(format!("negative input {x}")))
            } else {
                Ok(x * 2)
            }
        })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<i32, i32>(&mut store, "run").unwrap();

    match run.call(&mut store, -3) {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.code, TrapCode::HostError);
            assert_eq!(trap.host_message.as_deref(), Some("negative input -3"));
        }
        other => panic!("expected a host trap, got {other:?}"),
    }
    // The unwind through the wasm frame left the instance intact.
    assert_eq!(run.call(&mut store, 20).unwrap(), 41);
}

#[test]
fn host_func_created_with_func_new_and_wrap_outside_a_linker() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "a" "neg" (func $neg (param i64) (result i64)))
             (import "a" "nop" (func $nop))
             (func (export "f") (param i64) (result i64) (call $nop) (call $neg (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let neg = Func::wrap(&mut store, |x: i64| -x);
    assert_eq!(
        neg.ty(&store),
        FuncType::new([ValType::I64], [ValType::I64])
    );
    let nop = Func::new(&mut store, FuncType::new([], []), |_, _, _| Ok(()));
    // Instance::new takes imports positionally, in the module's order.
    let inst = Instance::new(&mut store, &m, &[neg.into(), nop.into()]).unwrap();
    let f = inst.get_typed_func::<i64, i64>(&mut store, "f").unwrap();
    assert_eq!(f.call(&mut store, 7).unwrap(), -7);
    // Host functions are callable from the host too, dynamically and typed.
    assert_eq!(
        call(&mut store, neg, &[Val::I64(5)]).unwrap(),
        vec![Val::I64(-5)]
    );
    let typed = neg.typed::<i64, i64>(&store).unwrap();
    assert_eq!(typed.call(&mut store, 6).unwrap(), -6);
}

#[test]
fn instances_link_to_each_other() {
    let engine = Engine::default();
    let lib = Module::new(
        &engine,
        r#"(module (func (export "double") (param i32) (result i32)
                     (i32.mul (local.get 0) (i32.const 2))))"#,
    )
    .unwrap();
    let app = Module::new(
        &engine,
        r#"(module (import "lib" "double" (func $d (param i32) (result i32)))
                   (func (export "quad") (param i32) (result i32)
                     (call $d (call $d (local.get 0)))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let lib_inst = linker.instantiate(&mut store, &lib).unwrap();
    linker.instance(&mut store, "lib", lib_inst).unwrap();
    let app_inst = linker.instantiate(&mut store, &app).unwrap();
    let quad = app_inst
        .get_typed_func::<i32, i32>(&mut store, "quad")
        .unwrap();
    assert_eq!(quad.call(&mut store, 5).unwrap(), 20);
    // Defining a name twice is an error unless shadowing is allowed.
    let err = expect_err(
        linker.instance(&mut store, "lib", lib_inst).map(|_| ()),
        "lib defined twice",
    );
    assert!(matches!(err, Error::Link(_)), "{err:?}");
    linker.allow_shadowing(true);
    linker.instance(&mut store, "lib", lib_inst).unwrap();
}

// ---------------------------------------------------------------------------
// Calls: typed and dynamic
// ---------------------------------------------------------------------------

const MIXED: &str = r#"
(module
  (func (export "mix") (param i32 i64 f32 f64) (result f64)
    (f64.add
      (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
      (f64.add (f64.promote_f32 (local.get 2)) (local.get 3))))
  (func (export "nothing")))
"#;

#[test]
fn typed_calls() {
    let (mut store, inst) = instance(MIXED);
    let mix = inst
        .get_typed_func::<(i32, i64, f32, f64), f64>(&mut store, "mix")
        .unwrap();
    assert_eq!(mix.call(&mut store, (1, -2, 0.5, 0.25)).unwrap(), -0.25);
    let nothing = inst
        .get_typed_func::<(), ()>(&mut store, "nothing")
        .unwrap();
    nothing.call(&mut store, ()).unwrap();

    // The same through `Func::typed`.
    let f = inst.get_func(&mut store, "mix").unwrap();
    let mix2 = f.typed::<(i32, i64, f32, f64), f64>(&store).unwrap();
    assert_eq!(mix2.call(&mut store, (10, 20, 0.0, 0.0)).unwrap(), 30.0);

    // A typed view with the wrong signature is refused up front.
    let wrong = expect_err(
        inst.get_typed_func::<(i32, i32), f64>(&mut store, "mix"),
        "typed",
    );
    assert!(matches!(wrong, Error::Usage(_)), "{wrong:?}");
    let wrong = expect_err(f.typed::<(i32, i64, f32, f64), i32>(&store), "typed");
    assert!(matches!(wrong, Error::Usage(_)), "{wrong:?}");
    // Unknown exports are not functions.
    assert!(inst.get_func(&mut store, "missing").is_none());
    assert!(inst
        .get_typed_func::<(), ()>(&mut store, "missing")
        .is_err());
}

#[test]
fn dynamic_calls_check_arity_and_types() {
    let (mut store, inst) = instance(MIXED);
    let mix = inst.get_func(&mut store, "mix").unwrap();
    let args = [
        Val::I32(1),
        Val::I64(2),
        Val::from_f32(3.0),
        Val::from_f64(4.0),
    ];
    assert_eq!(
        call(&mut store, mix, &args).unwrap(),
        vec![Val::from_f64(10.0)]
    );

    let one_extra = [&args[..], &[Val::I32(0)]].concat();
    let bad_calls: [&[Val]; 4] = [
        &[],        // too few
        &args[..3], // one short
        &one_extra, // one extra
        &[
            Val::I64(1),
            Val::I64(2),
            Val::from_f32(3.0),
            Val::from_f64(4.0),
        ], // wrong type
    ];
    for bad in bad_calls {
        let err = expect_err(call(&mut store, mix, bad), "bad dynamic call");
        assert!(matches!(err, Error::Usage(_)), "{bad:?}: {err:?}");
    }
    // The results buffer must have one slot per result.
    for room in [0, 2] {
        let mut results = vec![Val::I32(0); room];
        let err = expect_err(
            mix.call(&mut store, &args, &mut results),
            "wrong room for results",
        );
        assert!(matches!(err, Error::Usage(_)), "{room}: {err:?}");
    }
    // Misuse did not disturb anything.
    assert_eq!(
        call(&mut store, mix, &args).unwrap(),
        vec![Val::from_f64(10.0)]
    );
}

#[test]
fn v128_values_cross_the_host_boundary() {
    // Vectors go both ways as `Val::V128` / `u128`: wasm calling a host
    // closure with v128 arguments and results (typed and dynamic), the host
    // calling wasm, and a v128 global read and written from outside.
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "swap_halves" (func $swap (param i32 v128 f64) (result v128)))
             (import "env" "pair" (func $pair (param v128) (result v128 i32 v128)))
             (global (export "g") (mut v128) (v128.const i64x2 1 2))
             (func (export "via_host") (param v128) (result v128)
               (call $swap (i32.const 7) (local.get 0) (f64.const 0.5)))
             (func (export "pair") (param v128) (result v128 i32 v128)
               (call $pair (local.get 0)))
             (func (export "read_g") (result v128) (global.get 0)))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("env", "swap_halves", |k: i32, v: u128, x: f64| -> u128 {
            assert_eq!(
                (k, x),
                (7, 0.5),
                "the scalars around the vector arrive intact"
            );
            v.rotate_left(64)
        })
        .unwrap();
    linker
        .func_new(
            "env",
            "pair",
            FuncType::new(
                [ValType::V128],
                [ValType::V128, ValType::I32, ValType::V128],
            ),
            |_, args, results| {
                let v = args[0].unwrap_v128();
                results[0] = Val::V128(!v);
                results[1] = Val::I32(-3);
                results[2] = Val::V128(v.swap_bytes());
                Ok(())
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();

    let v: u128 = 0x0011_2233_4455_6677_8899_aabb_ccdd_eeff;
    let via_host = inst
        .get_typed_func::<u128, u128>(&mut store, "via_host")
        .unwrap();
    assert_eq!(via_host.call(&mut store, v).unwrap(), v.rotate_left(64));

    let pair = inst.get_func(&mut store, "pair").unwrap();
    assert_eq!(
        call(&mut store, pair, &[Val::V128(v)]).unwrap(),
        vec![Val::V128(!v), Val::I32(-3), Val::V128(v.swap_bytes())]
    );

    let g = inst.get_global(&mut store, "g").unwrap();
    assert_eq!(g.get(&store), Val::V128(2 << 64 | 1));
    g.set(&mut store, Val::V128(v)).unwrap();
    let read_g = inst
        .get_typed_func::<(), u128>(&mut store, "read_g")
        .unwrap();
    assert_eq!(read_g.call(&mut store, ()).unwrap(), v);
    assert!(
        g.set(&mut store, Val::I64(1)).is_err(),
        "a v128 global holds only vectors"
    );
}
