//! Memory strategies through the public API: `Config::memory_reservation`,
//! `Config::memory_guard_size` and `Config::allocation_strategy`.
//!
//! The same edge cases run under every layout: the default (guard pages,
//! no checks in code), a small reservation without guard (every access
//! checked, the reservation read/write at once), a small reservation with
//! a guard (checks, inaccessible pages past the end), a 4 GiB reservation
//! with a small guard (only accesses with large offsets checked), and a
//! pooled small reservation. Each case must trap or not exactly as the
//! spec says, a straddling store must write nothing, and growing must move
//! the bound. CI runs this binary natively on x86-64 and under qemu on
//! aarch64, so both backends' checks are held to the same expectations.
//!
//! Then density: 100,000 instances live at once in one process, on demand
//! and pooled, which 8 GiB reservations cannot do (the address space runs
//! out near 16,000).

use flint::{
    Config, Engine, Error, Instance, InstanceAllocationStrategy, Memory, Module, PoolingConfig,
    Store, TrapCode,
};

const PAGE: u32 = 65536;

/// Every layout the edge cases run under, and whether it checks every
/// access with a register index in code (below 4 GiB of mapping).
fn layouts() -> Vec<(&'static str, Config, bool)> {
    let mut out = vec![("default (guard pages)", Config::new(), false)];
    let mut c = Config::new();
    c.memory_reservation(1 << 20).memory_guard_size(0);
    out.push(("1 MiB reservation, no guard", c, true));
    let mut c = Config::new();
    c.memory_reservation(1 << 20).memory_guard_size(64 << 10);
    out.push(("1 MiB reservation, 64 KiB guard", c, true));
    let mut c = Config::new();
    c.memory_reservation(4 << 30).memory_guard_size(64 << 10);
    out.push(("4 GiB reservation, 64 KiB guard", c, false));
    let mut c = Config::new();
    c.memory_reservation(1 << 20)
        .memory_guard_size(0)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(PoolingConfig {
            total_memories: 4,
            max_memory_size: 1 << 20,
        }));
    out.push(("pooled 1 MiB, no guard", c, true));
    out
}

/// One memory access the module exports, `(name, bytes accessed, body)`:
/// the body reads the i32 address in local 0 and leaves an i32 (a load,
/// reduced to i32 so that nothing can drop it) or nothing (a store). `$o`
/// stands for the `offset=` immediate.
const ACCESSES: &[(&str, u32, &str)] = &[
    ("i32.load", 4, "(i32.load $o (local.get 0))"),
    ("i64.load", 8, "(i32.wrap_i64 (i64.load $o (local.get 0)))"),
    (
        "f32.load",
        4,
        "(i32.reinterpret_f32 (f32.load $o (local.get 0)))",
    ),
    (
        "f64.load",
        8,
        "(i32.wrap_i64 (i64.reinterpret_f64 (f64.load $o (local.get 0))))",
    ),
    ("i32.load8_u", 1, "(i32.load8_u $o (local.get 0))"),
    ("i32.load8_s", 1, "(i32.load8_s $o (local.get 0))"),
    ("i32.load16_u", 2, "(i32.load16_u $o (local.get 0))"),
    (
        "i64.load16_s",
        2,
        "(i32.wrap_i64 (i64.load16_s $o (local.get 0)))",
    ),
    (
        "i64.load32_u",
        4,
        "(i32.wrap_i64 (i64.load32_u $o (local.get 0)))",
    ),
    (
        "v128.load",
        16,
        "(i32x4.extract_lane 3 (v128.load $o (local.get 0)))",
    ),
    (
        "v128.load8_splat",
        1,
        "(i32x4.extract_lane 0 (v128.load8_splat $o (local.get 0)))",
    ),
    (
        "v128.load64_zero",
        8,
        "(i32x4.extract_lane 0 (v128.load64_zero $o (local.get 0)))",
    ),
    (
        "v128.load16x4_s",
        8,
        "(i32x4.extract_lane 0 (v128.load16x4_s $o (local.get 0)))",
    ),
    (
        "v128.load32_lane",
        4,
        "(i32x4.extract_lane 1 (v128.load32_lane $o 1 (local.get 0) (v128.const i64x2 0 0)))",
    ),
    (
        "i32.store",
        4,
        "(i32.store $o (local.get 0) (i32.const -1))",
    ),
    (
        "i64.store",
        8,
        "(i64.store $o (local.get 0) (i64.const -1))",
    ),
    (
        "f32.store",
        4,
        "(f32.store $o (local.get 0) (f32.const -1))",
    ),
    (
        "f64.store",
        8,
        "(f64.store $o (local.get 0) (f64.const -1))",
    ),
    (
        "i32.store8",
        1,
        "(i32.store8 $o (local.get 0) (i32.const -1))",
    ),
    (
        "i64.store16",
        2,
        "(i64.store16 $o (local.get 0) (i64.const -1))",
    ),
    (
        "i64.store32",
        4,
        "(i64.store32 $o (local.get 0) (i64.const -1))",
    ),
    (
        "v128.store",
        16,
        "(v128.store $o (local.get 0) (v128.const i64x2 -1 -1))",
    ),
    (
        "v128.store64_lane",
        8,
        "(v128.store64_lane $o 1 (local.get 0) (v128.const i64x2 -1 -1))",
    ),
];

