//! Memories, globals and tables reached from the host: reads, writes and
//! growth through the API, host-created objects imported by wasm, and table
//! copies between and within tables.

use super::*;

#[test]
fn memory_read_write_grow_from_the_host() {
    let inst = instance(
        r#"(module
             (memory (export "mem") 1 4)
             (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
             (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
             (func (export "size") (result i32) (memory.size)))"#,
    );
    let mem = inst.get_memory("mem").unwrap();
    let load8 = inst.get_typed_func::<i32, i32>("load8").unwrap();
    let store8 = inst.get_typed_func::<(i32, i32), ()>("store8").unwrap();
    let size = inst.get_typed_func::<(), i32>("size").unwrap();
    assert_eq!(mem.size(), 1);
    assert_eq!(mem.data_size(), 65536);

    // Host writes, wasm reads.
    mem.write(100, b"flint").unwrap();
    assert_eq!(load8.call(100).unwrap(), b'f' as i32);
    assert_eq!(load8.call(104).unwrap(), b't' as i32);
    // Wasm writes, host reads.
    store8.call((65535, 0xab)).unwrap();
    let mut byte = [0u8; 1];
    mem.read(65535, &mut byte).unwrap();
    assert_eq!(byte, [0xab]);

    // Host accesses out of bounds are errors, not crashes.
    assert!(mem.read(65535, &mut [0u8; 2]).is_err());
    assert!(mem.write(usize::MAX, b"x").is_err());
    // Before growing, page 1 is out of bounds for wasm too.
    assert_eq!(
        trap_code(store8.call((65536, 1)).unwrap_err()),
        TrapCode::MemoryOutOfBounds
    );

    // Growing from the host is visible to wasm (and vice versa, the new
    // pages are zeroed and accessible).
    assert_eq!(mem.grow(2).unwrap(), 1);
    assert_eq!(mem.size(), 3);
    assert_eq!(size.call(()).unwrap(), 3);
    assert_eq!(load8.call(3 * 65536 - 1).unwrap(), 0);
    store8.call((3 * 65536 - 1, 7)).unwrap();
    mem.read(3 * 65536 - 1, &mut byte).unwrap();
    assert_eq!(byte, [7]);
    // The old contents survived the grow.
    mem.read(100, &mut [0u8; 5]).unwrap();
    assert_eq!(load8.call(100).unwrap(), b'f' as i32);

    // Beyond the declared maximum (4 pages) growth fails and changes nothing.
    assert!(mem.grow(2).is_err());
    assert_eq!(mem.size(), 3);
    assert_eq!(mem.grow(1).unwrap(), 3);
}

#[test]
fn host_memory_imported_by_wasm() {
    let engine = Engine::default();
    let mem = Memory::new(&engine, MemoryType { min: 1, max: None }).unwrap();
    mem.write(8, &1234i32.to_le_bytes()).unwrap();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "mem" (memory 1))
                   (func (export "get") (result i32) (i32.load (i32.const 8))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[mem.into()]).unwrap();
    assert_eq!(
        inst.get_typed_func::<(), i32>("get")
            .unwrap()
            .call(())
            .unwrap(),
        1234
    );
}

#[test]
fn globals_get_and_set() {
    let inst = instance(
        r#"(module
             (global $m (export "counter") (mut i64) (i64.const 5))
             (global (export "pi") f64 (f64.const 3.25))
             (func (export "read") (result i64) (global.get $m))
             (func (export "incr") (global.set $m (i64.add (global.get $m) (i64.const 1)))))"#,
    );
    let counter = inst.get_global("counter").unwrap();
    let pi = inst.get_global("pi").unwrap();
    let read = inst.get_typed_func::<(), i64>("read").unwrap();
    let incr = inst.get_typed_func::<(), ()>("incr").unwrap();

    assert_eq!(
        counter.ty(),
        GlobalType {
            content: ValType::I64,
            mutable: true
        }
    );
    assert_eq!(counter.get(), Val::I64(5));
    counter.set(Val::I64(100)).unwrap();
    assert_eq!(read.call(()).unwrap(), 100, "wasm sees the host's write");
    incr.call(()).unwrap();
    assert_eq!(counter.get(), Val::I64(101), "host sees wasm's write");

    // Wrong type and immutable globals are refused.
    assert!(matches!(counter.set(Val::I32(1)), Err(Error::Usage(_))));
    assert_eq!(pi.get(), Val::from_f64(3.25));
    assert!(matches!(pi.set(Val::from_f64(3.0)), Err(Error::Usage(_))));
    assert_eq!(pi.get(), Val::from_f64(3.25));

    // A host-created global, imported by wasm.
    let engine = Engine::default();
    let g = Global::new(
        &engine,
        GlobalType {
            content: ValType::I32,
            mutable: true,
        },
        Val::I32(-8),
    )
    .unwrap();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "g" (global $g (mut i32)))
                   (func (export "double") (global.set $g (i32.mul (global.get $g) (i32.const 2)))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[g.clone().into()]).unwrap();
    inst.get_typed_func::<(), ()>("double")
        .unwrap()
        .call(())
        .unwrap();
    assert_eq!(g.get(), Val::I32(-16));
}

