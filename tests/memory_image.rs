//! Copy-on-write memory images (`Config::memory_init_cow`) through the
//! public API: a module whose data segments allow an image gets the same
//! memory contents as with the copy, under every memory layout and
//! allocation strategy, across `memory.grow`, writes by other instances,
//! reuse of the reservation or pool slot after drop, and artifacts; the
//! cases that must copy (imported memory, a `global.get` offset, a segment
//! past the minimum) still do, with the same traps; and instantiating and
//! dropping many times leaks neither file descriptors nor mappings.
//!
//! Whether an image was used is read from `/proc/self/maps`, where the
//! image's memfd shows as `/memfd:flint-memory-image`: the contents alone
//! cannot tell the two ways apart, which is the point.

use flint::{
    Config, Engine, Extern, Instance, InstanceAllocationStrategy, Memory, MemoryType, Module,
    PoolingConfig, Store,
};
use std::sync::Mutex;

/// The tests count mappings and descriptors of the whole process: one at a
/// time.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

const PAGE: usize = 65536;

/// The layouts and allocators the images must work with.
fn configs(cow: bool) -> Vec<(&'static str, Config)> {
    let pool = |reservation: u64| {
        InstanceAllocationStrategy::Pooling(PoolingConfig {
            total_memories: 4,
            max_memory_size: reservation,
        })
    };
    let mut out = vec![("default (guard pages)", Config::new())];
    let mut c = Config::new();
    c.memory_reservation(16 * PAGE as u64).memory_guard_size(0);
    out.push(("1 MiB, no guard (read/write at once)", c));
    let mut c = Config::new();
    c.memory_reservation(16 * PAGE as u64)
        .memory_guard_size(PAGE as u64);
    out.push(("1 MiB, 64 KiB guard", c));
    let mut c = Config::new();
    c.memory_reservation(16 * PAGE as u64)
        .memory_guard_size(0)
        .allocation_strategy(pool(16 * PAGE as u64));
    out.push(("pooled 1 MiB, no guard (madvise reset)", c));
    let mut c = Config::new();
    c.memory_reservation(16 * PAGE as u64)
        .memory_guard_size(PAGE as u64)
        .allocation_strategy(pool(16 * PAGE as u64));
    out.push(("pooled 1 MiB, 64 KiB guard", c));
    for (_, c) in &mut out {
        c.memory_init_cow(cow);
    }
    out
}

/// A pattern no two nearby bytes share, so a misplaced page shows.
fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[2] ^ seed)
        .collect()
}

