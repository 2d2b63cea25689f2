//! Bad input never panics: a deterministic mutation smoke test.
//!
//! Real modules (the bench kernels and the WASI test program) are mutated
//! by byte flips, insertions and deletions from a fixed-seed generator, and
//! each result goes through `Module::new` and, when it compiles,
//! `Instance::new`. Every outcome must be a value (`Ok` or an `Error`),
//! never a panic. The seed is fixed so CI is deterministic; a longer run is
//! `FLINT_MUTATIONS=2000000 cargo test --release --test robustness`, or
//! `FLINT_MUTATION_SECONDS=1800` for a timed one (how the aarch64 runs under
//! qemu are done; `fuzz/` holds the coverage-guided `cargo fuzz` target).

use flint::{Engine, Instance, Module, Store};

/// xorshift64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn mutated_modules_never_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/kernels/wasm");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("the bench kernels are committed")
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    seeds.sort();
    seeds.push(
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/wasi-tests/hello.wasm"
        ))
        .unwrap(),
    );
    // The shapes that test compile-time linearity, small.
    seeds.extend(
        flint_oracle::patterns::seeds()
            .into_iter()
            .map(|(_, wasm)| wasm),
    );
    let iterations: u64 = std::env::var("FLINT_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let deadline = std::env::var("FLINT_MUTATION_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(|s| std::time::Instant::now() + std::time::Duration::from_secs(s));
    let engine = Engine::default();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut compiled, mut instantiated, mut tried) = (0u64, 0u64, 0u64);
    for i in 0.. {
        let done = match deadline {
            Some(deadline) => i % 256 == 0 && std::time::Instant::now() >= deadline,
            None => i == iterations,
        };
        if done {
            break;
        }
        tried += 1;
        let mut bytes = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = rng.next() as u8,
                1 => bytes.insert(at, rng.next() as u8),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        let outcome = std::panic::catch_unwind(|| match Module::new(&engine, &bytes) {
            Ok(module) => {
                let mut store = Store::new(&engine, ());
                (true, Instance::new(&mut store, &module, &[]).is_ok())
            }
            Err(_) => (false, false),
        });
        match outcome {
            Ok((c, inst)) => {
                compiled += c as u64;
                instantiated += inst as u64;
            }
            Err(_) => {
                let path = std::env::temp_dir().join(format!("flint-panic-{i}.wasm"));
                let _ = std::fs::write(&path, &bytes);
                panic!("input {i} made flint panic; saved to {}", path.display());
            }
        }
    }
    eprintln!("{tried} mutated modules: {compiled} compiled, {instantiated} instantiated");
    // The mutations must not all be rejected at the header: some compile.
    assert!(
        compiled > 0,
        "no mutated module compiled: the test would prove nothing"
    );
}
