//! `Config::profiler(ProfilingStrategy::PerfMap)`: every compiled function
//! is listed in `/tmp/perf-PID.map` with its name and an address range
//! inside this process's executable JIT code, ranges in order and
//! disjoint. A test binary of its own: the file is per process.

use flint::{Config, Engine, Instance, Module, ProfilingStrategy, Store};

/// The executable mappings of this process, from `/proc/self/maps`.
fn executable_ranges() -> Vec<(usize, usize)> {
    std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .filter(|l| l.split_whitespace().nth(1).is_some_and(|p| p.contains('x')))
        .map(|l| {
            let range = l.split_whitespace().next().unwrap();
            let (a, b) = range.split_once('-').unwrap();
            (
                usize::from_str_radix(a, 16).unwrap(),
                usize::from_str_radix(b, 16).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_perf_map_lists_every_function_with_its_code_range() {
    let mut config = Config::new();
    config.profiler(ProfilingStrategy::PerfMap);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(
        &engine,
        r#"(module
             (import "host" "f" (func $imported))
             (func $square (export "square") (param i32) (result i32)
               (i32.mul (local.get 0) (local.get 0)))
             (func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
             (func $twice (export "twice") (param i32) (result i32)
               (call 2 (call $square (local.get 0)))))"#,
    )
    .unwrap();
    let path = format!("/tmp/perf-{}.map", std::process::id());
    let map = std::fs::read_to_string(&path).unwrap();
    let entries: Vec<(usize, usize, &str)> = map
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let start = usize::from_str_radix(parts.next().unwrap(), 16).unwrap();
            let size = usize::from_str_radix(parts.next().unwrap(), 16).unwrap();
            (start, size, parts.next().unwrap())
        })
        .collect();
    // The three defined functions, by name-section name or index (the
    // import has no code).
    let names: Vec<&str> = entries.iter().map(|e| e.2).collect();
    assert_eq!(names, ["square", "wasm-function[2]", "twice"], "{map}");
    let exec = executable_ranges();
    for pair in entries.windows(2) {
        assert_eq!(pair[0].0 + pair[0].1, pair[1].0, "contiguous: {map}");
    }
    for &(start, size, name) in &entries {
        assert!(size > 0, "{name} has no code");
        assert!(
            exec.iter()
                .any(|&(lo, hi)| lo <= start && start + size <= hi),
            "{name} at {start:#x}+{size:#x} is not in executable memory"
        );
    }
    // And the code the map describes is the code that runs.
    let mut store = Store::new(&engine, ());
    let f = flint::Func::wrap(&mut store, || {});
    let instance = Instance::new(&mut store, &module, &[f.into()]).unwrap();
    let twice = instance
        .get_typed_func::<i32, i32>(&mut store, "twice")
        .unwrap();
    assert_eq!(twice.call(&mut store, 7).unwrap(), 50);
    std::fs::remove_file(&path).unwrap();
}