/// The static offsets each access is compiled with: none, small, one that
/// a 64 KiB guard cannot absorb, and the largest (the sum must not wrap).
const OFFSETS: &[u32] = &[0, 1, PAGE, u32::MAX];

fn is_store(name: &str) -> bool {
    name.contains("store")
}

/// The module: a memory of 2 pages (at most 4), every access at every
/// offset as `NAME@OFFSET`, a few constant-address accesses, `grow`, and a
/// second memory of one page.
fn module_text() -> String {
    let mut funcs = String::new();
    for &(name, _, body) in ACCESSES {
        for &offset in OFFSETS {
            let result = if is_store(name) { "" } else { "(result i32)" };
            let body = body.replace("$o", &format!("offset={offset}"));
            funcs.push_str(&format!(
                "  (func (export \"{name}@{offset}\") (param i32) {result} {body})\n"
            ));
        }
    }
    format!(
        r#"(module
  (memory $m (export "mem") 2 4)
  (memory $other 1 1)
{funcs}
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  ;; Constant addresses are folded into the check (or the displacement).
  (func (export "load at 131068") (result i32) (i32.load (i32.const 131068)))
  (func (export "load at 131069") (result i32) (i32.load (i32.const 131069)))
  (func (export "load at 131072") (result i32) (i32.load (i32.const 131072)))
  (func (export "store at -1") (i32.store8 (i32.const -1) (i32.const 7)))
  (func (export "store at 131071") (i32.store8 (i32.const 131071) (i32.const 7)))
  ;; The second memory has its own length.
  (func (export "other.load8") (param i32) (result i32)
    (i32.load8_u $other (local.get 0)))
  ;; Bulk operators check in their builtins.
  (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 1) (local.get 1)))
)"#
    )
}

struct Probe {
    store: Store<()>,
    instance: Instance,
    memory: Memory,
}

impl Probe {
    fn new(engine: &Engine, module: &Module) -> Probe {
        let mut store = Store::new(engine, ());
        let instance = Instance::new(&mut store, module, &[]).expect("instantiate");
        let memory = instance.get_memory(&mut store, "mem").expect("mem");
        Probe {
            store,
            instance,
            memory,
        }
    }

    /// Run access `name@offset` at `addr`: `Ok` or the trap code.
    fn access(&mut self, name: &str, offset: u32, addr: u32) -> Result<(), TrapCode> {
        let export = format!("{name}@{offset}");
        let result = if is_store(name) {
            let f = self
                .instance
                .get_typed_func::<i32, ()>(&mut self.store, &export)
                .expect(&export);
            f.call(&mut self.store, addr as i32)
        } else {
            let f = self
                .instance
                .get_typed_func::<i32, i32>(&mut self.store, &export)
                .expect(&export);
            f.call(&mut self.store, addr as i32).map(drop)
        };
        result.map_err(|e| match e {
            Error::Trap(t) => t.code,
            other => panic!("{export} at {addr}: not a trap: {other}"),
        })
    }

