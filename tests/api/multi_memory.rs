//! Multi-memory as an embedder sees it: a module with several memories,
//! each exported and reachable from the host with `Instance::get_memory`,
//! each with its own data segments, bounds and size. The spec testsuite
//! (`multi-memory` suite) checks what wasm computes; these tests check that
//! the host sees each memory as its own, that `memory.copy` moves bytes
//! between two of them, that growing one leaves the others alone, that
//! memories imported from the host can be any of a module's memories, and
//! that `Config::wasm_multi_memory(false)` refuses a second memory.

use super::*;

/// Three memories: 0 and 2 defined with data, 1 defined empty; accessors
/// for each.
const THREE: &str = r#"(module
  (memory $a (export "a") 1 4)
  (memory $b (export "b") 2 3)
  (memory $c (export "c") 1)
  (data (memory $a) (i32.const 16) "memory a")
  (data (memory $c) (i32.const 100) "memory c")
  (func (export "load_a") (param i32) (result i32) (i32.load8_u $a (local.get 0)))
  (func (export "load_b") (param i32) (result i64) (i64.load $b offset=8 (local.get 0)))
  (func (export "load_c") (param i32) (result i32) (i32.load8_u $c (local.get 0)))
  (func (export "store_b") (param i32 i64) (i64.store $b offset=8 (local.get 0) (local.get 1)))
  (func (export "store_c") (param i32 i32) (i32.store8 $c (local.get 0) (local.get 1)))
  (func (export "size_a") (result i32) (memory.size $a))
  (func (export "size_b") (result i32) (memory.size $b))
  (func (export "grow_b") (param i32) (result i32) (memory.grow $b (local.get 0)))
  (func (export "copy_c_to_b") (param i32 i32 i32)
    (memory.copy $b $c (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill_c") (param i32 i32 i32)
    (memory.fill $c (local.get 0) (local.get 1) (local.get 2))))"#;

#[test]
fn the_host_reads_each_memory_with_its_own_data() {
    let (mut store, instance) = instance(THREE);
    let a = instance.get_memory(&mut store, "a").expect("memory a");
    let b = instance.get_memory(&mut store, "b").expect("memory b");
    let c = instance.get_memory(&mut store, "c").expect("memory c");
    assert_ne!(a, b);
    assert_ne!(b, c);
    assert_eq!(&a.data(&store)[16..24], b"memory a");
    assert_eq!(&c.data(&store)[100..108], b"memory c");
    // Each segment went to its own memory only.
    assert!(b.data(&store).iter().all(|&x| x == 0));
    assert_eq!(&a.data(&store)[100..108], &[0; 8]);
    assert_eq!(&c.data(&store)[16..24], &[0; 8]);
    assert_eq!((a.size(&store), b.size(&store), c.size(&store)), (1, 2, 1));

    // Wasm sees the same bytes through each memory's own base.
    let load_a = instance
        .get_typed_func::<i32, i32>(&mut store, "load_a")
        .unwrap();
    let load_c = instance
        .get_typed_func::<i32, i32>(&mut store, "load_c")
        .unwrap();
    assert_eq!(load_a.call(&mut store, 16).unwrap(), b'm' as i32);
    assert_eq!(load_a.call(&mut store, 23).unwrap(), b'a' as i32);
    assert_eq!(load_c.call(&mut store, 107).unwrap(), b'c' as i32);
    assert_eq!(load_c.call(&mut store, 16).unwrap(), 0);

    // A store through memory 1 lands in memory 1 and nowhere else, and
    // the host's write to memory 2 is what wasm reads there.
    let store_b = instance
        .get_typed_func::<(i32, i64), ()>(&mut store, "store_b")
        .unwrap();
    store_b
        .call(&mut store, (0, 0x1122_3344_5566_7788))
        .unwrap();
    assert_eq!(
        &b.data(&store)[8..16],
        &0x1122_3344_5566_7788u64.to_le_bytes()
    );
    assert_eq!(&a.data(&store)[8..16], &[0; 8]);
    c.write(&mut store, 5, &[42]).unwrap();
    assert_eq!(load_c.call(&mut store, 5).unwrap(), 42);
    let load_b = instance
        .get_typed_func::<i32, i64>(&mut store, "load_b")
        .unwrap();
    assert_eq!(load_b.call(&mut store, 0).unwrap(), 0x1122_3344_5566_7788);
}

#[test]
fn memory_copy_moves_bytes_between_two_memories() {
    let (mut store, instance) = instance(THREE);
    let b = instance.get_memory(&mut store, "b").unwrap();
    let c = instance.get_memory(&mut store, "c").unwrap();
    let copy = instance
        .get_typed_func::<(i32, i32, i32), ()>(&mut store, "copy_c_to_b")
        .unwrap();
    // c[100..108] ("memory c") -> b[65530..], across b's first page end.
    copy.call(&mut store, (65530, 100, 8)).unwrap();
    assert_eq!(&b.data(&store)[65530..65538], b"memory c");
    assert_eq!(&c.data(&store)[100..108], b"memory c", "the source stays");

    // Each side is checked against its own memory's size: b has two
    // pages, c one. In b's bounds but past c's end traps, as does the
    // reverse, and neither writes anything.
    let fill = instance
        .get_typed_func::<(i32, i32, i32), ()>(&mut store, "fill_c")
        .unwrap();
    fill.call(&mut store, (0, 0xAB, 16)).unwrap();
    let err = copy.call(&mut store, (0, 65530, 16)).unwrap_err();
    assert!(err.to_string().contains("out of bounds"), "{err}");
    let err = copy.call(&mut store, (131070, 0, 4)).unwrap_err();
    assert!(err.to_string().contains("out of bounds"), "{err}");
    assert_eq!(&b.data(&store)[..16], &[0; 16]);
    // Within both: the filled bytes of c arrive in b's second page.
    copy.call(&mut store, (131056, 0, 16)).unwrap();
    assert_eq!(&b.data(&store)[131056..131072], &[0xAB; 16]);
}

#[test]
fn growing_one_memory_leaves_the_others_alone() {
    let (mut store, instance) = instance(THREE);
    let a = instance.get_memory(&mut store, "a").unwrap();
    let b = instance.get_memory(&mut store, "b").unwrap();
    let grow_b = instance
        .get_typed_func::<i32, i32>(&mut store, "grow_b")
        .unwrap();
    let size_a = instance
        .get_typed_func::<(), i32>(&mut store, "size_a")
        .unwrap();
    let size_b = instance
        .get_typed_func::<(), i32>(&mut store, "size_b")
        .unwrap();
    let load_b = instance
        .get_typed_func::<i32, i64>(&mut store, "load_b")
        .unwrap();

    // Past b's end (2 pages) traps before growing.
    assert!(load_b.call(&mut store, 131064).is_err());
    assert_eq!(grow_b.call(&mut store, 1).unwrap(), 2);
    assert_eq!(size_b.call(&mut store, ()).unwrap(), 3);
    assert_eq!(b.size(&store), 3);
    assert_eq!(load_b.call(&mut store, 131064).unwrap(), 0);
    // b's maximum is 3 pages; a (max 4) did not move.
    assert_eq!(grow_b.call(&mut store, 1).unwrap(), -1);
    assert_eq!(size_a.call(&mut store, ()).unwrap(), 1);
    assert_eq!(a.size(&store), 1);
    assert_eq!(a.data_size(&store), 65536);

    // Growing a from the host leaves b as it was, for wasm and the host.
    assert_eq!(a.grow(&mut store, 2).unwrap(), 1);
    assert_eq!(size_a.call(&mut store, ()).unwrap(), 3);
    assert_eq!(size_b.call(&mut store, ()).unwrap(), 3);
    assert_eq!(b.data_size(&store), 3 * 65536);
}

#[test]
fn host_memories_can_be_any_of_a_modules_memories() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "m0" (memory $h0 1))
          (import "host" "m1" (memory $h1 1))
          (memory $own (export "own") 1)
          (data (memory $h1) (i32.const 0) "from wasm")
          (func (export "read") (param i32) (result i32 i32 i32)
            (i32.load8_u $h0 (local.get 0))
            (i32.load8_u $h1 (local.get 0))
            (i32.load8_u $own (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let ty = MemoryType::new(1, None);
    let m0 = Memory::new(&mut store, ty).unwrap();
    let m1 = Memory::new(&mut store, ty).unwrap();
    m0.write(&mut store, 100, &[7]).unwrap();
    m1.write(&mut store, 100, &[8]).unwrap();
    let instance = Instance::new(&mut store, &module, &[m0.into(), m1.into()]).unwrap();
    let own = instance.get_memory(&mut store, "own").unwrap();
    own.write(&mut store, 100, &[9]).unwrap();
    assert_eq!(&m1.data(&store)[..9], b"from wasm");
    assert_eq!(&m0.data(&store)[..9], &[0; 9]);
    let read = instance
        .get_typed_func::<i32, (i32, i32, i32)>(&mut store, "read")
        .unwrap();
    assert_eq!(read.call(&mut store, 100).unwrap(), (7, 8, 9));
    assert_eq!(read.call(&mut store, 0).unwrap(), (0, b'f' as i32, 0));
}

#[test]
fn the_switch_turns_multi_memory_off() {
    let mut config = Config::new();
    config.wasm_multi_memory(false);
    let engine = Engine::new(&config).unwrap();
    let err = Module::new(&engine, "(module (memory 1) (memory 1))").unwrap_err();
    assert!(matches!(err, Error::InvalidModule { .. }), "{err}");
    Module::new(&engine, "(module (memory 1))").expect("one memory is fine");
}
