//! Memories, globals and tables reached from the host: reads, writes and
//! growth through the API, host-created objects imported by wasm, and table
//! copies between and within tables.

use super::*;

#[test]
fn memory_read_write_grow_from_the_host() {
    let (mut store, inst) = instance(
        r#"(module
             (memory (export "mem") 1 4)
             (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
             (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
             (func (export "size") (result i32) (memory.size)))"#,
    );
    let mem = inst.get_memory(&mut store, "mem").unwrap();
    let load8 = inst
        .get_typed_func::<i32, i32>(&mut store, "load8")
        .unwrap();
    let store8 = inst
        .get_typed_func::<(i32, i32), ()>(&mut store, "store8")
        .unwrap();
    let size = inst.get_typed_func::<(), i32>(&mut store, "size").unwrap();
    assert_eq!(mem.size(&store), 1);
    assert_eq!(mem.data_size(&store), 65536);
    assert_eq!(mem.data(&store).len(), 65536);

    // Host writes, wasm reads.
    mem.write(&mut store, 100, b"flint").unwrap();
    assert_eq!(load8.call(&mut store, 100).unwrap(), b'f' as i32);
    assert_eq!(load8.call(&mut store, 104).unwrap(), b't' as i32);
    // The bytes borrowed straight from the store, both ways.
    mem.data_mut(&mut store)[200] = 0x5a;
    assert_eq!(load8.call(&mut store, 200).unwrap(), 0x5a);
    assert_eq!(&mem.data(&store)[100..105], b"flint");
    // Wasm writes, host reads.
    store8.call(&mut store, (65535, 0xab)).unwrap();
    let mut byte = [0u8; 1];
    mem.read(&store, 65535, &mut byte).unwrap();
    assert_eq!(byte, [0xab]);

    // Host accesses out of bounds are errors, not crashes.
    assert!(mem.read(&store, 65535, &mut [0u8; 2]).is_err());
    assert!(mem.write(&mut store, usize::MAX, b"x").is_err());
    // Before growing, page 1 is out of bounds for wasm too.
    assert_eq!(
        trap_code(store8.call(&mut store, (65536, 1)).unwrap_err()),
        TrapCode::MemoryOutOfBounds
    );

    // Growing from the host is visible to wasm (and vice versa, the new
    // pages are zeroed and accessible).
    assert_eq!(mem.grow(&mut store, 2).unwrap(), 1);
    assert_eq!(mem.size(&store), 3);
    assert_eq!(size.call(&mut store, ()).unwrap(), 3);
    assert_eq!(load8.call(&mut store, 3 * 65536 - 1).unwrap(), 0);
    store8.call(&mut store, (3 * 65536 - 1, 7)).unwrap();
    mem.read(&store, 3 * 65536 - 1, &mut byte).unwrap();
    assert_eq!(byte, [7]);
    // The old contents survived the grow.
    let mut word = [0u8; 5];
    mem.read(&store, 100, &mut word).unwrap();
    assert_eq!(&word, b"flint");
    assert_eq!(load8.call(&mut store, 100).unwrap(), b'f' as i32);

    // Beyond the declared maximum (4 pages) growth fails and changes nothing.
    assert!(mem.grow(&mut store, 2).is_err());
    assert_eq!(mem.size(&store), 3);
    assert_eq!(mem.grow(&mut store, 1).unwrap(), 3);
}

#[test]
fn host_memory_imported_by_wasm() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let mem = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
    mem.write(&mut store, 8, &1234i32.to_le_bytes()).unwrap();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "mem" (memory 1))
                   (func (export "get") (result i32) (i32.load (i32.const 8))))"#,
    )
    .unwrap();
    let inst = Instance::new(&mut store, &m, &[mem.into()]).unwrap();
    let get = inst.get_typed_func::<(), i32>(&mut store, "get").unwrap();
    assert_eq!(get.call(&mut store, ()).unwrap(), 1234);
    // The import is the host's memory itself, not a copy: later host
    // writes are what wasm reads.
    mem.write(&mut store, 8, &(-5i32).to_le_bytes()).unwrap();
    assert_eq!(get.call(&mut store, ()).unwrap(), -5);
}

