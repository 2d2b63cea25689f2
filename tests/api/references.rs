//! Values that cross the host boundary beyond plain numbers: multiple
//! results, `externref` and `funcref` (type-checked across engines), and
//! host functions that reach the calling instance's memory.

use super::*;

#[test]
fn multi_value_across_the_host_boundary() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "divmod" (func $divmod (param i64 i64) (result i64 i64)))
             ;; Several results of mixed classes, more than the registers a
             ;; label keeps, from wasm to the host.
             (func (export "spread") (param i32) (result i32 i64 f32 f64 i32 i32 i32 i32 i32 i32 i32 i32)
               (local.get 0) (i64.extend_i32_s (local.get 0))
               (f32.convert_i32_s (local.get 0)) (f64.convert_i32_s (local.get 0))
               (i32.add (local.get 0) (i32.const 1)) (i32.add (local.get 0) (i32.const 2))
               (i32.add (local.get 0) (i32.const 3)) (i32.add (local.get 0) (i32.const 4))
               (i32.add (local.get 0) (i32.const 5)) (i32.add (local.get 0) (i32.const 6))
               (i32.add (local.get 0) (i32.const 7)) (i32.add (local.get 0) (i32.const 8)))
             ;; A host function with two results, called from wasm, its
             ;; results swapped by a multi-value block.
             (func (export "modiv") (param i64 i64) (result i64 i64)
               (call $divmod (local.get 0) (local.get 1))
               (block (param i64 i64) (result i64 i64)
                 (local.set 0) (local.set 1) (local.get 0) (local.get 1))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "divmod", |a: i64, b: i64| -> (i64, i64) {
        (a / b, a % b)
    });
    let inst = linker.instantiate(&m).unwrap();

    let spread = inst.get_func("spread").unwrap();
    let got = spread.call(&[Val::I32(10)]).unwrap();
    let mut want = vec![
        Val::I32(10),
        Val::I64(10),
        Val::from_f32(10.0),
        Val::from_f64(10.0),
    ];
    want.extend((11..=18).map(Val::I32));
    assert_eq!(got, want);

    let modiv = inst
        .get_typed_func::<(i64, i64), (i64, i64)>("modiv")
        .unwrap();
    assert_eq!(modiv.call((17, 5)).unwrap(), (2, 3));
    assert_eq!(modiv.call((-17, 5)).unwrap(), (-2, -3));
}

// ---------------------------------------------------------------------------
// Reference types
// ---------------------------------------------------------------------------

#[test]
fn externref_round_trips_through_a_table() {
    let inst = instance(
        r#"(module
             (table $t (export "t") 4 externref)
             (func (export "store") (param i32 externref)
               (table.set $t (local.get 0) (local.get 1)))
             (func (export "load") (param i32) (result externref)
               (table.get $t (local.get 0)))
             (func (export "is_null") (param externref) (result i32)
               (ref.is_null (local.get 0))))"#,
    );
    let store = inst.get_func("store").unwrap();
    let load = inst.get_func("load").unwrap();
    let is_null = inst.get_func("is_null").unwrap();

    // A host value goes in, is stored in a table by wasm, and comes back
    // as the very same reference, payload intact.
    let token = ExternRef::new(String::from("host state"));
    store
        .call(&[Val::I32(2), Val::ExternRef(Some(token.clone()))])
        .unwrap();
    drop(store);
    let back = load.call(&[Val::I32(2)]).unwrap();
    let [Val::ExternRef(Some(got))] = &back[..] else {
        panic!("expected an externref, got {back:?}")
    };
    assert!(
        ExternRef::ptr_eq(got, &token),
        "the same reference comes back"
    );
    assert_eq!(got.data().downcast_ref::<String>().unwrap(), "host state");

    // The table holds it: the host's handle can go, the value stays.
    drop(token);
    let again = inst.get_table("t").unwrap().get(2).unwrap();
    let Val::ExternRef(Some(again)) = again else {
        panic!("slot 2 holds the reference")
    };
    assert_eq!(again.data().downcast_ref::<String>().unwrap(), "host state");

    // Null is null on both sides; untouched slots are null.
    assert_eq!(
        load.call(&[Val::I32(0)]).unwrap(),
        vec![Val::ExternRef(None)]
    );
    assert_eq!(
        is_null.call(&[Val::ExternRef(None)]).unwrap(),
        vec![Val::I32(1)]
    );
    assert_eq!(
        is_null.call(&[Val::ExternRef(Some(again))]).unwrap(),
        vec![Val::I32(0)]
    );
    // Out of bounds is a trap, as in the spec.
    assert_eq!(
        trap_code(load.call(&[Val::I32(4)]).unwrap_err()),
        TrapCode::TableAccessOutOfBounds
    );
}

