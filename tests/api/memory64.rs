//! Memory64 as an embedder sees it: 64-bit memories in `MemoryType` and
//! `Memory`, their limits (a declared maximum far beyond what the host can
//! reserve is fine, growth past the reservation returns -1), accesses whose
//! index or offset would wrap or truncate in 32 bits (they must trap, never
//! reach a wrong address), the bulk operators with i64 operands,
//! `memory.copy` between a 32-bit and a 64-bit memory, import matching by
//! index type, the Config switch, and artifacts. The spec testsuite
//! (`memory64` suite) checks the operators' results; these tests aim at
//! the edges where a 64-bit value could be cut to 32 bits.

use super::*;

const MEM64: &str = r#"(module
  (memory (export "m") i64 1 0x1000000000)
  (data (i64.const 0x10) "memory64")
  (func (export "load8") (param i64) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load8_off1") (param i64) (result i32) (i32.load8_u offset=1 (local.get 0)))
  (func (export "load8_off4g") (param i64) (result i32)
    (i32.load8_u offset=0x100000000 (local.get 0)))
  (func (export "load_max_offset") (param i64) (result i32)
    (i32.load8_u offset=0xffffffffffffffff (local.get 0)))
  (func (export "load64") (param i64) (result i64) (i64.load offset=8 (local.get 0)))
  (func (export "store64") (param i64 i64) (i64.store offset=8 (local.get 0) (local.get 1)))
  (func (export "load_const_4g") (result i32) (i32.load8_u (i64.const 0x100000000)))
  (func (export "v128_load") (param i64) (result v128) (v128.load (local.get 0)))
  (func (export "size") (result i64) (memory.size))
  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
  (func (export "fill") (param i64 i32 i64) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i64 i64 i64) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (data $d "passive")
  (func (export "init") (param i64 i32 i32) (memory.init $d (local.get 0) (local.get 1) (local.get 2))))"#;

fn get(store: &mut Store<()>, instance: &Instance, name: &str, args: &[Val]) -> Result<Vec<Val>> {
    let f = instance.get_func(&mut *store, name).expect(name);
    call(&mut *store, f, args)
}

fn i32_of(result: Result<Vec<Val>>) -> i32 {
    match result.unwrap()[..] {
        [Val::I32(v)] => v,
        ref other => panic!("expected one i32, got {other:?}"),
    }
}

fn i64_of(result: Result<Vec<Val>>) -> i64 {
    match result.unwrap()[..] {
        [Val::I64(v)] => v,
        ref other => panic!("expected one i64, got {other:?}"),
    }
}

fn oob(result: Result<Vec<Val>>, what: &str) {
    let err = expect_err(result, what);
    assert_eq!(trap_code(err), TrapCode::MemoryOutOfBounds, "{what}");
}

/// Both memory strategies: the default guard-page layout (a 64-bit memory
/// is bounds-checked in code anyway) and a small eager reservation, where
/// nothing would fault.
fn engines() -> [Engine; 2] {
    let mut checked = Config::new();
    checked.memory_reservation(1 << 20).memory_guard_size(0);
    [Engine::default(), Engine::new(&checked).unwrap()]
}

fn instance_in(engine: &Engine, wat: &str) -> (Store<()>, Instance) {
    let module = Module::new(engine, wat).unwrap_or_else(|e| panic!("module failed: {e}"));
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    (store, instance)
}

#[test]
fn the_host_sees_a_64_bit_memory_with_u64_limits() {
    let (mut store, instance) = instance(MEM64);
    let m = instance.get_memory(&mut store, "m").unwrap();
    assert!(m.is_64(&store));
    // The module declares a maximum of 2^36 pages (4 PiB), far past any
    // reservation; the instance's memory is held to
    // `Config::max_memory_pages` (65536 by default), as 32-bit ones are.
    assert_eq!(m.ty(&store), MemoryType::new64(1, Some(1 << 16)));
    assert_eq!(&m.data(&store)[0x10..0x18], b"memory64");
    let ty = &module(MEM64).exports()[0].ty;
    assert_eq!(*ty, ExternType::Memory(MemoryType::new64(1, Some(1 << 36))));
}

