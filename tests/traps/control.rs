//! Control-flow traps: `unreachable`, and `call_indirect` past the table,
//! through a null element or with the wrong signature.

use super::*;

#[test]
fn unreachable_traps() {
    let (mut store, inst) = instance(
        r#"(module
             (func $boom (unreachable))
             (func (export "unreachable") (unreachable))
             (func (export "in a callee") (result i32) (call $boom) (i32.const 1))
             ;; Behind a branch: traps only when the argument is non-zero.
             (func (export "behind a branch") (param i32) (result i32)
               (if (local.get 0) (then (unreachable)))
               (i32.add (local.get 0) (i32.const 10)))
             ;; Deep in a recursion: the unwind skips every frame.
             (func $down (export "at depth") (param i32) (result i32)
               (if (result i32) (i32.eqz (local.get 0))
                 (then (unreachable))
                 (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1)))
                                (i32.const 1))))))"#,
    );
    let f = inst
        .get_typed_func::<(), ()>(&mut store, "unreachable")
        .unwrap();
    assert_trap(f.call(&mut store, ()), UNREACHABLE, "unreachable");
    let f = inst
        .get_typed_func::<(), i32>(&mut store, "in a callee")
        .unwrap();
    assert_trap(f.call(&mut store, ()), UNREACHABLE, "in a callee");
    let f = inst
        .get_typed_func::<i32, i32>(&mut store, "behind a branch")
        .unwrap();
    assert_eq!(f.call(&mut store, 0).unwrap(), 10);
    assert_trap(f.call(&mut store, 1), UNREACHABLE, "behind a taken branch");
    assert_trap(f.call(&mut store, -1), UNREACHABLE, "behind a taken branch");
    assert_eq!(f.call(&mut store, 0).unwrap(), 10);
    let f = inst
        .get_typed_func::<i32, i32>(&mut store, "at depth")
        .unwrap();
    assert_trap(f.call(&mut store, 1000), UNREACHABLE, "at depth 1000");
    assert_trap(f.call(&mut store, 0), UNREACHABLE, "at depth 0");
    assert_eq!(
        inst.get_typed_func::<i32, i32>(&mut store, "behind a branch")
            .unwrap()
            .call(&mut store, 0)
            .unwrap(),
        10
    );
}

// ---------------------------------------------------------------------------
// call_indirect: table bounds, null elements, signature checks
// ---------------------------------------------------------------------------

const INDIRECT: &str = r#"
(module
  (type $i2i (func (param i32) (result i32)))
  (type $i2i_again (func (param i32) (result i32)))
  (type $v2l (func (result i64)))
  (table (export "table") 4 funcref)
  ;; 0: $double, 1: null, 2: $forty_two (another type), 3: $triple (declared
  ;; with a structurally identical type, so it matches $i2i).
  (elem (i32.const 0) $double)
  (elem (i32.const 2) $forty_two $triple)
  (func $double (type $i2i) (i32.mul (local.get 0) (i32.const 2)))
  (func $triple (type $i2i_again) (i32.mul (local.get 0) (i32.const 3)))
  (func $forty_two (type $v2l) (i64.const 42))
  (func (export "call i2i") (param $index i32) (param $x i32) (result i32)
    (call_indirect (type $i2i) (local.get $x) (local.get $index)))
  (func (export "call v2l") (param $index i32) (result i64)
    (call_indirect (type $v2l) (local.get $index)))
  (func (export "call i2i at const 4") (result i32)
    (call_indirect (type $i2i) (i32.const 1) (i32.const 4))))
"#;

#[test]
fn call_indirect_failures() {
    let engine = Engine::default();
    let (mut store, inst) = instance_with(&engine, INDIRECT);
    let call = inst
        .get_typed_func::<(i32, i32), i32>(&mut store, "call i2i")
        .unwrap();
    let call64 = inst
        .get_typed_func::<i32, i64>(&mut store, "call v2l")
        .unwrap();

    assert_eq!(call.call(&mut store, (0, 5)).unwrap(), 10);
    assert_eq!(
        call.call(&mut store, (3, 5)).unwrap(),
        15,
        "identical type, other index"
    );
    assert_eq!(call64.call(&mut store, 2).unwrap(), 42);

    // Index past the end of the table, compared unsigned (-1 is 4294967295,
    // not a negative index).
    for index in [4, 5, 1000, i32::MAX, i32::MIN, -1] {
        assert_trap(
            call.call(&mut store, (index, 5)),
            UNDEFINED_ELEMENT,
            &format!("call i2i at {index}"),
        );
        assert_trap(
            call64.call(&mut store, index),
            UNDEFINED_ELEMENT,
            &format!("call v2l at {index}"),
        );
    }
    let f = inst
        .get_typed_func::<(), i32>(&mut store, "call i2i at const 4")
        .unwrap();
    assert_trap(
        f.call(&mut store, ()),
        UNDEFINED_ELEMENT,
        "constant index 4",
    );

    // Null element.
    assert_trap(
        call.call(&mut store, (1, 5)),
        UNINITIALIZED_ELEMENT,
        "call i2i at 1",
    );
    assert_trap(
        call64.call(&mut store, 1),
        UNINITIALIZED_ELEMENT,
        "call v2l at 1",
    );

    // Signature mismatch, in both directions.
    assert_trap(
        call.call(&mut store, (2, 5)),
        TYPE_MISMATCH,
        "call i2i at 2",
    );
    for index in [0, 3] {
        assert_trap(
            call64.call(&mut store, index),
            TYPE_MISMATCH,
            &format!("call v2l at {index}"),
        );
    }

    // The table is live: filling the null slot from the host (with a host
    // function) makes the call work; a host function of another type is a
    // mismatch; clearing it is a null element again.
    let table = inst.get_table(&mut store, "table").unwrap();
    let minus_100 = Func::wrap(&mut store, |x: i32| x.wrapping_sub(100));
    table
        .set(&mut store, 1, Val::FuncRef(Some(minus_100)))
        .unwrap();
    assert_eq!(call.call(&mut store, (1, 5)).unwrap(), -95);
    assert_trap(
        call64.call(&mut store, 1),
        TYPE_MISMATCH,
        "host func of another type",
    );
    let identity64 = Func::wrap(&mut store, |x: i64| x);
    table
        .set(&mut store, 1, Val::FuncRef(Some(identity64)))
        .unwrap();
    assert_trap(
        call.call(&mut store, (1, 5)),
        TYPE_MISMATCH,
        "host func (i64) -> i64",
    );
    table.set(&mut store, 1, Val::FuncRef(None)).unwrap();
    assert_trap(
        call.call(&mut store, (1, 5)),
        UNINITIALIZED_ELEMENT,
        "cleared slot",
    );

    assert_eq!(call.call(&mut store, (0, 21)).unwrap(), 42);
}
