//! Stack exhaustion, caught by the prologue's stack-limit check, and the
//! configurable limit.

use super::*;

const RECURSION: &str = r#"
(module
  (type $i2i (func (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) $through_table)
  (func $runaway (export "runaway") (param i32) (result i32)
    (i32.add (call $runaway (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  (func $ping (export "ping") (param i32) (result i32) (call $pong (local.get 0)))
  (func $pong (param i32) (result i32) (call $ping (i32.add (local.get 0) (i32.const 1))))
  (func $through_table (export "through_table") (param i32) (result i32)
    (call_indirect (type $i2i) (local.get 0) (i32.const 0)))
  ;; depth(n) = n, recursing n deep.
  (func $depth (export "depth") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (call $depth (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))))
"#;

/// A recursion depth that fits in the default 1 MiB wasm stack on every
/// backend with room to spare: it allows 1 MiB / 4096 = 256 bytes per
/// frame, and a frame of `depth` is a return address, a frame pointer and a
/// few slots (48 bytes on x86-64, where 21 843 frames fit; aarch64 keeps
/// frames 16-byte aligned, which adds at most 8 bytes per frame).
const BOUNDED_DEPTH: i32 = 4096;

#[test]
fn unbounded_recursion_exhausts_the_stack() {
    on_big_stack(|| {
        let (mut store, inst) = instance(RECURSION);
        let depth = inst
            .get_typed_func::<i32, i32>(&mut store, "depth")
            .unwrap();
        assert_eq!(
            depth.call(&mut store, BOUNDED_DEPTH).unwrap(),
            BOUNDED_DEPTH
        );
        for name in ["runaway", "ping", "through_table"] {
            let f = inst.get_typed_func::<i32, i32>(&mut store, name).unwrap();
            assert_trap(f.call(&mut store, 0), STACK_EXHAUSTED, name);
            // The limit is restored after the trap: bounded recursion still
            // works, and overflowing again behaves the same.
            assert_eq!(
                depth.call(&mut store, BOUNDED_DEPTH).unwrap(),
                BOUNDED_DEPTH,
                "after {name}"
            );
            assert_trap(f.call(&mut store, 0), STACK_EXHAUSTED, name);
        }
        // Bounded but too deep for the limit is the same trap.
        assert_trap(
            depth.call(&mut store, 100_000_000),
            STACK_EXHAUSTED,
            "depth 1e8",
        );
        assert_eq!(
            depth.call(&mut store, BOUNDED_DEPTH).unwrap(),
            BOUNDED_DEPTH
        );
        assert_eq!(depth.call(&mut store, 0).unwrap(), 0);
    });
}

#[test]
fn the_stack_limit_is_configurable() {
    on_big_stack(|| {
        // 32 MiB of wasm stack: a depth that overflows the default 1 MiB
        // (100 000 frames need more than 1 MiB, since every frame holds at
        // least a return address and a frame pointer) now fits, with up to
        // 335 bytes per frame.
        let deep = 100_000;
        let mut config = Config::new();
        config.max_wasm_stack(32 << 20);
        let (mut store, inst) = instance_with(&Engine::new(&config).unwrap(), RECURSION);
        let depth = inst
            .get_typed_func::<i32, i32>(&mut store, "depth")
            .unwrap();
        assert_eq!(depth.call(&mut store, deep).unwrap(), deep);
        assert_trap(
            depth.call(&mut store, 100_000_000),
            STACK_EXHAUSTED,
            "32 MiB limit",
        );

        let (mut store, inst) = instance(RECURSION);
        let depth = inst
            .get_typed_func::<i32, i32>(&mut store, "depth")
            .unwrap();
        assert_trap(
            depth.call(&mut store, deep),
            STACK_EXHAUSTED,
            "default limit",
        );
    });
}