    fn call0(&mut self, name: &str) -> Result<i32, TrapCode> {
        let f = self
            .instance
            .get_typed_func::<(), i32>(&mut self.store, name)
            .expect(name);
        f.call(&mut self.store, ())
            .map_err(|e| e.trap_code().expect(name))
    }

    fn call1(&mut self, name: &str, arg: i32) -> Result<i32, TrapCode> {
        let f = self
            .instance
            .get_typed_func::<i32, i32>(&mut self.store, name)
            .expect(name);
        f.call(&mut self.store, arg)
            .map_err(|e| e.trap_code().expect(name))
    }
}

const OOB: Result<(), TrapCode> = Err(TrapCode::MemoryOutOfBounds);

/// The edges of every access at every offset, for a memory of `len` bytes.
fn check_edges(p: &mut Probe, len: u32, layout: &str) {
    for &(name, size, _) in ACCESSES {
        for &offset in OFFSETS {
            let what = |addr: u32| format!("{layout}: {name} offset={offset} at {addr}");
            // The last in-bounds address, if the offset leaves one.
            let last = (len - size).checked_sub(offset);
            if let Some(last) = last {
                assert_eq!(p.access(name, offset, last), Ok(()), "{}", what(last));
                assert_eq!(p.access(name, offset, 0), Ok(()), "{}", what(0));
                // Straddling the end by one byte.
                assert_eq!(p.access(name, offset, last + 1), OOB, "{}", what(last + 1));
            } else {
                assert_eq!(p.access(name, offset, 0), OOB, "{}", what(0));
            }
            for addr in [len - 1, len, u32::MAX - size, u32::MAX] {
                if last.is_none_or(|last| addr > last) {
                    assert_eq!(p.access(name, offset, addr), OOB, "{}", what(addr));
                }
            }
        }
    }
}

#[test]
fn every_access_traps_exactly_at_the_end_under_every_layout() {
    let wat = module_text();
    for (layout, config, checked) in layouts() {
        let engine = Engine::new(&config).unwrap();
        let module = Module::new(&engine, &wat).unwrap();
        let mut p = Probe::new(&engine, &module);
        let len = 2 * PAGE;
        check_edges(&mut p, len, layout);

        // A store that straddles the end writes nothing when it is
        // checked in code. With guard pages, the fault decides: x86-64
        // faults before writing any byte of a page-crossing store, but an
        // AArch64 store (as qemu runs it, at least) may write the bytes
        // before the inaccessible page first, so only the checked layouts
        // promise this everywhere.
        let promised = checked || cfg!(target_arch = "x86_64");
        let tail = (len - 16) as usize;
        let pattern: Vec<u8> = (0..16).map(|i| 0xA0 + i).collect();
        p.memory.write(&mut p.store, tail, &pattern).unwrap();
        for &(name, size, _) in ACCESSES.iter().filter(|a| is_store(a.0) && a.1 > 1) {
            assert_eq!(p.access(name, 0, len - size + 1), OOB, "{layout}: {name}");
            if !promised {
                continue;
            }
            let mut now = [0u8; 16];
            p.memory.read(&p.store, tail, &mut now).unwrap();
            assert_eq!(
                &now[..],
                &pattern[..],
                "{layout}: {name} wrote part of itself"
            );
        }

        // Constant addresses.
        let tail_word = Ok(0xAFAEADACu32 as i32);
        assert_eq!(p.call0("load at 131068"), tail_word, "{layout}");
        assert_eq!(p.call0("load at 131069"), Err(TrapCode::MemoryOutOfBounds));
        assert_eq!(p.call0("load at 131072"), Err(TrapCode::MemoryOutOfBounds));
        let store_at = |p: &mut Probe, name: &str| {
            let f = p
                .instance
                .get_typed_func::<(), ()>(&mut p.store, name)
                .unwrap();
            f.call(&mut p.store, ()).map_err(|e| e.trap_code().unwrap())
        };
        assert_eq!(store_at(&mut p, "store at 131071"), Ok(()), "{layout}");
        assert_eq!(store_at(&mut p, "store at -1"), OOB, "{layout}");

        // The second memory is one page.
        assert_eq!(p.call1("other.load8", PAGE as i32 - 1), Ok(0), "{layout}");
        assert_eq!(
            p.call1("other.load8", PAGE as i32),
            Err(TrapCode::MemoryOutOfBounds)
        );

        // Bulk operators.
        let fill = p
            .instance
            .get_typed_func::<(i32, i32), ()>(&mut p.store, "fill")
            .unwrap();
        assert!(fill.call(&mut p.store, (len as i32 - 4, 4)).is_ok());
        let err = fill.call(&mut p.store, (len as i32 - 4, 5)).unwrap_err();
        assert_eq!(
            err.trap_code(),
            Some(TrapCode::MemoryOutOfBounds),
            "{layout}"
        );

        // Growing moves the bound, for code compiled before the growth.
        assert_eq!(p.call1("grow", 1), Ok(2), "{layout}");
        check_edges(&mut p, 3 * PAGE, layout);
        assert_eq!(p.call1("grow", 1), Ok(3), "{layout}");
        assert_eq!(p.call1("grow", 1), Ok(-1), "{layout}: the declared maximum");
        check_edges(&mut p, 4 * PAGE, layout);
    }
}