#[test]
fn tables_get_size_and_call_through() {
    let inst = instance(
        r#"(module
             (table (export "t") 3 funcref)
             (func $seven (result i32) (i32.const 7))
             (func $eight (result i32) (i32.const 8))
             (elem (i32.const 0) $seven $eight)
             (type $v_i (func (result i32)))
             (func (export "call") (param i32) (result i32)
               (call_indirect (type $v_i) (local.get 0))))"#,
    );
    let table = inst.get_table("t").unwrap();
    assert_eq!(table.size(), 3);
    assert_eq!(table.ty().min, 3);

    let Some(Val::FuncRef(Some(first))) = table.get(0) else {
        panic!("slot 0 holds a function")
    };
    assert_eq!(first.call(&[]).unwrap(), vec![Val::I32(7)]);
    assert_eq!(table.get(2), Some(Val::FuncRef(None)), "slot 2 is null");
    assert!(table.get(3).is_none(), "index 3 is out of bounds");

    // Host edits of the table are what call_indirect sees.
    let call = inst.get_typed_func::<i32, i32>("call").unwrap();
    assert_eq!(call.call(1).unwrap(), 8);
    assert_eq!(
        trap_code(call.call(2).unwrap_err()),
        TrapCode::UninitializedElement
    );
    table.set(2, Val::FuncRef(Some(first))).unwrap();
    assert_eq!(call.call(2).unwrap(), 7);
    assert!(table.set(3, Val::FuncRef(None)).is_err());
    assert!(
        table.set(0, Val::I32(1)).is_err(),
        "a funcref table holds funcrefs"
    );
}

#[test]
fn table_copy_between_and_within_tables() {
    // table.copy works in place (no temporary the size of the copy); the
    // overlapping and cross-table cases keep the spec's semantics.
    let inst = instance(
        r#"(module
             (table $a (export "a") 6 externref)
             (table $b (export "b") 6 externref)
             (func (export "copy_aa") (param i32 i32 i32)
               (table.copy $a $a (local.get 0) (local.get 1) (local.get 2)))
             (func (export "copy_ba") (param i32 i32 i32)
               (table.copy $b $a (local.get 0) (local.get 1) (local.get 2))))"#,
    );
    let a = inst.get_table("a").unwrap();
    let b = inst.get_table("b").unwrap();
    let refs: Vec<ExternRef> = (0..6).map(ExternRef::new).collect();
    for (i, r) in refs.iter().enumerate() {
        a.set(i as u32, Val::ExternRef(Some(r.clone()))).unwrap();
    }
    let which = |t: &Table| -> Vec<Option<usize>> {
        (0..6)
            .map(|i| match t.get(i).unwrap() {
                Val::ExternRef(Some(r)) => refs.iter().position(|x| ExternRef::ptr_eq(x, &r)),
                _ => None,
            })
            .collect()
    };
    let copy_aa = inst
        .get_typed_func::<(i32, i32, i32), ()>("copy_aa")
        .unwrap();
    let copy_ba = inst
        .get_typed_func::<(i32, i32, i32), ()>("copy_ba")
        .unwrap();
    // Overlapping, forwards and backwards.
    copy_aa.call((1, 0, 3)).unwrap();
    assert_eq!(
        which(&a),
        [Some(0), Some(0), Some(1), Some(2), Some(4), Some(5)]
    );
    copy_aa.call((0, 2, 4)).unwrap();
    assert_eq!(
        which(&a),
        [Some(1), Some(2), Some(4), Some(5), Some(4), Some(5)]
    );
    // Across tables; the references stay alive in the destination.
    copy_ba.call((3, 0, 3)).unwrap();
    assert_eq!(which(&b), [None, None, None, Some(1), Some(2), Some(4)]);
    // Out of bounds on either side traps and writes nothing.
    for (dst, src, len) in [(4, 0, 3), (0, 4, 3), (7, 0, 0), (0, 7, 0)] {
        let err = copy_ba.call((dst, src, len)).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
        let err = copy_aa.call((dst, src, len)).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
    }
    assert_eq!(which(&b), [None, None, None, Some(1), Some(2), Some(4)]);
    assert_eq!(
        which(&a),
        [Some(1), Some(2), Some(4), Some(5), Some(4), Some(5)]
    );
    // Length 0 at the very end is in bounds.
    copy_ba.call((6, 6, 0)).unwrap();
}