#[test]
fn globals_get_and_set() {
    let (mut store, inst) = instance(
        r#"(module
             (global $m (export "counter") (mut i64) (i64.const 5))
             (global (export "pi") f64 (f64.const 3.25))
             (func (export "read") (result i64) (global.get $m))
             (func (export "incr") (global.set $m (i64.add (global.get $m) (i64.const 1)))))"#,
    );
    let counter = inst.get_global(&mut store, "counter").unwrap();
    let pi = inst.get_global(&mut store, "pi").unwrap();
    let read = inst.get_typed_func::<(), i64>(&mut store, "read").unwrap();
    let incr = inst.get_typed_func::<(), ()>(&mut store, "incr").unwrap();

    assert_eq!(
        counter.ty(&store),
        GlobalType {
            content: ValType::I64,
            mutable: true
        }
    );
    assert_eq!(counter.get(&store), Val::I64(5));
    counter.set(&mut store, Val::I64(100)).unwrap();
    assert_eq!(
        read.call(&mut store, ()).unwrap(),
        100,
        "wasm sees the host's write"
    );
    incr.call(&mut store, ()).unwrap();
    assert_eq!(counter.get(&store), Val::I64(101), "host sees wasm's write");

    // Wrong type and immutable globals are refused.
    assert!(matches!(
        counter.set(&mut store, Val::I32(1)),
        Err(Error::Usage(_))
    ));
    assert_eq!(pi.get(&store), Val::from_f64(3.25));
    assert!(matches!(
        pi.set(&mut store, Val::from_f64(3.0)),
        Err(Error::Usage(_))
    ));
    assert_eq!(pi.get(&store), Val::from_f64(3.25));

    // A host-created global, imported by wasm.
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let g = Global::new(
        &mut store,
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
    let inst = Instance::new(&mut store, &m, &[g.into()]).unwrap();
    inst.get_typed_func::<(), ()>(&mut store, "double")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
    assert_eq!(g.get(&store), Val::I32(-16));
}

#[test]
fn tables_get_size_and_call_through() {
    let (mut store, inst) = instance(
        r#"(module
             (table (export "t") 3 funcref)
             (func $seven (result i32) (i32.const 7))
             (func $eight (result i32) (i32.const 8))
             (elem (i32.const 0) $seven $eight)
             (type $v_i (func (result i32)))
             (func (export "call") (param i32) (result i32)
               (call_indirect (type $v_i) (local.get 0))))"#,
    );
    let table = inst.get_table(&mut store, "t").unwrap();
    assert_eq!(table.size(&store), 3);
    assert_eq!(table.ty(&store).min, 3);

    let Some(Val::FuncRef(Some(first))) = table.get(&store, 0) else {
        panic!("slot 0 holds a function")
    };
    assert_eq!(call(&mut store, first, &[]).unwrap(), vec![Val::I32(7)]);
    assert_eq!(
        table.get(&store, 2),
        Some(Val::FuncRef(None)),
        "slot 2 is null"
    );
    assert!(table.get(&store, 3).is_none(), "index 3 is out of bounds");

    // Host edits of the table are what call_indirect sees.
    let call_at = inst.get_typed_func::<i32, i32>(&mut store, "call").unwrap();
    assert_eq!(call_at.call(&mut store, 1).unwrap(), 8);
    assert_eq!(
        trap_code(call_at.call(&mut store, 2).unwrap_err()),
        TrapCode::UninitializedElement
    );
    table.set(&mut store, 2, Val::FuncRef(Some(first))).unwrap();
    assert_eq!(call_at.call(&mut store, 2).unwrap(), 7);
    assert!(table.set(&mut store, 3, Val::FuncRef(None)).is_err());
    assert!(
        table.set(&mut store, 0, Val::I32(1)).is_err(),
        "a funcref table holds funcrefs"
    );
}