#[test]
fn a_small_reservation_caps_the_memory() {
    let mut config = Config::new();
    config
        .memory_reservation(4 * PAGE as u64)
        .memory_guard_size(0);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(
        &engine,
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
             (func (export "size") (result i32) (memory.size)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let grow = instance
        .get_typed_func::<i32, i32>(&mut store, "grow")
        .unwrap();
    assert_eq!(
        grow.call(&mut store, 4).unwrap(),
        -1,
        "past the reservation"
    );
    assert_eq!(grow.call(&mut store, 3).unwrap(), 1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);
    let size = instance
        .get_typed_func::<(), i32>(&mut store, "size")
        .unwrap();
    assert_eq!(size.call(&mut store, ()).unwrap(), 4);

    // A minimum that does not fit is an instantiation error that names the
    // setting.
    let big = Module::new(&engine, "(module (memory 5))").unwrap();
    let err = Instance::new(&mut store, &big, &[]).unwrap_err();
    assert!(matches!(err, Error::Instantiation(_)), "{err:?}");
    assert!(
        err.to_string().contains("Config::memory_reservation"),
        "{err}"
    );
    // So is a host memory's.
    let err = Memory::new(&mut store, flint::MemoryType::new(5, None)).unwrap_err();
    assert!(err.to_string().contains("does not fit"), "{err}");
}

#[test]
fn absurd_layouts_are_refused() {
    let mut config = Config::new();
    config.memory_reservation(u64::MAX);
    let err = Engine::new(&config).unwrap_err();
    assert!(err.to_string().contains("address space"), "{err}");
    let mut config = Config::new();
    config.memory_guard_size(1 << 41);
    assert!(Engine::new(&config).is_err());
}

#[test]
fn artifacts_record_the_memory_layout() {
    let mut small = Config::new();
    small.memory_reservation(1 << 20).memory_guard_size(0);
    let small = Engine::new(&small).unwrap();
    let wat = r#"(module (memory 1)
        (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))"#;
    let bytes = Module::new(&small, wat).unwrap().serialize().unwrap();
    // SAFETY: the bytes are an artifact this process just made.
    let err = unsafe { Module::deserialize(&Engine::default(), &bytes) }.unwrap_err();
    assert!(matches!(err, Error::Artifact(_)), "{err:?}");
    assert!(
        err.to_string().contains("Config::memory_reservation"),
        "{err}"
    );
    // The other way round too: code without checks must not run in small
    // reservations.
    let default_bytes = Module::new(&Engine::default(), wat)
        .unwrap()
        .serialize()
        .unwrap();
    // SAFETY: as above.
    assert!(unsafe { Module::deserialize(&small, &default_bytes) }.is_err());
    // The same layout loads, and its checks work.
    // SAFETY: as above.
    let module = unsafe { Module::deserialize(&small, &bytes) }.unwrap();
    let mut store = Store::new(&small, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let load = instance
        .get_typed_func::<i32, i32>(&mut store, "load")
        .unwrap();
    assert_eq!(load.call(&mut store, PAGE as i32 - 4).unwrap(), 0);
    let err = load.call(&mut store, PAGE as i32 - 3).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
}

fn pooled(total_memories: u32, reservation: u64) -> Engine {
    let mut config = Config::new();
    config
        .memory_reservation(reservation)
        .memory_guard_size(0)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(PoolingConfig {
            total_memories,
            max_memory_size: reservation,
        }));
    Engine::new(&config).unwrap()
}

#[test]
fn the_pool_is_bounded_reused_and_zeroed() {
    let engine = pooled(3, 4 * PAGE as u64);
    let module = Module::new(
        &engine,
        r#"(module (memory (export "mem") 1)
             (func (export "peek") (param i32) (result i32) (i32.load (local.get 0))))"#,
    )
    .unwrap();
    let mut first = Store::new(&engine, ());
    let a = Instance::new(&mut first, &module, &[]).unwrap();
    let mem = a.get_memory(&mut first, "mem").unwrap();
    mem.write(&mut first, 100, &[1, 2, 3, 4]).unwrap();
    Instance::new(&mut first, &module, &[]).unwrap();
    let mut second = Store::new(&engine, ());
    Instance::new(&mut second, &module, &[]).unwrap();
    // The pool is exhausted: a clean error, at instantiation.
    let err = Instance::new(&mut second, &module, &[]).unwrap_err();
    assert!(matches!(err, Error::Instantiation(_)), "{err:?}");
    assert!(
        err.to_string().contains("PoolingConfig::total_memories"),
        "{err}"
    );
    // Dropping a store frees its slots, and a reused slot is zero.
    drop(first);
    for _ in 0..2 {
        let b = Instance::new(&mut second, &module, &[]).unwrap();
        let peek = b.get_typed_func::<i32, i32>(&mut second, "peek").unwrap();
        assert_eq!(peek.call(&mut second, 100).unwrap(), 0);
    }
    assert!(Instance::new(&mut second, &module, &[]).is_err());
}