/// `"..."` escaped for a wat string.
fn escaped(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

/// A module of 4 pages (growable to 8) with 200 KiB of data at an
/// unaligned offset, a small segment overwriting part of it, one at an
/// extended-constant offset, and a passive one (which `memory.init`
/// copies on request).
fn data_module() -> String {
    let big = pattern(200 << 10, 0x5A);
    format!(
        r#"(module
            (memory (export "mem") 4 8)
            (data (i32.const 1000) "{}")
            (data (i32.const 4096) "overwritten")
            (data (i32.add (i32.const 250000) (i32.const 7)) "extended")
            (data $passive "passive")
            (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
            (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
            (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
            (func (export "init") (param i32) (memory.init $passive (local.get 0) (i32.const 0) (i32.const 7))))"#,
        escaped(&big)
    )
}

/// The memory contents the data module must start with.
fn expected_contents() -> Vec<u8> {
    let mut mem = vec![0u8; 4 * PAGE];
    mem[1000..1000 + (200 << 10)].copy_from_slice(&pattern(200 << 10, 0x5A));
    mem[4096..4096 + 11].copy_from_slice(b"overwritten");
    mem[250_007..250_015].copy_from_slice(b"extended");
    mem
}

/// How many mappings of a memory image the process has.
fn image_mappings() -> usize {
    std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .filter(|l| l.contains("flint-memory-image"))
        .count()
}

fn maps_lines() -> usize {
    std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .count()
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

fn call(store: &mut Store<()>, instance: &Instance, name: &str, args: &[i32]) -> Option<i32> {
    let f = instance.get_func(&mut *store, name).expect(name);
    let params: Vec<flint::Val> = args.iter().map(|&a| flint::Val::I32(a)).collect();
    let mut results = vec![flint::Val::I32(0); f.ty(&*store).results().len()];
    f.call(&mut *store, &params, &mut results).expect(name);
    results.first().map(|r| r.unwrap_i32())
}

#[test]
fn images_give_the_copys_contents_under_every_layout() {
    let _serial = serial();
    let wat = data_module();
    let expected = expected_contents();
    for cow in [true, false] {
        for (layout, config) in configs(cow) {
            let what = format!("{layout}, cow {cow}");
            let engine = Engine::new(&config).unwrap();
            let module = Module::new(&engine, &wat).unwrap();
            let mut store = Store::new(&engine, ());
            let a = Instance::new(&mut store, &module, &[]).unwrap();
            let b = Instance::new(&mut store, &module, &[]).unwrap();
            assert_eq!(
                image_mappings(),
                if cow { 2 } else { 0 },
                "{what}: one image mapping per instance, or none"
            );
            let mem_a = a.get_memory(&mut store, "mem").unwrap();
            let mem_b = b.get_memory(&mut store, "mem").unwrap();
            assert!(mem_a.data(&store) == &expected[..], "{what}: contents");
            // A write is private to its instance, from wasm and the host.
            call(&mut store, &a, "store8", &[1000, 0xEE]);
            mem_a.write(&mut store, 5000, &[1, 2, 3]).unwrap();
            assert_eq!(call(&mut store, &a, "load8", &[1000]), Some(0xEE), "{what}");
            assert_eq!(
                call(&mut store, &b, "load8", &[1000]),
                Some(expected[1000] as i32),
                "{what}: b keeps its own copy"
            );
            assert_eq!(&mem_b.data(&store)[5000..5003], &expected[5000..5003]);
            // Growing keeps the image's pages and adds zero pages.
            assert_eq!(call(&mut store, &a, "grow", &[2]), Some(4), "{what}");
            assert_eq!(mem_a.data(&store).len(), 6 * PAGE);
            assert_eq!(&mem_a.data(&store)[250_007..250_015], b"extended");
            assert!(mem_a.data(&store)[4 * PAGE..].iter().all(|&x| x == 0));
            call(&mut store, &a, "store8", &[6 * PAGE as i32 - 1, 9]);
            // The passive segment was left alone, and still applies.
            assert_eq!(&mem_a.data(&store)[300_000..300_007], &[0; 7]);
            call(&mut store, &a, "init", &[300_000]);
            assert_eq!(&mem_a.data(&store)[300_000..300_007], b"passive");
            drop(store);
            assert_eq!(image_mappings(), 0, "{what}: dropping removes the images");
            // The reservations and slots are reused (the pool's first;
            // the on-demand cache likely): whoever gets them sees zeros.
            let empty = Module::new(&engine, r#"(module (memory (export "mem") 8))"#).unwrap();
            let mut store = Store::new(&engine, ());
            for _ in 0..2 {
                let i = Instance::new(&mut store, &empty, &[]).unwrap();
                let mem = i.get_memory(&mut store, "mem").unwrap();
                assert!(
                    mem.data(&store).iter().all(|&x| x == 0),
                    "{what}: a reused reservation is zero"
                );
            }
        }
    }
}

#[test]
fn artifacts_use_images_too() {
    let _serial = serial();
    let engine = Engine::default();
    let bytes = Module::new(&engine, data_module())
        .unwrap()
        .serialize()
        .unwrap();
    // SAFETY: an artifact this process just made.
    let module = unsafe { Module::deserialize(&engine, &bytes) }.unwrap();
    let mut store = Store::new(&engine, ());
    let i = Instance::new(&mut store, &module, &[]).unwrap();
    assert_eq!(image_mappings(), 1);
    let mem = i.get_memory(&mut store, "mem").unwrap();
    assert!(mem.data(&store) == &expected_contents()[..]);
}

/// How many read/write mappings of the file at `path` the process has:
/// memory images mapped from it (its code and tables are mapped
/// read-only).
fn writable_mappings_of(path: &std::path::Path) -> usize {
    let path = path.to_str().unwrap();
    std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .filter(|l| l.ends_with(path) && l.split_whitespace().nth(1) == Some("rw-p"))
        .count()
}

/// A module loaded with `deserialize_file` maps its images from the
/// artifact file itself, under every layout: no memfd is built, no data
/// is copied, and writes stay private to each instance (the file is
/// unchanged).
#[test]
fn artifact_files_map_their_images_from_the_file() {
    let _serial = serial();
    let expected = expected_contents();
    for (layout, config) in configs(true) {
        let engine = Engine::new(&config).unwrap();
        let bytes = Module::new(&engine, data_module())
            .unwrap()
            .serialize()
            .unwrap();
        let path = std::env::temp_dir().join(format!(
            "flint-image-artifact-test-{}.cwasm",
            std::process::id()
        ));
        std::fs::write(&path, &bytes).unwrap();
        // SAFETY: an artifact this process just wrote, unchanged while
        // the module lives.
        let module = unsafe { Module::deserialize_file(&engine, &path) }.unwrap();
        let mut store = Store::new(&engine, ());
        let a = Instance::new(&mut store, &module, &[]).unwrap();
        let b = Instance::new(&mut store, &module, &[]).unwrap();
        assert_eq!(image_mappings(), 0, "{layout}: no memfd");
        assert_eq!(writable_mappings_of(&path), 2, "{layout}: one per instance");
        let mem_a = a.get_memory(&mut store, "mem").unwrap();
        assert!(mem_a.data(&store) == &expected[..], "{layout}: contents");
        call(&mut store, &a, "store8", &[1000, 0xEE]);
        assert_eq!(call(&mut store, &a, "load8", &[1000]), Some(0xEE));
        assert_eq!(
            call(&mut store, &b, "load8", &[1000]),
            Some(expected[1000] as i32),
            "{layout}: b keeps its own copy"
        );
        assert_eq!(call(&mut store, &a, "grow", &[2]), Some(4), "{layout}");
        call(&mut store, &a, "init", &[300_000]);
        assert_eq!(&mem_a.data(&store)[300_000..300_007], b"passive");
        drop(store);
        assert_eq!(writable_mappings_of(&path), 0, "{layout}: gone with them");
        drop(module);
        assert!(
            std::fs::read(&path).unwrap() == bytes,
            "the file is unchanged"
        );
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn segments_that_cannot_be_imaged_are_copied() {
    let _serial = serial();
    let engine = Engine::default();
    let big = escaped(&pattern(100 << 10, 1));
    // A `global.get` offset: its value is the instance's.
    let global = format!(
        r#"(module (import "host" "g" (global i32)) (memory (export "mem") 4)
            (data (global.get 0) "{big}"))"#
    );
    // An imported memory: its contents are not the module's to replace.
    let imported =
        format!(r#"(module (import "host" "mem" (memory 4)) (data (i32.const 10) "{big}"))"#);
    // A segment past the minimum: instantiation traps, after writing the
    // segments before it (visible in the imported memory).
    let trapping = format!(
        r#"(module (import "host" "mem" (memory 2))
            (data (i32.const 0) "{big}") (data (i32.const 131070) "abc"))"#
    );
    let mut store = Store::new(&engine, ());
    let module = Module::new(&engine, &global).unwrap();
    let g = flint::Global::new(
        &mut store,
        flint::GlobalType {
            content: flint::ValType::I32,
            mutable: false,
        },
        flint::Val::I32(70000),
    )
    .unwrap();
    let i = Instance::new(&mut store, &module, &[Extern::Global(g)]).unwrap();
    assert_eq!(image_mappings(), 0);
    let mem = i.get_memory(&mut store, "mem").unwrap();
    assert_eq!(
        &mem.data(&store)[70000..70000 + (100 << 10)],
        &pattern(100 << 10, 1)[..]
    );
    for (wat, min) in [(imported, 4), (trapping, 2)] {
        let host = Memory::new(&mut store, MemoryType::new(min, None)).unwrap();
        let module = Module::new(&engine, &wat).unwrap();
        let result = Instance::new(&mut store, &module, &[Extern::Memory(host)]);
        assert_eq!(image_mappings(), 0);
        let start = if min == 4 { 10 } else { 0 };
        assert_eq!(
            &host.data(&store)[start..start + (100 << 10)],
            &pattern(100 << 10, 1)[..]
        );
        if min == 2 {
            let err = result.expect_err("the second segment does not fit");
            assert_eq!(err.trap_code(), Some(flint::TrapCode::MemoryOutOfBounds));
        } else {
            result.unwrap();
        }
    }
    // A defined memory whose segment does not fit: the same trap.
    let past = format!(r#"(module (memory 1) (data (i32.const 0) "{big}"))"#);
    let module = Module::new(&engine, &past).unwrap();
    let err = Instance::new(&mut store, &module, &[]).expect_err("does not fit");
    assert_eq!(err.trap_code(), Some(flint::TrapCode::MemoryOutOfBounds));
}

#[test]
fn instantiating_and_dropping_leaks_no_descriptors_or_mappings() {
    let _serial = serial();
    for (layout, config) in configs(true) {
        let engine = Engine::new(&config).unwrap();
        let module = Module::new(&engine, data_module()).unwrap();
        let cycle = || {
            let mut store = Store::new(&engine, ());
            let i = Instance::new(&mut store, &module, &[]).unwrap();
            call(&mut store, &i, "store8", &[1000, 1]);
            assert_eq!(image_mappings(), 1, "{layout}");
        };
        // Warm up: the module's memfd, the reservation cache.
        for _ in 0..20 {
            cycle();
        }
        let (fds, maps) = (open_fds(), maps_lines());
        for _ in 0..500 {
            cycle();
        }
        assert_eq!(open_fds(), fds, "{layout}: descriptors");
        assert!(
            maps_lines() <= maps,
            "{layout}: mappings grew from {maps} to {}",
            maps_lines()
        );
        assert_eq!(image_mappings(), 0, "{layout}");
        // The module holds one descriptor, for its image, and frees it.
        drop(module);
        assert_eq!(open_fds(), fds - 1, "{layout}: the module's memfd");
    }
}
