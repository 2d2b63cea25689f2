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
    linker
        .func_wrap("env", "divmod", |a: i64, b: i64| -> (i64, i64) {
            (a / b, a % b)
        })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();

    let spread = inst.get_func(&mut store, "spread").unwrap();
    let got = call(&mut store, spread, &[Val::I32(10)]).unwrap();
    let mut want = vec![
        Val::I32(10),
        Val::I64(10),
        Val::from_f32(10.0),
        Val::from_f64(10.0),
    ];
    want.extend((11..=18).map(Val::I32));
    assert_eq!(got, want);

    let modiv = inst
        .get_typed_func::<(i64, i64), (i64, i64)>(&mut store, "modiv")
        .unwrap();
    assert_eq!(modiv.call(&mut store, (17, 5)).unwrap(), (2, 3));
    assert_eq!(modiv.call(&mut store, (-17, 5)).unwrap(), (-2, -3));
}

// ---------------------------------------------------------------------------
// Reference types
// ---------------------------------------------------------------------------

#[test]
fn externref_round_trips_through_a_table() {
    let (mut store, inst) = instance(
        r#"(module
             (table $t (export "t") 4 externref)
             (func (export "store") (param i32 externref)
               (table.set $t (local.get 0) (local.get 1)))
             (func (export "load") (param i32) (result externref)
               (table.get $t (local.get 0)))
             (func (export "is_null") (param externref) (result i32)
               (ref.is_null (local.get 0))))"#,
    );
    let set = inst.get_func(&mut store, "store").unwrap();
    let load = inst.get_func(&mut store, "load").unwrap();
    let is_null = inst.get_func(&mut store, "is_null").unwrap();

    // A host value goes in, is stored in a table by wasm, and comes back
    // as the very same reference, payload intact.
    let token = ExternRef::new(String::from("host state"));
    call(
        &mut store,
        set,
        &[Val::I32(2), Val::ExternRef(Some(token.clone()))],
    )
    .unwrap();
    let back = call(&mut store, load, &[Val::I32(2)]).unwrap();
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
    let t = inst.get_table(&mut store, "t").unwrap();
    let again = t.get(&store, 2).unwrap();
    let Val::ExternRef(Some(again)) = again else {
        panic!("slot 2 holds the reference")
    };
    assert_eq!(again.data().downcast_ref::<String>().unwrap(), "host state");

    // Null is null on both sides; untouched slots are null.
    assert_eq!(
        call(&mut store, load, &[Val::I32(0)]).unwrap(),
        vec![Val::ExternRef(None)]
    );
    assert_eq!(
        call(&mut store, is_null, &[Val::ExternRef(None)]).unwrap(),
        vec![Val::I32(1)]
    );
    assert_eq!(
        call(&mut store, is_null, &[Val::ExternRef(Some(again))]).unwrap(),
        vec![Val::I32(0)]
    );
    // Out of bounds is a trap, as in the spec.
    assert_eq!(
        trap_code(call(&mut store, load, &[Val::I32(4)]).unwrap_err()),
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
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    // A funcref from wasm is the exported function itself.
    let get_double = inst.get_func(&mut store, "get_double").unwrap();
    let got = call(&mut store, get_double, &[]).unwrap();
    let [Val::FuncRef(Some(f))] = got[..] else {
        panic!("expected a funcref, got {got:?}")
    };
    assert_eq!(f, inst.get_func(&mut store, "double").unwrap());
    assert_ne!(f, get_double);
    assert_eq!(
        call(&mut store, f, &[Val::I32(21)]).unwrap(),
        vec![Val::I32(42)]
    );
    // A host function passed in as a funcref is callable through a table.
    let add_one = Func::wrap(&mut store, |x: i32| x + 1);
    let apply = inst.get_func(&mut store, "apply").unwrap();
    let r = call(
        &mut store,
        apply,
        &[Val::FuncRef(Some(add_one)), Val::I32(41)],
    )
    .unwrap();
    assert_eq!(r, vec![Val::I32(42)]);
}

#[test]
fn an_imported_function_is_the_same_func_everywhere() {
    // However wasm hands it back (re-exported, as `ref.func` of the import,
    // through a table), an imported function is the very `Func` that was
    // imported: a host function and another instance's export alike.
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "f" (func $f (result i32)))
             (export "again" (func $f))
             (table (export "t") 1 funcref)
             (elem (i32.const 0) func $f)
             (func (export "get") (result funcref) (ref.func $f)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let host = Func::wrap(&mut store, || 5);
    let lib = Instance::new(
        &mut store,
        &Module::new(
            &engine,
            r#"(module (func (export "six") (result i32) (i32.const 6)))"#,
        )
        .unwrap(),
        &[],
    )
    .unwrap();
    let six = lib.get_func(&mut store, "six").unwrap();
    for (f, value) in [(host, 5), (six, 6)] {
        let inst = Instance::new(&mut store, &m, &[f.into()]).unwrap();
        assert_eq!(inst.get_func(&mut store, "again"), Some(f));
        let get = inst.get_func(&mut store, "get").unwrap();
        assert_eq!(
            call(&mut store, get, &[]).unwrap(),
            vec![Val::FuncRef(Some(f))]
        );
        let t = inst.get_table(&mut store, "t").unwrap();
        assert_eq!(t.get(&store, 0), Some(Val::FuncRef(Some(f))));
        let again = inst.get_typed_func::<(), i32>(&mut store, "again").unwrap();
        assert_eq!(again.call(&mut store, ()).unwrap(), value);
    }
}