/// How many instances the density tests keep alive at once.
const DENSITY: usize = 100_000;

/// Instantiate `DENSITY` instances of a one-page module into one store,
/// all alive at the end, and check a sample of them.
fn instantiate_many(engine: &Engine, what: &str) {
    let module = Module::new(
        engine,
        r#"(module (memory 1 1)
             (func (export "poke") (param i32) (result i32)
               (i32.store (local.get 0) (local.get 0))
               (i32.load (local.get 0))))"#,
    )
    .unwrap();
    let start = std::time::Instant::now();
    let mut store = Store::new(engine, ());
    let mut instances = Vec::with_capacity(DENSITY);
    for i in 0..DENSITY {
        let instance = Instance::new(&mut store, &module, &[])
            .unwrap_or_else(|e| panic!("{what}: instance {i} failed: {e}"));
        instances.push(instance);
    }
    let elapsed = start.elapsed();
    for instance in instances.iter().step_by(DENSITY / 100) {
        let poke = instance
            .get_typed_func::<i32, i32>(&mut store, "poke")
            .unwrap();
        assert_eq!(poke.call(&mut store, 1234).unwrap(), 1234);
        let err = poke.call(&mut store, PAGE as i32 - 3).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
    }
    println!(
        "{what}: {DENSITY} live instances in {:.2?} ({:.1} µs each)",
        elapsed,
        elapsed.as_secs_f64() * 1e6 / DENSITY as f64
    );
}

#[test]
fn a_hundred_thousand_instances_on_demand() {
    let mut config = Config::new();
    config.memory_reservation(PAGE as u64).memory_guard_size(0);
    instantiate_many(&Engine::new(&config).unwrap(), "on demand, 64 KiB");
}

#[test]
fn a_hundred_thousand_instances_pooled() {
    let engine = pooled(DENSITY as u32, PAGE as u64);
    instantiate_many(&engine, "pooled, 64 KiB");
}