#[test]
fn accesses_that_would_wrap_or_truncate_in_32_bits_trap() {
    for engine in engines() {
        let (mut store, instance) = instance_in(&engine, MEM64);
        let s = &mut store;
        assert_eq!(
            i32_of(get(s, &instance, "load8", &[Val::I64(0x10)])),
            b'm' as i32
        );
        assert_eq!(i32_of(get(s, &instance, "load8", &[Val::I64(0xffff)])), 0);
        oob(get(s, &instance, "load8", &[Val::I64(0x10000)]), "one past");
        // 2^32 + 0x10 would read "m" if the index were cut to 32 bits.
        oob(
            get(s, &instance, "load8", &[Val::I64(0x1_0000_0010)]),
            "index above 4 GiB",
        );
        // -1 + offset 1 wraps to 0 in 64 bits: it must trap.
        oob(
            get(s, &instance, "load8_off1", &[Val::I64(-1)]),
            "wrapping sum",
        );
        oob(
            get(s, &instance, "load8", &[Val::I64(i64::MIN)]),
            "sign bit",
        );
        // An offset of 2^32 is not offset 0.
        oob(
            get(s, &instance, "load8_off4g", &[Val::I64(0x10)]),
            "offset 2^32",
        );
        oob(
            get(s, &instance, "load_max_offset", &[Val::I64(0)]),
            "offset 2^64 - 1",
        );
        oob(
            get(s, &instance, "load_max_offset", &[Val::I64(1)]),
            "offset 2^64 - 1 plus one",
        );
        oob(get(s, &instance, "load_const_4g", &[]), "constant 2^32");
        oob(
            get(s, &instance, "v128_load", &[Val::I64(0xfff1)]),
            "v128 straddling the end",
        );
        // A store that straddles the end writes nothing.
        oob(
            get(s, &instance, "store64", &[Val::I64(0xfff4), Val::I64(-1)]),
            "straddling store",
        );
        let m = instance.get_memory(&mut *s, "m").unwrap();
        assert!(m.data(&*s)[0xfff0..].iter().all(|&b| b == 0));
        get(
            s,
            &instance,
            "store64",
            &[Val::I64(0xfff0), Val::I64(0x0102)],
        )
        .unwrap();
        assert_eq!(
            i64_of(get(s, &instance, "load64", &[Val::I64(0xfff0)])),
            0x0102
        );
    }
}

#[test]
fn memory_grow_is_i64_and_fails_with_minus_one_past_the_reservation() {
    // Each engine's limit is its reservation: 4 pages here, with and
    // without a guard (pages past the length inaccessible, or read/write
    // from the start). Growing to the default 4 GiB would take longer, and
    // the stores test measures this process's RSS meanwhile.
    let mut eager = Config::new();
    eager.memory_reservation(4 << 16).memory_guard_size(0);
    let mut guarded = Config::new();
    guarded
        .memory_reservation(4 << 16)
        .memory_guard_size(1 << 16);
    for config in [eager, guarded] {
        let (engine, limit) = (Engine::new(&config).unwrap(), 4);
        let (mut store, instance) = instance_in(&engine, MEM64);
        let s = &mut store;
        assert_eq!(i64_of(get(s, &instance, "size", &[])), 1);
        assert_eq!(i64_of(get(s, &instance, "grow", &[Val::I64(2)])), 1);
        assert_eq!(i64_of(get(s, &instance, "size", &[])), 3);
        // Deltas that a 32-bit cut would turn into 0 or 1.
        for delta in [1 << 32, (1 << 32) + 1, i64::MAX, -1] {
            assert_eq!(
                i64_of(get(s, &instance, "grow", &[Val::I64(delta)])),
                -1,
                "grow by {delta:#x}"
            );
        }
        assert_eq!(i64_of(get(s, &instance, "size", &[])), 3);
        // The declared maximum is far away; the reservation is the limit.
        assert_eq!(i64_of(get(s, &instance, "grow", &[Val::I64(limit - 3)])), 3);
        assert_eq!(i64_of(get(s, &instance, "grow", &[Val::I64(1)])), -1);
        let m = instance.get_memory(&mut *s, "m").unwrap();
        assert_eq!(m.size(&*s), limit as u64);
        assert!(m.grow(&mut *s, 1).is_err());
        assert!(m.grow(&mut *s, u64::MAX).is_err());
    }
}