/// Every function a store's wasm can reach is the store's: a funcref of
/// another store (here, of another engine too) is refused at the boundary
/// with a usage error, not passed on for `call_indirect` to trust. Within
/// one store, `call_indirect` checks a funcref's type as for any other
/// function: right type called, wrong type trapped.
#[test]
fn funcrefs_of_another_store_are_refused_and_types_are_checked() {
    const LIB: &str = r#"(module
         (func (export "seven") (result i64) (i64.const 7))
         (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))"#;
    const APPLY: &str = r#"(module
         (type $i_i (func (param i32) (result i32)))
         (table $t (export "t") 1 funcref)
         (global (export "g") (mut funcref) (ref.null func))
         (func (export "apply") (param funcref i32) (result i32)
           (table.set $t (i32.const 0) (local.get 0))
           (call_indirect $t (type $i_i) (local.get 1) (i32.const 0))))"#;
    let other = Engine::default();
    let mut other_store = Store::new(&other, ());
    let other_inst =
        Instance::new(&mut other_store, &Module::new(&other, LIB).unwrap(), &[]).unwrap();
    let foreign_inc = other_inst.get_func(&mut other_store, "inc").unwrap();

    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &Module::new(&engine, APPLY).unwrap(), &[]).unwrap();
    let apply = inst.get_func(&mut store, "apply").unwrap();
    let usage = |r: Result<()>, what: &str| {
        let err = expect_err(r, what);
        assert!(matches!(err, Error::Usage(_)), "{what}: {err:?}");
    };
    usage(
        call(
            &mut store,
            apply,
            &[Val::FuncRef(Some(foreign_inc)), Val::I32(41)],
        )
        .map(drop),
        "argument of another store",
    );
    let typed = apply.typed::<(Option<Func>, i32), i32>(&store).unwrap();
    usage(
        typed.call(&mut store, (Some(foreign_inc), 41)).map(drop),
        "typed argument of another store",
    );
    let t = inst.get_table(&mut store, "t").unwrap();
    usage(
        t.set(&mut store, 0, Val::FuncRef(Some(foreign_inc))),
        "table element of another store",
    );
    let g = inst.get_global(&mut store, "g").unwrap();
    usage(
        g.set(&mut store, Val::FuncRef(Some(foreign_inc))),
        "global value of another store",
    );
    // Nothing was stored.
    assert_eq!(t.get(&store, 0), Some(Val::FuncRef(None)));
    assert_eq!(g.get(&store), Val::FuncRef(None));
    // Nor can a module of another engine be instantiated in the store.
    let foreign_module = Module::new(&other, LIB).unwrap();
    usage(
        Instance::new(&mut store, &foreign_module, &[]).map(drop),
        "module of another engine",
    );

    // The same functions, of this store.
    let lib = Instance::new(&mut store, &Module::new(&engine, LIB).unwrap(), &[]).unwrap();
    let inc = lib.get_func(&mut store, "inc").unwrap();
    assert_eq!(
        call(&mut store, apply, &[Val::FuncRef(Some(inc)), Val::I32(41)]).unwrap(),
        vec![Val::I32(42)]
    );
    let seven = lib.get_func(&mut store, "seven").unwrap();
    let err = expect_err(
        call(
            &mut store,
            apply,
            &[Val::FuncRef(Some(seven)), Val::I32(41)],
        ),
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
    let host_error = |e: Error| Error::from(Trap::host(e.to_string()));
    let mut store = Store::new(&engine, ());
    let sum = Func::new(&mut store, ty, move |mut caller, args, results| {
        let memory = caller
            .get_export("mem")
            .and_then(Extern::into_memory)
            .ok_or_else(|| Trap::host("no memory"))?;
        let (ptr, len) = (args[0].unwrap_i32() as usize, args[1].unwrap_i32() as usize);
        let mut buf = vec![0u8; len];
        memory.read(&caller, ptr, &mut buf).map_err(host_error)?;
        // Write back, to show the access is the caller's own memory.
        memory.write(&mut caller, 0, &[0xAA]).map_err(host_error)?;
        results[0] = Val::I32(buf.iter().map(|&b| b as i32).sum());
        Ok(())
    });
    let mut linker = Linker::new(&engine);
    linker.define(&store, "host", "sum_bytes", sum).unwrap();
    let a = linker.instantiate(&mut store, &m).unwrap();
    let b = linker.instantiate(&mut store, &m).unwrap();
    let run = a.get_typed_func::<(), i32>(&mut store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), 15);
    let mut first = [0u8];
    let mem_a = a.get_memory(&mut store, "mem").unwrap();
    mem_a.read(&store, 0, &mut first).unwrap();
    assert_eq!(first, [0xAA]);
    // The other instance's memory was not touched by the first call.
    let mem_b = b.get_memory(&mut store, "mem").unwrap();
    mem_b.read(&store, 0, &mut first).unwrap();
    assert_eq!(first, [0]);
    // Called from the host directly, there is no calling instance.
    let err = call(&mut store, sum, &[Val::I32(0), Val::I32(1)]).unwrap_err();
    assert!(matches!(err, Error::Trap(_)), "{err:?}");
}