#[test]
fn table_copy_between_and_within_tables() {
    // table.copy works in place (no temporary the size of the copy); the
    // overlapping and cross-table cases keep the spec's semantics.
    let (mut store, inst) = instance(
        r#"(module
             (table $a (export "a") 6 externref)
             (table $b (export "b") 6 externref)
             (func (export "copy_aa") (param i32 i32 i32)
               (table.copy $a $a (local.get 0) (local.get 1) (local.get 2)))
             (func (export "copy_ba") (param i32 i32 i32)
               (table.copy $b $a (local.get 0) (local.get 1) (local.get 2))))"#,
    );
    let a = inst.get_table(&mut store, "a").unwrap();
    let b = inst.get_table(&mut store, "b").unwrap();
    let refs: Vec<ExternRef> = (0..6).map(ExternRef::new).collect();
    for (i, r) in refs.iter().enumerate() {
        a.set(&mut store, i as u64, Val::ExternRef(Some(r.clone())))
            .unwrap();
    }
    let which = |store: &Store<()>, t: Table| -> Vec<Option<usize>> {
        (0..6)
            .map(|i| match t.get(store, i).unwrap() {
                Val::ExternRef(Some(r)) => refs.iter().position(|x| ExternRef::ptr_eq(x, &r)),
                _ => None,
            })
            .collect()
    };
    let copy_aa = inst
        .get_typed_func::<(i32, i32, i32), ()>(&mut store, "copy_aa")
        .unwrap();
    let copy_ba = inst
        .get_typed_func::<(i32, i32, i32), ()>(&mut store, "copy_ba")
        .unwrap();
    // Overlapping, forwards and backwards.
    copy_aa.call(&mut store, (1, 0, 3)).unwrap();
    assert_eq!(
        which(&store, a),
        [Some(0), Some(0), Some(1), Some(2), Some(4), Some(5)]
    );
    copy_aa.call(&mut store, (0, 2, 4)).unwrap();
    assert_eq!(
        which(&store, a),
        [Some(1), Some(2), Some(4), Some(5), Some(4), Some(5)]
    );
    // Across tables; the references stay alive in the destination.
    copy_ba.call(&mut store, (3, 0, 3)).unwrap();
    assert_eq!(
        which(&store, b),
        [None, None, None, Some(1), Some(2), Some(4)]
    );
    // Out of bounds on either side traps and writes nothing.
    for (dst, src, len) in [(4, 0, 3), (0, 4, 3), (7, 0, 0), (0, 7, 0)] {
        let err = copy_ba.call(&mut store, (dst, src, len)).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
        let err = copy_aa.call(&mut store, (dst, src, len)).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
    }
    assert_eq!(
        which(&store, b),
        [None, None, None, Some(1), Some(2), Some(4)]
    );
    assert_eq!(
        which(&store, a),
        [Some(1), Some(2), Some(4), Some(5), Some(4), Some(5)]
    );
    // Length 0 at the very end is in bounds.
    copy_ba.call(&mut store, (6, 6, 0)).unwrap();
}