#[test]
fn bulk_operators_take_i64_operands_whole() {
    for engine in engines() {
        let (mut store, instance) = instance_in(&engine, MEM64);
        let s = &mut store;
        let m = instance.get_memory(&mut *s, "m").unwrap();
        get(
            s,
            &instance,
            "fill",
            &[Val::I64(0x100), Val::I32(7), Val::I64(4)],
        )
        .unwrap();
        assert_eq!(&m.data(&*s)[0x100..0x105], &[7, 7, 7, 7, 0]);
        // A length of 2^32 + 1 is not 1, a destination of 2^32 + 0x200 is
        // not 0x200: both trap and write nothing.
        let huge = Val::I64((1 << 32) + 1);
        oob(
            get(
                s,
                &instance,
                "fill",
                &[Val::I64(0x200), Val::I32(9), huge.clone()],
            ),
            "fill length 2^32 + 1",
        );
        oob(
            get(
                s,
                &instance,
                "fill",
                &[Val::I64((1 << 32) + 0x200), Val::I32(9), Val::I64(1)],
            ),
            "fill at 2^32 + 0x200",
        );
        oob(
            get(
                s,
                &instance,
                "fill",
                &[Val::I64(-1), Val::I32(9), Val::I64(2)],
            ),
            "fill wrapping",
        );
        assert_eq!(m.data(&*s)[0x200], 0);
        get(
            s,
            &instance,
            "copy",
            &[Val::I64(0x300), Val::I64(0x10), Val::I64(8)],
        )
        .unwrap();
        assert_eq!(&m.data(&*s)[0x300..0x308], b"memory64");
        oob(
            get(
                s,
                &instance,
                "copy",
                &[Val::I64(0x400), Val::I64(0x10), huge],
            ),
            "copy length 2^32 + 1",
        );
        oob(
            get(
                s,
                &instance,
                "copy",
                &[Val::I64(0x400), Val::I64((1 << 32) + 0x10), Val::I64(1)],
            ),
            "copy from 2^32 + 0x10",
        );
        assert_eq!(m.data(&*s)[0x400], 0);
        get(
            s,
            &instance,
            "init",
            &[Val::I64(0x500), Val::I32(0), Val::I32(7)],
        )
        .unwrap();
        assert_eq!(&m.data(&*s)[0x500..0x507], b"passive");
        oob(
            get(
                s,
                &instance,
                "init",
                &[Val::I64((1 << 32) + 0x600), Val::I32(0), Val::I32(1)],
            ),
            "init at 2^32 + 0x600",
        );
        assert_eq!(m.data(&*s)[0x600], 0);
    }
}

#[test]
fn memory_copy_between_a_32_and_a_64_bit_memory_uses_each_index_type() {
    let wat = r#"(module
      (memory $m32 (export "m32") 1)
      (memory $m64 (export "m64") i64 1)
      (data (memory $m32) (i32.const 8) "from 32")
      (data (memory $m64) (i64.const 8) "from 64")
      ;; i64 destination, i32 source, i32 length.
      (func (export "to64") (param i64 i32 i32) (memory.copy $m64 $m32 (local.get 0) (local.get 1) (local.get 2)))
      ;; i32 destination, i64 source, i32 length.
      (func (export "to32") (param i32 i64 i32) (memory.copy $m32 $m64 (local.get 0) (local.get 1) (local.get 2))))"#;
    for engine in engines() {
        let (mut store, instance) = instance_in(&engine, wat);
        let s = &mut store;
        get(
            s,
            &instance,
            "to64",
            &[Val::I64(0x100), Val::I32(8), Val::I32(7)],
        )
        .unwrap();
        get(
            s,
            &instance,
            "to32",
            &[Val::I32(0x100), Val::I64(8), Val::I32(7)],
        )
        .unwrap();
        let m32 = instance.get_memory(&mut *s, "m32").unwrap();
        let m64 = instance.get_memory(&mut *s, "m64").unwrap();
        assert_eq!(&m64.data(&*s)[0x100..0x107], b"from 32");
        assert_eq!(&m32.data(&*s)[0x100..0x107], b"from 64");
        oob(
            get(
                s,
                &instance,
                "to64",
                &[Val::I64(1 << 32), Val::I32(8), Val::I32(1)],
            ),
            "64-bit destination past 4 GiB",
        );
        oob(
            get(
                s,
                &instance,
                "to32",
                &[Val::I32(0), Val::I64(1 << 32), Val::I32(1)],
            ),
            "64-bit source past 4 GiB",
        );
        assert!(!m32.is_64(&*s) && m64.is_64(&*s));
    }
}

