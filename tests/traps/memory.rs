//! Out-of-bounds loads and stores, which are hardware faults in guard
//! pages: every width and offset at the edge, with nothing written, and the
//! bounds following `memory.grow`.

use super::*;

const MEMORY: &str = r#"
(module
  (memory (export "mem") 1 3)
  (func (export "i32.load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "i64.load") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "f32.load") (param i32) (result f32) (f32.load (local.get 0)))
  (func (export "f64.load") (param i32) (result f64) (f64.load (local.get 0)))
  (func (export "i32.load8_u") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "i32.load16_s") (param i32) (result i32) (i32.load16_s (local.get 0)))
  (func (export "i64.load32_u") (param i32) (result i64) (i64.load32_u (local.get 0)))
  (func (export "i32.store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "i64.store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "f64.store") (param i32 f64) (f64.store (local.get 0) (local.get 1)))
  (func (export "i32.store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "i32.store16") (param i32 i32) (i32.store16 (local.get 0) (local.get 1)))
  (func (export "i64.store32") (param i32 i64) (i64.store32 (local.get 0) (local.get 1)))

  ;; Large offset immediates: the effective address is the 33-bit sum of
  ;; the index and the offset, it must not wrap around at 4 GiB.
  (func (export "i32.load offset=4294967295") (param i32) (result i32)
    (i32.load offset=4294967295 (local.get 0)))
  (func (export "i64.load offset=4294967295") (param i32) (result i64)
    (i64.load offset=4294967295 (local.get 0)))
  (func (export "i32.load offset=65532") (param i32) (result i32)
    (i32.load offset=65532 (local.get 0)))
  (func (export "i64.store offset=65528") (param i32 i64)
    (i64.store offset=65528 (local.get 0) (local.get 1)))

  ;; Constant addresses take a different path in a compiler that keeps
  ;; constants lazy (an immediate instead of a register).
  (func (export "i32.load at 65536") (result i32) (i32.load (i32.const 65536)))
  (func (export "i32.load at 65532") (result i32) (i32.load (i32.const 65532)))
  (func (export "i32.store at -1") (i32.store (i32.const -1) (i32.const 7)))

  (func (export "memory.grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "memory.size") (result i32) (memory.size)))
"#;

const PAGE: u32 = 65536;

/// Addresses at which an access of `size` bytes must trap in a memory of
/// `len` bytes: straddling the end, at the end, far beyond, and near 4 GiB.
fn out_of_bounds_addresses(len: u32, size: u32) -> Vec<u32> {
    let mut addrs = vec![
        len,
        len + 1,
        len + PAGE,
        0x7fff_ffff,
        0x8000_0000,
        u32::MAX - size + 1,
        u32::MAX,
    ];
    // Every start address whose access straddles the end.
    addrs.extend((1..size).map(|k| len - size + k));
    addrs
}

#[test]
fn out_of_bounds_loads_trap() {
    let (mut store, inst) = instance(MEMORY);
    let mem = inst.get_memory(&mut store, "mem").unwrap();
    let len = PAGE;
    // Known bytes at the very end of the memory, to check the in-bounds
    // loads right next to the trapping ones.
    let tail: Vec<u8> = (0xf0..=0xffu8).collect();
    mem.write(&mut store, (len - 16) as usize, &tail).unwrap();

    // `$bits` turns the result into something comparable: floats are
    // compared bit for bit (the last 4 or 8 bytes happen to be a NaN, whose
    // payload a load must keep).
    macro_rules! check_load {
        ($name:literal, $ty:ty, $size:expr, $bits:expr, $last:expr) => {{
            let f = inst.get_typed_func::<i32, $ty>(&mut store, $name).unwrap();
            let last = len - $size;
            let mut load = |addr: u32| f.call(&mut store, addr as i32).map($bits);
            assert_eq!(load(last).unwrap(), $last, "{} at {last}", $name);
            for addr in out_of_bounds_addresses(len, $size) {
                assert_trap(load(addr), OUT_OF_BOUNDS, &format!("{} at {addr}", $name));
            }
            // Still usable.
            assert_eq!(load(last).unwrap(), $last, "{} after traps", $name);
        }};
    }
    check_load!("i32.load", i32, 4, identity, 0xfffe_fdfc_u32 as i32);
    check_load!(
        "i64.load",
        i64,
        8,
        identity,
        0xfffe_fdfc_fbfa_f9f8_u64 as i64
    );
    check_load!("f32.load", f32, 4, f32::to_bits, 0xfffe_fdfc);
    check_load!("f64.load", f64, 8, f64::to_bits, 0xfffe_fdfc_fbfa_f9f8);
    check_load!("i32.load8_u", i32, 1, identity, 0xff);
    check_load!("i32.load16_s", i32, 2, identity, 0xffff_fffe_u32 as i32);
    check_load!("i64.load32_u", i64, 4, identity, 0xfffe_fdfc);

    // Offset immediates. `offset=4294967295` traps for every index, even 0:
    // a 32-bit wrap-around of index + offset would turn index 1 into
    // address 0 and index 0xffffffff into 0xfffffffe.
    let f = inst
        .get_typed_func::<i32, i32>(&mut store, "i32.load offset=4294967295")
        .unwrap();
    for addr in [0u32, 1, 2, 4, 65536, 0x8000_0000, u32::MAX] {
        assert_trap(
            f.call(&mut store, addr as i32),
            OUT_OF_BOUNDS,
            &format!("i32.load offset=4294967295 at {addr}"),
        );
    }
    let f = inst
        .get_typed_func::<i32, i64>(&mut store, "i64.load offset=4294967295")
        .unwrap();
    for addr in [0u32, 1, 9, u32::MAX] {
        // The last one reaches 8 GiB - 2 + 8 bytes: the very end of the
        // reservation and its guard.
        assert_trap(
            f.call(&mut store, addr as i32),
            OUT_OF_BOUNDS,
            &format!("i64.load offset=4294967295 at {addr}"),
        );
    }
    let f = inst
        .get_typed_func::<i32, i32>(&mut store, "i32.load offset=65532")
        .unwrap();
    assert_eq!(f.call(&mut store, 0).unwrap(), 0xfffe_fdfc_u32 as i32);
    // 0xfffffffd + 65532 wraps to 65529 in 32 bits, which would be in bounds.
    for addr in [1u32, 2, 3, 4, PAGE, 0xffff_fffd, u32::MAX] {
        assert_trap(
            f.call(&mut store, addr as i32),
            OUT_OF_BOUNDS,
            &format!("i32.load offset=65532 at {addr}"),
        );
    }
    assert_eq!(f.call(&mut store, 0).unwrap(), 0xfffe_fdfc_u32 as i32);

    let at_end = inst
        .get_typed_func::<(), i32>(&mut store, "i32.load at 65536")
        .unwrap();
    assert_trap(
        at_end.call(&mut store, ()),
        OUT_OF_BOUNDS,
        "i32.load at constant 65536",
    );
    let last = inst
        .get_typed_func::<(), i32>(&mut store, "i32.load at 65532")
        .unwrap();
    assert_eq!(last.call(&mut store, ()).unwrap(), 0xfffe_fdfc_u32 as i32);
}

#[test]
fn out_of_bounds_stores_trap_and_write_nothing() {
    let (mut store, inst) = instance(MEMORY);
    let mem = inst.get_memory(&mut store, "mem").unwrap();
    let len = PAGE;
    let tail: Vec<u8> = (0xf0..=0xffu8).collect();
    let read_tail = |store: &Store<()>| {
        let mut buf = [0u8; 16];
        mem.read(store, (len - 16) as usize, &mut buf).unwrap();
        buf.to_vec()
    };

    macro_rules! check_store {
        ($name:literal, $ty:ty, $size:expr, $value:expr) => {{
            let f = inst
                .get_typed_func::<(i32, $ty), ()>(&mut store, $name)
                .unwrap();
            mem.write(&mut store, (len - 16) as usize, &tail).unwrap();
            for addr in out_of_bounds_addresses(len, $size) {
                assert_trap(
                    f.call(&mut store, (addr as i32, $value)),
                    OUT_OF_BOUNDS,
                    &format!("{} at {addr}", $name),
                );
                // A store that traps writes nothing, not even the bytes of
                // a straddling access that are in bounds (the spec requires
                // it; on aarch64 a naive unaligned `str` may write them).
                assert_eq!(
                    read_tail(&store),
                    tail,
                    "{} at {addr} wrote to memory",
                    $name
                );
            }
            // The last in-bounds store works and writes exactly its bytes.
            f.call(&mut store, ((len - $size) as i32, $value)).unwrap();
            let mut expected = tail.clone();
            let bytes = $value.to_le_bytes();
            expected[16 - $size as usize..].copy_from_slice(&bytes[..$size as usize]);
            assert_eq!(read_tail(&store), expected, "{} at the last address", $name);
        }};
    }
    check_store!("i32.store", i32, 4, 0x1122_3344_i32);
    check_store!("i64.store", i64, 8, 0x1122_3344_5566_7788_i64);
    check_store!("f64.store", f64, 8, f64::from_bits(0x1122_3344_5566_7788));
    check_store!("i32.store8", i32, 1, 0x1122_3344_i32);
    check_store!("i32.store16", i32, 2, 0x1122_3344_i32);
    check_store!("i64.store32", i64, 4, 0x1122_3344_5566_7788_i64);

    let f = inst
        .get_typed_func::<(i32, i64), ()>(&mut store, "i64.store offset=65528")
        .unwrap();
    mem.write(&mut store, (len - 16) as usize, &tail).unwrap();
    for addr in [1u32, 7, 8, PAGE, 0xffff_fff0, u32::MAX] {
        assert_trap(
            f.call(&mut store, (addr as i32, -1)),
            OUT_OF_BOUNDS,
            &format!("i64.store offset=65528 at {addr}"),
        );
        assert_eq!(read_tail(&store), tail, "i64.store offset=65528 at {addr}");
    }
    f.call(&mut store, (0, -1)).unwrap();
    assert_eq!(read_tail(&store)[8..], [0xff; 8]);

    let f = inst
        .get_typed_func::<(), ()>(&mut store, "i32.store at -1")
        .unwrap();
    assert_trap(
        f.call(&mut store, ()),
        OUT_OF_BOUNDS,
        "i32.store at constant -1",
    );
}

#[test]
fn bounds_follow_memory_grow_and_growing_past_the_maximum_returns_minus_one() {
    let (mut store, inst) = instance(MEMORY);
    let grow = inst
        .get_typed_func::<i32, i32>(&mut store, "memory.grow")
        .unwrap();
    let size = inst
        .get_typed_func::<(), i32>(&mut store, "memory.size")
        .unwrap();
    let load = inst
        .get_typed_func::<i32, i32>(&mut store, "i32.load")
        .unwrap();
    let store_i32 = inst
        .get_typed_func::<(i32, i32), ()>(&mut store, "i32.store")
        .unwrap();

    assert_trap(
        load.call(&mut store, PAGE as i32),
        OUT_OF_BOUNDS,
        "before growing",
    );
    assert_eq!(grow.call(&mut store, 1).unwrap(), 1, "grow 1 -> 2 pages");
    assert_eq!(size.call(&mut store, ()).unwrap(), 2);
    // The new page is accessible and zeroed; the next one is not.
    assert_eq!(load.call(&mut store, PAGE as i32).unwrap(), 0);
    store_i32
        .call(&mut store, (2 * PAGE as i32 - 4, 99))
        .unwrap();
    assert_eq!(load.call(&mut store, 2 * PAGE as i32 - 4).unwrap(), 99);
    assert_trap(
        load.call(&mut store, 2 * PAGE as i32 - 3),
        OUT_OF_BOUNDS,
        "straddling page 2",
    );
    assert_trap(
        store_i32.call(&mut store, (2 * PAGE as i32, 1)),
        OUT_OF_BOUNDS,
        "page 3",
    );

    // Beyond the declared maximum (3 pages): -1, not a trap, and nothing
    // changes.
    for delta in [2, 3, 0x1_0000, 0x7fff_ffff, -1] {
        assert_eq!(grow.call(&mut store, delta).unwrap(), -1, "grow by {delta}");
        assert_eq!(
            size.call(&mut store, ()).unwrap(),
            2,
            "size after failed grow by {delta}"
        );
    }
    assert_trap(
        load.call(&mut store, 2 * PAGE as i32),
        OUT_OF_BOUNDS,
        "after failed grows",
    );
    assert_eq!(load.call(&mut store, 2 * PAGE as i32 - 4).unwrap(), 99);

    assert_eq!(
        grow.call(&mut store, 0).unwrap(),
        2,
        "grow by 0 returns the size"
    );
    assert_eq!(
        grow.call(&mut store, 1).unwrap(),
        2,
        "grow 2 -> 3 pages (the maximum)"
    );
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1, "at the maximum");
    assert_eq!(size.call(&mut store, ()).unwrap(), 3);
    assert_eq!(load.call(&mut store, 3 * PAGE as i32 - 4).unwrap(), 0);
    assert_trap(
        load.call(&mut store, 3 * PAGE as i32),
        OUT_OF_BOUNDS,
        "past 3 pages",
    );

    // Without a declared maximum the limit is 65536 pages (4 GiB).
    let (mut store, inst) = instance(
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    );
    let grow = inst.get_typed_func::<i32, i32>(&mut store, "grow").unwrap();
    assert_eq!(grow.call(&mut store, 0x1_0000).unwrap(), -1);
    assert_eq!(grow.call(&mut store, -1).unwrap(), -1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), 1);
}