#[test]
fn host_functions_copy_between_guest_memory_and_store_data() {
    // The guest's bytes and the host's state, borrowed together: what a
    // host API that exchanges buffers with the guest (WASI's, for one)
    // does on every call.
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "log" (func $log (param i32 i32)))
             (import "host" "fill" (func $fill (param i32) (result i32)))
             (memory (export "memory") 1)
             (data (i32.const 16) "hello")
             (func (export "run") (result i32)
               (call $log (i32.const 16) (i32.const 5))
               (call $log (i32.const 64) (call $fill (i32.const 64)))
               (i32.load8_u (i32.const 65))))"#,
    )
    .unwrap();
    fn memory(caller: &mut Caller<'_, Vec<String>>) -> Result<Memory> {
        caller
            .get_export("memory")
            .and_then(Extern::into_memory)
            .ok_or_else(|| Trap::host("no memory").into())
    }
    let mut linker = Linker::<Vec<String>>::new(&engine);
    linker
        .func_wrap(
            "host",
            "log",
            |mut caller: Caller<'_, Vec<String>>, ptr: i32, len: i32| -> Result<()> {
                let mem = memory(&mut caller)?;
                let (bytes, log) = mem.data_and_store_mut(&mut caller);
                let text = bytes
                    .get(ptr as usize..)
                    .and_then(|b| b.get(..len as usize))
                    .ok_or_else(|| Error::from(Trap::host("out of bounds")))?;
                log.push(String::from_utf8_lossy(text).into_owned());
                Ok(())
            },
        )
        .unwrap()
        .func_wrap(
            "host",
            "fill",
            |mut caller: Caller<'_, Vec<String>>, ptr: i32| -> Result<i32> {
                let mem = memory(&mut caller)?;
                let (bytes, log) = mem.data_and_store_mut(&mut caller);
                let line = log.len().to_string();
                let n = line.len() + 2;
                bytes[ptr as usize..ptr as usize + n]
                    .copy_from_slice(format!("#{line}!").as_bytes());
                Ok(n as i32)
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, Vec::new());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<(), i32>(&mut store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), i32::from(b'1'));
    assert_eq!(store.data(), &["hello", "#1!"]);
}

#[test]
fn a_start_function_s_host_calls_see_the_instance_being_made() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "peek" (func $peek (param i32)))
             (memory (export "memory") 1)
             (data (i32.const 0) "\2a")
             (func $start (call $peek (i32.const 0)))
             (start $start))"#,
    )
    .unwrap();
    // The instance is not returned yet, but its exports are its Caller's.
    let mut linker = Linker::<Option<u8>>::new(&engine);
    linker
        .func_wrap(
            "host",
            "peek",
            |mut caller: Caller<'_, Option<u8>>, p: i32| {
                let mem = caller.get_export("memory").and_then(Extern::into_memory);
                let v = mem.map(|m| m.data(&caller)[p as usize]);
                *caller.data_mut() = v;
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, None);
    linker.instantiate(&mut store, &m).unwrap();
    assert_eq!(*store.data(), Some(42));
}

#[test]
fn memory_growth_in_a_host_call_is_seen_by_the_wasm_caller() {
    // The wasm that called the host reads the memory's new size and
    // bounds after the call returns.
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "grow" (func $grow))
             (memory (export "memory") 1)
             (func (export "run") (result i32)
               (call $grow)
               (i32.store (i32.const 70000) (i32.const 9))
               (i32.add (memory.size) (i32.load (i32.const 70000)))))"#,
    )
    .unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap("host", "grow", |mut caller: Caller<'_, ()>| -> Result<()> {
            let mem = caller
                .get_export("memory")
                .and_then(Extern::into_memory)
                .unwrap();
            mem.grow(&mut caller, 1)?;
            Ok(())
        })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<(), i32>(&mut store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), 11);
}

#[test]
fn table_growth_in_a_host_call_is_seen_by_the_wasm_caller() {
    // The table's elements move when it grows; the wasm that called the
    // host reads them through the updated definition.
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "grow" (func $grow))
             (type $v (func (result i32)))
             (table (export "t") 1 funcref)
             (func $five (result i32) (i32.const 5))
             (elem declare func $five)
             (func (export "run") (result i32)
               (call $grow)
               (table.set (i32.const 50) (ref.func $five))
               (call_indirect (type $v) (i32.const 50))))"#,
    )
    .unwrap();
    let mut linker = Linker::<()>::new(&engine);
    linker
        .func_wrap("host", "grow", |mut caller: Caller<'_, ()>| -> Result<()> {
            let t = caller.get_export("t").and_then(Extern::into_table).unwrap();
            t.grow(&mut caller, 100, Val::FuncRef(None))?;
            Ok(())
        })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<(), i32>(&mut store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), 5);
}