#[test]
fn imports_match_the_index_type() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let m64 = Memory::new(&mut store, MemoryType::new64(1, Some(1 << 40))).unwrap();
    let m32 = Memory::new(&mut store, MemoryType::new(1, None)).unwrap();
    let wants64 = Module::new(
        &engine,
        r#"(module (import "env" "m" (memory i64 1))
             (func (export "peek") (param i64) (result i32) (i32.load8_u (local.get 0))))"#,
    )
    .unwrap();
    let wants32 = Module::new(&engine, r#"(module (import "env" "m" (memory 1)))"#).unwrap();
    m64.data_mut(&mut store)[3] = 42;
    let instance = Instance::new(&mut store, &wants64, &[m64.into()]).unwrap();
    assert_eq!(
        i32_of(get(&mut store, &instance, "peek", &[Val::I64(3)])),
        42
    );
    for (module, memory) in [(&wants64, m32), (&wants32, m64)] {
        let err = expect_err(
            Instance::new(&mut store, module, &[memory.into()]),
            "mismatch",
        );
        assert!(matches!(err, Error::Link(_)), "{err:?}");
    }
}

#[test]
fn limits_beyond_the_host_are_errors_not_aborts() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    // Valid for memory64, invalid for a 32-bit memory.
    assert!(Memory::new(&mut store, MemoryType::new64(0, Some(1 << 48))).is_ok());
    for ty in [
        MemoryType::new64(0, Some((1 << 48) + 1)),
        MemoryType::new64(2, Some(1)),
        MemoryType {
            min: 1 << 17,
            max: None,
            memory64: false,
        },
    ] {
        let err = expect_err(Memory::new(&mut store, ty), "invalid limits");
        assert!(matches!(err, Error::Usage(_)), "{ty:?}: {err:?}");
    }
    // Valid, but no reservation holds 2^40 pages: an error, from the
    // host API and from instantiation alike.
    let err = expect_err(
        Memory::new(&mut store, MemoryType::new64(1 << 40, None)),
        "huge minimum",
    );
    assert!(matches!(err, Error::Usage(_)), "{err:?}");
    let huge = Module::new(&engine, "(module (memory i64 0x10000000000))").unwrap();
    let err = expect_err(Instance::new(&mut store, &huge, &[]), "huge minimum");
    assert!(matches!(err, Error::Instantiation(_)), "{err:?}");
}

#[test]
fn the_config_switch_turns_memory64_off() {
    let mut config = Config::new();
    config.wasm_memory64(false);
    let engine = Engine::new(&config).unwrap();
    let err = expect_err(Module::new(&engine, "(module (memory i64 1))"), "off");
    let Error::InvalidModule { message, .. } = &err else {
        panic!("expected InvalidModule, got {err:?}");
    };
    assert!(
        message.starts_with("uses memory64, which this engine's Config turns off"),
        "{message}"
    );
    // 32-bit memories are unaffected.
    Module::new(&engine, "(module (memory 1))").unwrap();
}

#[test]
fn an_artifact_keeps_the_index_type() {
    let engine = Engine::default();
    let original = Module::new(&engine, MEM64).unwrap();
    let bytes = original.serialize().unwrap();
    // SAFETY: the bytes were just written by `Module::serialize`.
    let loaded = unsafe { Module::deserialize(&engine, &bytes) }.unwrap();
    assert_eq!(loaded.exports(), original.exports());
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &loaded, &[]).unwrap();
    assert_eq!(
        i32_of(get(&mut store, &instance, "load8", &[Val::I64(0x11)])),
        b'e' as i32
    );
    oob(
        get(&mut store, &instance, "load8", &[Val::I64(0x1_0000_0011)]),
        "index above 4 GiB after loading",
    );
    assert_eq!(
        i64_of(get(&mut store, &instance, "grow", &[Val::I64(1 << 32)])),
        -1
    );
}