#[test]
fn funcrefs_cross_the_host_boundary() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (type $i_i (func (param i32) (result i32)))
             (table $t 2 funcref)
             (func $double (export "double") (type $i_i) (i32.mul (local.get 0) (i32.const 2)))
             (elem declare func $double)
             (func (export "get_double") (result funcref) (ref.func $double))
             (func (export "apply") (param funcref i32) (result i32)
               (table.set $t (i32.const 0) (local.get 0))
               (call_indirect $t (type $i_i) (local.get 1) (i32.const 0))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[]).unwrap();
    // A funcref from wasm is the exported function itself.
    let got = inst.get_func("get_double").unwrap().call(&[]).unwrap();
    let [Val::FuncRef(Some(f))] = &got[..] else {
        panic!("expected a funcref, got {got:?}")
    };
    assert!(Func::ptr_eq(f, &inst.get_func("double").unwrap()));
    assert_eq!(f.call(&[Val::I32(21)]).unwrap(), vec![Val::I32(42)]);
    // A host function passed in as a funcref is callable through a table.
    let add_one = Func::wrap(&engine, |x: i32| x + 1);
    let apply = inst.get_func("apply").unwrap();
    let r = apply
        .call(&[Val::FuncRef(Some(add_one)), Val::I32(41)])
        .unwrap();
    assert_eq!(r, vec![Val::I32(42)]);
}

/// A funcref may come from a module compiled by another engine. Signature
/// ids are process-wide, so `call_indirect` checks its type as for any
/// other function: right type called, wrong type trapped. (With ids per
/// engine, both engines below would give their first type id 0, and the
/// `() -> i64` function would have passed as an `i32 -> i32` one.)
#[test]
fn funcrefs_from_another_engine_are_type_checked() {
    let other = Engine::default();
    let other_module = Module::new(
        &other,
        r#"(module
             (func (export "seven") (result i64) (i64.const 7))
             (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))"#,
    )
    .unwrap();
    let other_inst = Instance::new(&other_module, &[]).unwrap();
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (type $i_i (func (param i32) (result i32)))
             (table $t 1 funcref)
             (func (export "apply") (param funcref i32) (result i32)
               (table.set $t (i32.const 0) (local.get 0))
               (call_indirect $t (type $i_i) (local.get 1) (i32.const 0))))"#,
    )
    .unwrap();
    let apply = Instance::new(&m, &[]).unwrap().get_func("apply").unwrap();
    let inc = other_inst.get_func("inc").unwrap();
    assert_eq!(
        apply
            .call(&[Val::FuncRef(Some(inc)), Val::I32(41)])
            .unwrap(),
        vec![Val::I32(42)]
    );
    let seven = other_inst.get_func("seven").unwrap();
    let err = expect_err(
        apply.call(&[Val::FuncRef(Some(seven)), Val::I32(41)]),
        "calling () -> i64 as i32 -> i32",
    );
    assert_eq!(trap_code(err), TrapCode::IndirectCallTypeMismatch);
}

#[test]
fn host_functions_see_the_calling_instance_memory() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "sum_bytes" (func $sum (param i32 i32) (result i32)))
             (memory (export "mem") 1)
             (data (i32.const 100) "\01\02\03\04\05")
             (func (export "run") (result i32) (call $sum (i32.const 100) (i32.const 5))))"#,
    )
    .unwrap();
    let ty = FuncType::new([ValType::I32, ValType::I32], [ValType::I32]);
    let sum = Func::new_with_caller(&engine, ty, |caller, args, results| {
        let memory = caller.memory().ok_or_else(|| Trap::host("no memory"))?;
        let (ptr, len) = (args[0].unwrap_i32() as usize, args[1].unwrap_i32() as usize);
        let mut buf = vec![0u8; len];
        memory
            .read(ptr, &mut buf)
            .map_err(|e| Trap::host(e.to_string()))?;
        // Write back, to show the access is the caller's own memory.
        memory
            .write(0, &[0xAA])
            .map_err(|e| Trap::host(e.to_string()))?;
        results[0] = Val::I32(buf.iter().map(|&b| b as i32).sum());
        Ok(())
    });
    let mut linker = Linker::new(&engine);
    linker.define("host", "sum_bytes", sum.clone());
    let a = linker.instantiate(&m).unwrap();
    let b = linker.instantiate(&m).unwrap();
    assert_eq!(
        a.get_typed_func::<(), i32>("run")
            .unwrap()
            .call(())
            .unwrap(),
        15
    );
    let mut first = [0u8];
    a.get_memory("mem").unwrap().read(0, &mut first).unwrap();
    assert_eq!(first, [0xAA]);
    // The other instance's memory was not touched by the first call.
    b.get_memory("mem").unwrap().read(0, &mut first).unwrap();
    assert_eq!(first, [0]);
    // Called from the host directly, there is no calling instance.
    let err = sum.call(&[Val::I32(0), Val::I32(1)]).unwrap_err();
    assert!(matches!(err, Error::Trap(_)), "{err:?}");
}
