//! Every kind of trap, through the public API, with its exact `TrapCode` and
//! the exact text the host sees (`Error`'s `Display`).
//!
//! Why a separate test: traps are where the backends differ the most. Some
//! are hardware faults in guard pages (out-of-bounds memory), some are
//! explicit checks that branch to an out-of-line trap stub (division,
//! conversions, `call_indirect`, the stack limit), and x86-64 and aarch64
//! disagree on what the raw instructions do: x86 `idiv` faults on a zero
//! divisor and on `MIN / -1`, aarch64 `sdiv` quietly returns 0 or `MIN`;
//! x86 `cvttss2si` returns a sentinel on NaN and overflow, aarch64 `fcvtzs`
//! saturates. Each backend therefore needs its own checks, and this file
//! pins down what they must all produce.
//!
//! The expected values are fixed constants and nothing here depends on the
//! architecture. CI runs this same binary natively on x86-64 and on aarch64
//! (under qemu-user, `cargo test --target aarch64-unknown-linux-gnu`); both
//! runs passing is what shows the trap behaviour is identical.
//!
//! Every trap is followed by a successful call on the same instance, since a
//! trap must leave the instance usable.

use flint::{Config, Engine, Error, Func, Instance, Module, Result, TrapCode, Val};
use std::convert::identity;

/// The trap a case expects: the code, and the whole `Display` text of the
/// `Error` the host receives.
#[derive(Copy, Clone, Debug)]
struct Expected {
    code: TrapCode,
    display: &'static str,
}

const OUT_OF_BOUNDS: Expected = Expected {
    code: TrapCode::MemoryOutOfBounds,
    display: "wasm trap: out of bounds memory access",
};
const STACK_EXHAUSTED: Expected = Expected {
    code: TrapCode::StackOverflow,
    display: "wasm trap: call stack exhausted",
};
const DIVIDE_BY_ZERO: Expected = Expected {
    code: TrapCode::IntegerDivideByZero,
    display: "wasm trap: integer divide by zero",
};
const OVERFLOW: Expected = Expected {
    code: TrapCode::IntegerOverflow,
    display: "wasm trap: integer overflow",
};
const INVALID_CONVERSION: Expected = Expected {
    code: TrapCode::InvalidConversionToInteger,
    display: "wasm trap: invalid conversion to integer",
};
const UNREACHABLE: Expected = Expected {
    code: TrapCode::Unreachable,
    display: "wasm trap: unreachable",
};
const UNDEFINED_ELEMENT: Expected = Expected {
    code: TrapCode::TableOutOfBounds,
    display: "wasm trap: undefined element",
};
const UNINITIALIZED_ELEMENT: Expected = Expected {
    code: TrapCode::UninitializedElement,
    display: "wasm trap: uninitialized element",
};
const TYPE_MISMATCH: Expected = Expected {
    code: TrapCode::IndirectCallTypeMismatch,
    display: "wasm trap: indirect call type mismatch",
};

/// Asserts that `result` is exactly the trap `expected`: the code, no host
/// message, and the exact text at each level (`Error`, `Trap`, `TrapCode`).
#[track_caller]
fn assert_trap<T: std::fmt::Debug>(result: Result<T>, expected: Expected, what: &str) {
    let err = match result {
        Ok(v) => panic!(
            "{what}: expected trap `{}`, got Ok({v:?})",
            expected.display
        ),
        Err(e) => e,
    };
    assert_eq!(err.to_string(), expected.display, "{what}: Error's Display");
    let Error::Trap(trap) = err else {
        panic!("{what}: expected a trap, got {err:?}");
    };
    assert_eq!(trap.code, expected.code, "{what}: trap code");
    assert_eq!(trap.host_message, None, "{what}: host message");
    let bare = expected
        .display
        .strip_prefix("wasm trap: ")
        .expect("every expected display starts with the Error prefix");
    assert_eq!(trap.to_string(), bare, "{what}: Trap's Display");
    assert_eq!(trap.code.to_string(), bare, "{what}: TrapCode's Display");
}

fn instance_with(engine: &Engine, wat: &str) -> Instance {
    let module = Module::new(engine, wat).unwrap_or_else(|e| panic!("module failed: {e}"));
    Instance::new(&module, &[]).unwrap_or_else(|e| panic!("instantiation failed: {e}"))
}

fn instance(wat: &str) -> Instance {
    instance_with(&Engine::default(), wat)
}

/// Runs `f` on a thread with a large native stack (64 MiB, above every wasm
/// stack limit used here), so that Flint's wasm stack limit is what stops
/// recursion, not the end of a small test-thread stack.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

// ---------------------------------------------------------------------------
// Out-of-bounds memory accesses (guard pages)
// ---------------------------------------------------------------------------

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
    let inst = instance(MEMORY);
    let mem = inst.get_memory("mem").unwrap();
    let len = PAGE;
    // Known bytes at the very end of the memory, to check the in-bounds
    // loads right next to the trapping ones.
    let tail: Vec<u8> = (0xf0..=0xffu8).collect();
    mem.write((len - 16) as usize, &tail).unwrap();

    // `$bits` turns the result into something comparable: floats are
    // compared bit for bit (the last 4 or 8 bytes happen to be a NaN, whose
    // payload a load must keep).
    macro_rules! check_load {
        ($name:literal, $ty:ty, $size:expr, $bits:expr, $last:expr) => {{
            let f = inst.get_typed_func::<i32, $ty>($name).unwrap();
            let last = len - $size;
            let load = |addr: u32| f.call(addr as i32).map($bits);
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
        .get_typed_func::<i32, i32>("i32.load offset=4294967295")
        .unwrap();
    for addr in [0u32, 1, 2, 4, 65536, 0x8000_0000, u32::MAX] {
        assert_trap(
            f.call(addr as i32),
            OUT_OF_BOUNDS,
            &format!("i32.load offset=4294967295 at {addr}"),
        );
    }
    let f = inst
        .get_typed_func::<i32, i64>("i64.load offset=4294967295")
        .unwrap();
    for addr in [0u32, 1, 9, u32::MAX] {
        // The last one reaches 8 GiB - 2 + 8 bytes: the very end of the
        // reservation and its guard.
        assert_trap(
            f.call(addr as i32),
            OUT_OF_BOUNDS,
            &format!("i64.load offset=4294967295 at {addr}"),
        );
    }
    let f = inst
        .get_typed_func::<i32, i32>("i32.load offset=65532")
        .unwrap();
    assert_eq!(f.call(0).unwrap(), 0xfffe_fdfc_u32 as i32);
    // 0xfffffffd + 65532 wraps to 65529 in 32 bits, which would be in bounds.
    for addr in [1u32, 2, 3, 4, PAGE, 0xffff_fffd, u32::MAX] {
        assert_trap(
            f.call(addr as i32),
            OUT_OF_BOUNDS,
            &format!("i32.load offset=65532 at {addr}"),
        );
    }
    assert_eq!(f.call(0).unwrap(), 0xfffe_fdfc_u32 as i32);

    let at_end = inst.get_typed_func::<(), i32>("i32.load at 65536").unwrap();
    assert_trap(at_end.call(()), OUT_OF_BOUNDS, "i32.load at constant 65536");
    let last = inst.get_typed_func::<(), i32>("i32.load at 65532").unwrap();
    assert_eq!(last.call(()).unwrap(), 0xfffe_fdfc_u32 as i32);
}

#[test]
fn out_of_bounds_stores_trap_and_write_nothing() {
    let inst = instance(MEMORY);
    let mem = inst.get_memory("mem").unwrap();
    let len = PAGE;
    let tail: Vec<u8> = (0xf0..=0xffu8).collect();
    let read_tail = || {
        let mut buf = [0u8; 16];
        mem.read((len - 16) as usize, &mut buf).unwrap();
        buf.to_vec()
    };

    macro_rules! check_store {
        ($name:literal, $ty:ty, $size:expr, $value:expr) => {{
            let f = inst.get_typed_func::<(i32, $ty), ()>($name).unwrap();
            mem.write((len - 16) as usize, &tail).unwrap();
            for addr in out_of_bounds_addresses(len, $size) {
                assert_trap(
                    f.call((addr as i32, $value)),
                    OUT_OF_BOUNDS,
                    &format!("{} at {addr}", $name),
                );
                // A store that traps writes nothing, not even the bytes of
                // a straddling access that are in bounds (the spec requires
                // it; on aarch64 a naive unaligned `str` may write them).
                assert_eq!(read_tail(), tail, "{} at {addr} wrote to memory", $name);
            }
            // The last in-bounds store works and writes exactly its bytes.
            f.call(((len - $size) as i32, $value)).unwrap();
            let mut expected = tail.clone();
            let bytes = $value.to_le_bytes();
            expected[16 - $size as usize..].copy_from_slice(&bytes[..$size as usize]);
            assert_eq!(read_tail(), expected, "{} at the last address", $name);
        }};
    }
    check_store!("i32.store", i32, 4, 0x1122_3344_i32);
    check_store!("i64.store", i64, 8, 0x1122_3344_5566_7788_i64);
    check_store!("f64.store", f64, 8, f64::from_bits(0x1122_3344_5566_7788));
    check_store!("i32.store8", i32, 1, 0x1122_3344_i32);
    check_store!("i32.store16", i32, 2, 0x1122_3344_i32);
    check_store!("i64.store32", i64, 4, 0x1122_3344_5566_7788_i64);

    let f = inst
        .get_typed_func::<(i32, i64), ()>("i64.store offset=65528")
        .unwrap();
    mem.write((len - 16) as usize, &tail).unwrap();
    for addr in [1u32, 7, 8, PAGE, 0xffff_fff0, u32::MAX] {
        assert_trap(
            f.call((addr as i32, -1)),
            OUT_OF_BOUNDS,
            &format!("i64.store offset=65528 at {addr}"),
        );
        assert_eq!(read_tail(), tail, "i64.store offset=65528 at {addr}");
    }
    f.call((0, -1)).unwrap();
    assert_eq!(read_tail()[8..], [0xff; 8]);

    let f = inst.get_typed_func::<(), ()>("i32.store at -1").unwrap();
    assert_trap(f.call(()), OUT_OF_BOUNDS, "i32.store at constant -1");
}

#[test]
fn bounds_follow_memory_grow_and_growing_past_the_maximum_returns_minus_one() {
    let inst = instance(MEMORY);
    let grow = inst.get_typed_func::<i32, i32>("memory.grow").unwrap();
    let size = inst.get_typed_func::<(), i32>("memory.size").unwrap();
    let load = inst.get_typed_func::<i32, i32>("i32.load").unwrap();
    let store = inst.get_typed_func::<(i32, i32), ()>("i32.store").unwrap();

    assert_trap(load.call(PAGE as i32), OUT_OF_BOUNDS, "before growing");
    assert_eq!(grow.call(1).unwrap(), 1, "grow 1 -> 2 pages");
    assert_eq!(size.call(()).unwrap(), 2);
    // The new page is accessible and zeroed; the next one is not.
    assert_eq!(load.call(PAGE as i32).unwrap(), 0);
    store.call((2 * PAGE as i32 - 4, 99)).unwrap();
    assert_eq!(load.call(2 * PAGE as i32 - 4).unwrap(), 99);
    assert_trap(
        load.call(2 * PAGE as i32 - 3),
        OUT_OF_BOUNDS,
        "straddling page 2",
    );
    assert_trap(store.call((2 * PAGE as i32, 1)), OUT_OF_BOUNDS, "page 3");

    // Beyond the declared maximum (3 pages): -1, not a trap, and nothing
    // changes.
    for delta in [2, 3, 0x1_0000, 0x7fff_ffff, -1] {
        assert_eq!(grow.call(delta).unwrap(), -1, "grow by {delta}");
        assert_eq!(
            size.call(()).unwrap(),
            2,
            "size after failed grow by {delta}"
        );
    }
    assert_trap(
        load.call(2 * PAGE as i32),
        OUT_OF_BOUNDS,
        "after failed grows",
    );
    assert_eq!(load.call(2 * PAGE as i32 - 4).unwrap(), 99);

    assert_eq!(grow.call(0).unwrap(), 2, "grow by 0 returns the size");
    assert_eq!(grow.call(1).unwrap(), 2, "grow 2 -> 3 pages (the maximum)");
    assert_eq!(grow.call(1).unwrap(), -1, "at the maximum");
    assert_eq!(size.call(()).unwrap(), 3);
    assert_eq!(load.call(3 * PAGE as i32 - 4).unwrap(), 0);
    assert_trap(load.call(3 * PAGE as i32), OUT_OF_BOUNDS, "past 3 pages");

    // Without a declared maximum the limit is 65536 pages (4 GiB).
    let inst = instance(
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    );
    let grow = inst.get_typed_func::<i32, i32>("grow").unwrap();
    assert_eq!(grow.call(0x1_0000).unwrap(), -1);
    assert_eq!(grow.call(-1).unwrap(), -1);
    assert_eq!(grow.call(1).unwrap(), 1);
}

// ---------------------------------------------------------------------------
// Stack exhaustion (the prologue's stack-limit check)
// ---------------------------------------------------------------------------

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
        let inst = instance(RECURSION);
        let depth = inst.get_typed_func::<i32, i32>("depth").unwrap();
        assert_eq!(depth.call(BOUNDED_DEPTH).unwrap(), BOUNDED_DEPTH);
        for name in ["runaway", "ping", "through_table"] {
            let f = inst.get_typed_func::<i32, i32>(name).unwrap();
            assert_trap(f.call(0), STACK_EXHAUSTED, name);
            // The limit is restored after the trap: bounded recursion still
            // works, and overflowing again behaves the same.
            assert_eq!(
                depth.call(BOUNDED_DEPTH).unwrap(),
                BOUNDED_DEPTH,
                "after {name}"
            );
            assert_trap(f.call(0), STACK_EXHAUSTED, name);
        }
        // Bounded but too deep for the limit is the same trap.
        assert_trap(depth.call(100_000_000), STACK_EXHAUSTED, "depth 1e8");
        assert_eq!(depth.call(BOUNDED_DEPTH).unwrap(), BOUNDED_DEPTH);
        assert_eq!(depth.call(0).unwrap(), 0);
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
        let inst = instance_with(&Engine::new(&config).unwrap(), RECURSION);
        let depth = inst.get_typed_func::<i32, i32>("depth").unwrap();
        assert_eq!(depth.call(deep).unwrap(), deep);
        assert_trap(depth.call(100_000_000), STACK_EXHAUSTED, "32 MiB limit");

        let inst = instance(RECURSION);
        let depth = inst.get_typed_func::<i32, i32>("depth").unwrap();
        assert_trap(depth.call(deep), STACK_EXHAUSTED, "default limit");
    });
}

// ---------------------------------------------------------------------------
// Integer division: divide by zero and overflow (explicit checks)
// ---------------------------------------------------------------------------

const DIV_OPS: [&str; 4] = ["div_s", "div_u", "rem_s", "rem_u"];

/// For every division operator of both widths: `<ty>.<op>` with both operands
/// dynamic, `<ty>.<op> by const 0` and `<ty>.<op> by const -1` with a
/// constant divisor (a lazy-constant compiler emits different code for it),
/// and `<ty>.<op> const` with both operands constant.
fn division_module() -> String {
    let mut wat = String::from("(module\n");
    for ty in ["i32", "i64"] {
        for op in DIV_OPS {
            wat += &format!(
                r#"  (func (export "{ty}.{op}") (param {ty} {ty}) (result {ty})
    ({ty}.{op} (local.get 0) (local.get 1)))
  (func (export "{ty}.{op} by const 0") (param {ty}) (result {ty})
    ({ty}.{op} (local.get 0) ({ty}.const 0)))
  (func (export "{ty}.{op} by const -1") (param {ty}) (result {ty})
    ({ty}.{op} (local.get 0) ({ty}.const -1)))
  (func (export "{ty}.{op} const") (result {ty})
    ({ty}.{op} ({ty}.const 1) ({ty}.const 0)))
"#
            );
        }
    }
    wat + ")"
}

#[test]
fn integer_divide_by_zero() {
    let inst = instance(&division_module());
    for op in DIV_OPS {
        let name = format!("i32.{op}");
        let f = inst.get_typed_func::<(i32, i32), i32>(&name).unwrap();
        for x in [0, 1, -1, i32::MIN, i32::MAX] {
            assert_trap(f.call((x, 0)), DIVIDE_BY_ZERO, &format!("{name} {x} 0"));
        }
        assert_eq!(
            f.call((7, 7)).unwrap(),
            if op.starts_with("div") { 1 } else { 0 }
        );
        let f = inst
            .get_typed_func::<i32, i32>(&format!("i32.{op} by const 0"))
            .unwrap();
        assert_trap(f.call(5), DIVIDE_BY_ZERO, &format!("{name} by const 0"));
        let f = inst
            .get_typed_func::<(), i32>(&format!("i32.{op} const"))
            .unwrap();
        assert_trap(f.call(()), DIVIDE_BY_ZERO, &format!("{name} const"));

        let name = format!("i64.{op}");
        let f = inst.get_typed_func::<(i64, i64), i64>(&name).unwrap();
        for x in [0, 1, -1, i64::MIN, i64::MAX] {
            assert_trap(f.call((x, 0)), DIVIDE_BY_ZERO, &format!("{name} {x} 0"));
        }
        // A divisor whose low 32 bits are zero is not zero.
        assert_eq!(
            f.call((1 << 33, 1 << 32)).unwrap(),
            if op.starts_with("div") { 2 } else { 0 }
        );
        let f = inst
            .get_typed_func::<i64, i64>(&format!("i64.{op} by const 0"))
            .unwrap();
        assert_trap(f.call(5), DIVIDE_BY_ZERO, &format!("{name} by const 0"));
        let f = inst
            .get_typed_func::<(), i64>(&format!("i64.{op} const"))
            .unwrap();
        assert_trap(f.call(()), DIVIDE_BY_ZERO, &format!("{name} const"));
    }
}

#[test]
fn integer_overflow_and_the_edges_that_do_not_trap() {
    let inst = instance(&division_module());
    let i32_op = |op: &str| {
        inst.get_typed_func::<(i32, i32), i32>(&format!("i32.{op}"))
            .unwrap()
    };
    let i64_op = |op: &str| {
        inst.get_typed_func::<(i64, i64), i64>(&format!("i64.{op}"))
            .unwrap()
    };
    let i32_by_minus_1 = |op: &str| {
        inst.get_typed_func::<i32, i32>(&format!("i32.{op} by const -1"))
            .unwrap()
    };
    let i64_by_minus_1 = |op: &str| {
        inst.get_typed_func::<i64, i64>(&format!("i64.{op} by const -1"))
            .unwrap()
    };

    // MIN / -1 does not fit: a trap (x86 `idiv` faults, aarch64 `sdiv`
    // returns MIN; both must become this trap).
    assert_trap(
        i32_op("div_s").call((i32::MIN, -1)),
        OVERFLOW,
        "i32.div_s MIN -1",
    );
    assert_trap(
        i64_op("div_s").call((i64::MIN, -1)),
        OVERFLOW,
        "i64.div_s MIN -1",
    );
    assert_trap(
        i32_by_minus_1("div_s").call(i32::MIN),
        OVERFLOW,
        "i32.div_s MIN by const -1",
    );
    assert_trap(
        i64_by_minus_1("div_s").call(i64::MIN),
        OVERFLOW,
        "i64.div_s MIN by const -1",
    );

    // MIN rem -1 is 0, not a trap (x86 `idiv` would fault here too).
    assert_eq!(i32_op("rem_s").call((i32::MIN, -1)).unwrap(), 0);
    assert_eq!(i64_op("rem_s").call((i64::MIN, -1)).unwrap(), 0);
    assert_eq!(i32_by_minus_1("rem_s").call(i32::MIN).unwrap(), 0);
    assert_eq!(i64_by_minus_1("rem_s").call(i64::MIN).unwrap(), 0);
    // Unsigned: -1 is the largest divisor.
    assert_eq!(i32_op("div_u").call((i32::MIN, -1)).unwrap(), 0);
    assert_eq!(i32_op("rem_u").call((i32::MIN, -1)).unwrap(), i32::MIN);
    assert_eq!(i64_op("div_u").call((-1, -1)).unwrap(), 1);
    assert_eq!(i64_op("rem_u").call((i64::MIN, -1)).unwrap(), i64::MIN);
    assert_eq!(i32_by_minus_1("div_u").call(-1).unwrap(), 1);
    assert_eq!(i64_by_minus_1("rem_u").call(-2).unwrap(), -2);
    // Neighbours of the overflowing case are fine.
    assert_eq!(i32_op("div_s").call((i32::MIN, 1)).unwrap(), i32::MIN);
    assert_eq!(i32_op("div_s").call((i32::MIN + 1, -1)).unwrap(), i32::MAX);
    assert_eq!(i64_op("div_s").call((i64::MIN, 1)).unwrap(), i64::MIN);
    assert_eq!(i64_op("div_s").call((i64::MIN + 1, -1)).unwrap(), i64::MAX);
    assert_eq!(i32_by_minus_1("div_s").call(5).unwrap(), -5);
    // Signed division truncates toward zero, the remainder takes the
    // dividend's sign.
    assert_eq!(i32_op("div_s").call((-7, 2)).unwrap(), -3);
    assert_eq!(i32_op("rem_s").call((-7, 2)).unwrap(), -1);
    assert_eq!(i64_op("div_s").call((7, -2)).unwrap(), -3);
    assert_eq!(i64_op("rem_s").call((7, -2)).unwrap(), 1);
    // And after all those traps the instance still divides.
    assert_eq!(i32_op("div_u").call((-1, 2)).unwrap(), i32::MAX);
}

// ---------------------------------------------------------------------------
// Float-to-integer truncation: NaN and out of range (explicit checks)
// ---------------------------------------------------------------------------

/// What a truncation of one input must do.
enum Outcome {
    Value(i64),
    Trap(Expected),
}
use Outcome::{Trap as T, Value as V};

const TRUNC_MODULE: &str = r#"
(module
  (func (export "i32.trunc_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "i32.trunc_f32_u") (param f32) (result i32) (i32.trunc_f32_u (local.get 0)))
  (func (export "i32.trunc_f64_s") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "i32.trunc_f64_u") (param f64) (result i32) (i32.trunc_f64_u (local.get 0)))
  (func (export "i64.trunc_f32_s") (param f32) (result i64) (i64.trunc_f32_s (local.get 0)))
  (func (export "i64.trunc_f32_u") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
  (func (export "i64.trunc_f64_s") (param f64) (result i64) (i64.trunc_f64_s (local.get 0)))
  (func (export "i64.trunc_f64_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
  (func (export "i32.trunc_f32_s of const nan") (result i32) (i32.trunc_f32_s (f32.const nan)))
  (func (export "i64.trunc_f64_u of const 1e20") (result i64) (i64.trunc_f64_u (f64.const 1e20))))
"#;

/// NaNs of both signs, quiet and signalling (with a payload).
const F32_NANS: [u32; 4] = [0x7fc0_0000, 0xffc0_0000, 0x7fa0_0001, 0xff80_0001];
const F64_NANS: [u64; 4] = [
    0x7ff8_0000_0000_0000,
    0xfff8_0000_0000_0000,
    0x7ff4_0000_0000_0001,
    0xfff0_0000_0000_0001,
];

#[test]
fn invalid_conversions_to_integer() {
    let inst = instance(TRUNC_MODULE);

    // Inputs are the spec testsuite's edge cases (conversions.wast): the
    // extreme values that still fit, and the nearest ones that do not.
    let f32_cases: [(&str, Vec<(f32, Outcome)>); 4] = [
        (
            "i32.trunc_f32_s",
            vec![
                (-2147483648.0, V(i32::MIN as i64)),
                (2147483520.0, V(2147483520)),
                (-1.9, V(-1)),
                (-0.0, V(0)),
                (2147483648.0, T(OVERFLOW)),
                (-2147483904.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i32.trunc_f32_u",
            vec![
                (4294967040.0, V(0xffff_ff00_u32 as i32 as i64)),
                (-0.9, V(0)),
                (1.9, V(1)),
                (4294967296.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f32_s",
            vec![
                (-9223372036854775808.0, V(i64::MIN)),
                (9223371487098961920.0, V(9223371487098961920)),
                (9223372036854775808.0, T(OVERFLOW)),
                (-9223373136366403584.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f32_u",
            vec![
                (18446742974197923840.0, V(-1099511627776)),
                (-0.9, V(0)),
                (18446744073709551616.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
    ];
    for (name, cases) in f32_cases {
        let i32_result = name.starts_with("i32");
        let call = |x: f32| -> Result<i64> {
            if i32_result {
                let f = inst.get_typed_func::<f32, i32>(name).unwrap();
                f.call(x).map(i64::from)
            } else {
                inst.get_typed_func::<f32, i64>(name).unwrap().call(x)
            }
        };
        for (x, outcome) in cases {
            let what = format!("{name} {x:?}");
            match outcome {
                V(v) => assert_eq!(call(x).unwrap(), v, "{what}"),
                T(e) => assert_trap(call(x), e, &what),
            }
        }
        for bits in F32_NANS {
            let what = format!("{name} nan {bits:#x}");
            assert_trap(call(f32::from_bits(bits)), INVALID_CONVERSION, &what);
        }
        assert_eq!(call(42.75).unwrap(), 42, "{name} after traps");
    }

    let f64_cases: [(&str, Vec<(f64, Outcome)>); 4] = [
        (
            "i32.trunc_f64_s",
            vec![
                (2147483647.9, V(i32::MAX as i64)),
                (-2147483648.9, V(i32::MIN as i64)),
                (2147483648.0, T(OVERFLOW)),
                (-2147483649.0, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i32.trunc_f64_u",
            vec![
                (4294967295.9, V(-1)),
                (-0.9, V(0)),
                (4294967296.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (1e16, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f64_s",
            vec![
                (9223372036854774784.0, V(9223372036854774784)),
                (-9223372036854775808.0, V(i64::MIN)),
                (9223372036854775808.0, T(OVERFLOW)),
                (-9223372036854777856.0, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f64_u",
            vec![
                (18446744073709549568.0, V(-2048)),
                (-0.9, V(0)),
                (9223372036854775808.0, V(i64::MIN)),
                (18446744073709551616.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
    ];
    for (name, cases) in f64_cases {
        let i32_result = name.starts_with("i32");
        let call = |x: f64| -> Result<i64> {
            if i32_result {
                let f = inst.get_typed_func::<f64, i32>(name).unwrap();
                f.call(x).map(i64::from)
            } else {
                inst.get_typed_func::<f64, i64>(name).unwrap().call(x)
            }
        };
        for (x, outcome) in cases {
            let what = format!("{name} {x:?}");
            match outcome {
                V(v) => assert_eq!(call(x).unwrap(), v, "{what}"),
                T(e) => assert_trap(call(x), e, &what),
            }
        }
        for bits in F64_NANS {
            let what = format!("{name} nan {bits:#x}");
            assert_trap(call(f64::from_bits(bits)), INVALID_CONVERSION, &what);
        }
        assert_eq!(call(42.75).unwrap(), 42, "{name} after traps");
    }

    let f = inst
        .get_typed_func::<(), i32>("i32.trunc_f32_s of const nan")
        .unwrap();
    assert_trap(f.call(()), INVALID_CONVERSION, "trunc of constant nan");
    let f = inst
        .get_typed_func::<(), i64>("i64.trunc_f64_u of const 1e20")
        .unwrap();
    assert_trap(f.call(()), OVERFLOW, "trunc of constant 1e20");
}

// ---------------------------------------------------------------------------
// unreachable
// ---------------------------------------------------------------------------

#[test]
fn unreachable_traps() {
    let inst = instance(
        r#"(module
             (func $boom (unreachable))
             (func (export "unreachable") (unreachable))
             (func (export "in a callee") (result i32) (call $boom) (i32.const 1))
             ;; Behind a branch: traps only when the argument is non-zero.
             (func (export "behind a branch") (param i32) (result i32)
               (if (local.get 0) (then (unreachable)))
               (i32.add (local.get 0) (i32.const 10)))
             ;; Deep in a recursion: the unwind skips every frame.
             (func $down (export "at depth") (param i32) (result i32)
               (if (result i32) (i32.eqz (local.get 0))
                 (then (unreachable))
                 (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1)))
                                (i32.const 1))))))"#,
    );
    let f = inst.get_typed_func::<(), ()>("unreachable").unwrap();
    assert_trap(f.call(()), UNREACHABLE, "unreachable");
    let f = inst.get_typed_func::<(), i32>("in a callee").unwrap();
    assert_trap(f.call(()), UNREACHABLE, "in a callee");
    let f = inst.get_typed_func::<i32, i32>("behind a branch").unwrap();
    assert_eq!(f.call(0).unwrap(), 10);
    assert_trap(f.call(1), UNREACHABLE, "behind a taken branch");
    assert_trap(f.call(-1), UNREACHABLE, "behind a taken branch");
    assert_eq!(f.call(0).unwrap(), 10);
    let f = inst.get_typed_func::<i32, i32>("at depth").unwrap();
    assert_trap(f.call(1000), UNREACHABLE, "at depth 1000");
    assert_trap(f.call(0), UNREACHABLE, "at depth 0");
    assert_eq!(
        inst.get_typed_func::<i32, i32>("behind a branch")
            .unwrap()
            .call(0)
            .unwrap(),
        10
    );
}

// ---------------------------------------------------------------------------
// call_indirect: table bounds, null elements, signature checks
// ---------------------------------------------------------------------------

const INDIRECT: &str = r#"
(module
  (type $i2i (func (param i32) (result i32)))
  (type $i2i_again (func (param i32) (result i32)))
  (type $v2l (func (result i64)))
  (table (export "table") 4 funcref)
  ;; 0: $double, 1: null, 2: $forty_two (another type), 3: $triple (declared
  ;; with a structurally identical type, so it matches $i2i).
  (elem (i32.const 0) $double)
  (elem (i32.const 2) $forty_two $triple)
  (func $double (type $i2i) (i32.mul (local.get 0) (i32.const 2)))
  (func $triple (type $i2i_again) (i32.mul (local.get 0) (i32.const 3)))
  (func $forty_two (type $v2l) (i64.const 42))
  (func (export "call i2i") (param $index i32) (param $x i32) (result i32)
    (call_indirect (type $i2i) (local.get $x) (local.get $index)))
  (func (export "call v2l") (param $index i32) (result i64)
    (call_indirect (type $v2l) (local.get $index)))
  (func (export "call i2i at const 4") (result i32)
    (call_indirect (type $i2i) (i32.const 1) (i32.const 4))))
"#;

#[test]
fn call_indirect_failures() {
    let engine = Engine::default();
    let inst = instance_with(&engine, INDIRECT);
    let call = inst.get_typed_func::<(i32, i32), i32>("call i2i").unwrap();
    let call64 = inst.get_typed_func::<i32, i64>("call v2l").unwrap();

    assert_eq!(call.call((0, 5)).unwrap(), 10);
    assert_eq!(
        call.call((3, 5)).unwrap(),
        15,
        "identical type, other index"
    );
    assert_eq!(call64.call(2).unwrap(), 42);

    // Index past the end of the table, compared unsigned (-1 is 4294967295,
    // not a negative index).
    for index in [4, 5, 1000, i32::MAX, i32::MIN, -1] {
        assert_trap(
            call.call((index, 5)),
            UNDEFINED_ELEMENT,
            &format!("call i2i at {index}"),
        );
        assert_trap(
            call64.call(index),
            UNDEFINED_ELEMENT,
            &format!("call v2l at {index}"),
        );
    }
    let f = inst
        .get_typed_func::<(), i32>("call i2i at const 4")
        .unwrap();
    assert_trap(f.call(()), UNDEFINED_ELEMENT, "constant index 4");

    // Null element.
    assert_trap(call.call((1, 5)), UNINITIALIZED_ELEMENT, "call i2i at 1");
    assert_trap(call64.call(1), UNINITIALIZED_ELEMENT, "call v2l at 1");

    // Signature mismatch, in both directions.
    assert_trap(call.call((2, 5)), TYPE_MISMATCH, "call i2i at 2");
    for index in [0, 3] {
        assert_trap(
            call64.call(index),
            TYPE_MISMATCH,
            &format!("call v2l at {index}"),
        );
    }

    // The table is live: filling the null slot from the host (with a host
    // function) makes the call work; a host function of another type is a
    // mismatch; clearing it is a null element again.
    let table = inst.get_table("table").unwrap();
    table
        .set(
            1,
            Val::FuncRef(Some(Func::wrap(&engine, |x: i32| x.wrapping_sub(100)))),
        )
        .unwrap();
    assert_eq!(call.call((1, 5)).unwrap(), -95);
    assert_trap(call64.call(1), TYPE_MISMATCH, "host func of another type");
    table
        .set(1, Val::FuncRef(Some(Func::wrap(&engine, |x: i64| x))))
        .unwrap();
    assert_trap(call.call((1, 5)), TYPE_MISMATCH, "host func (i64) -> i64");
    table.set(1, Val::FuncRef(None)).unwrap();
    assert_trap(call.call((1, 5)), UNINITIALIZED_ELEMENT, "cleared slot");

    assert_eq!(call.call((0, 21)).unwrap(), 42);
}

/// Traps are per thread: four threads each run wasm that traps over and
/// over (a hardware fault for out-of-bounds memory, an explicit check for
/// division by zero, a stack overflow), at the same time, and every one of
/// them gets exactly its own trap, with its instance usable afterwards.
#[test]
fn four_threads_trap_concurrently() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (memory 1)
             (func $deep (param i32) (result i32) (call $deep (local.get 0)))
             (func (export "run") (param i32 i32) (result i32)
               (if (result i32) (i32.eq (local.get 0) (i32.const 0))
                 (then (i32.load (i32.const 70000)))
                 (else (if (result i32) (i32.eq (local.get 0) (i32.const 1))
                   (then (i32.div_u (i32.const 7) (local.get 1)))
                   (else (if (result i32) (i32.eq (local.get 0) (i32.const 2))
                     (then (call $deep (i32.const 0)))
                     (else (i32.add (local.get 1) (i32.const 1))))))))))"#,
    )
    .unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let module = module.clone();
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn(move || {
                    let inst = Instance::new(&module, &[]).unwrap();
                    let run = inst.get_typed_func::<(i32, i32), i32>("run").unwrap();
                    for i in 0..300 {
                        let kind = (i + t) % 4;
                        let got = run.call((kind, 0));
                        let want = match kind {
                            0 => Err(TrapCode::MemoryOutOfBounds),
                            1 => Err(TrapCode::IntegerDivideByZero),
                            2 => Err(TrapCode::StackOverflow),
                            _ => Ok(1),
                        };
                        let got = got.map_err(|e| match e {
                            Error::Trap(trap) => trap.code,
                            other => panic!("thread {t}: not a trap: {other:?}"),
                        });
                        assert_eq!(got, want, "thread {t}, iteration {i}");
                    }
                })
                .unwrap()
        })
        .collect();
    for t in threads {
        t.join().expect("a thread failed");
    }
}

/// A thread without an alternate signal stack (as threads created by C
/// code may be) still gets its traps: entering wasm gives it one.
#[test]
fn traps_work_on_a_thread_without_an_alternate_signal_stack() {
    let module = Module::new(
        &Engine::default(),
        r#"(module (memory 1)
             (func (export "oob") (result i32) (i32.load (i32.const 65536))))"#,
    )
    .unwrap();
    std::thread::spawn(move || {
        // SAFETY: disabling this thread's alternate signal stack.
        unsafe {
            let disable = libc::stack_t {
                ss_sp: std::ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            assert_eq!(libc::sigaltstack(&disable, std::ptr::null_mut()), 0);
        }
        let inst = Instance::new(&module, &[]).unwrap();
        let oob = inst.get_typed_func::<(), i32>("oob").unwrap();
        match oob.call(()) {
            Err(Error::Trap(t)) => assert_eq!(t.code, TrapCode::MemoryOutOfBounds),
            other => panic!(
                "expected a trap, got {:?}",
                other.map_err(|e| e.to_string())
            ),
        }
        // SAFETY: querying this thread's alternate signal stack.
        let flags = unsafe {
            let mut now: libc::stack_t = std::mem::zeroed();
            libc::sigaltstack(std::ptr::null(), &mut now);
            now.ss_flags
        };
        assert_eq!(flags & libc::SS_DISABLE, 0, "entering wasm installed one");
    })
    .join()
    .unwrap();
}

/// Fuel metering stops an infinite loop with a trap, and charges exactly
/// one unit per function entry and per loop iteration: the counts below
/// are the same on every ISA because they depend only on the wasm.
#[test]
fn fuel_stops_infinite_loops_and_counts_deterministically() {
    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(
        &engine,
        r#"(module
             (func $leaf (result i32) (i32.const 1))
             (func (export "forever") (loop $l (br $l)))
             ;; n iterations, each calling $leaf once.
             (func (export "count") (param $n i32) (result i32) (local $acc i32)
               (block $done
                 (loop $l
                   (br_if $done (i32.eqz (local.get $n)))
                   (local.set $acc (i32.add (local.get $acc) (call $leaf)))
                   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                   (br $l)))
               (local.get $acc)))"#,
    )
    .unwrap();
    let inst = Instance::new(&module, &[]).unwrap();

    inst.set_fuel(10_000);
    let forever = inst.get_typed_func::<(), ()>("forever").unwrap();
    match forever.call(()) {
        Err(Error::Trap(t)) => {
            assert_eq!(t.code, TrapCode::OutOfFuel);
            assert_eq!(t.to_string(), "all fuel consumed by WebAssembly");
        }
        other => panic!(
            "expected out of fuel, got {:?}",
            other.map_err(|e| e.to_string())
        ),
    }
    assert_eq!(inst.fuel(), 0);

    // count(100): 1 (entry) + 101 loop headers (100 iterations and the
    // exit test) + 100 calls of $leaf = 202.
    inst.set_fuel(1_000);
    let count = inst.get_typed_func::<i32, i32>("count").unwrap();
    assert_eq!(count.call(100).unwrap(), 100);
    assert_eq!(inst.fuel(), 1_000 - 202);
    // Exactly enough fuel succeeds; one less traps.
    inst.set_fuel(202);
    assert_eq!(count.call(100).unwrap(), 100);
    inst.set_fuel(201);
    assert!(matches!(count.call(100), Err(Error::Trap(t)) if t.code == TrapCode::OutOfFuel));
    // Without fuel metering, none is needed.
    let plain = Module::new(&Engine::default(), r#"(module (func (export "f") (loop)))"#).unwrap();
    let plain = Instance::new(&plain, &[]).unwrap();
    plain
        .get_typed_func::<(), ()>("f")
        .unwrap()
        .call(())
        .unwrap();
}

/// `Config::initial_fuel` is what a start function runs on: enough lets it
/// finish (and the instance keeps the rest), an infinite loop in it stops
/// `Instance::new` with `OutOfFuel` instead of hanging the host.
#[test]
fn initial_fuel_bounds_start_functions() {
    let mut config = Config::new();
    config.consume_fuel(true).initial_fuel(50);
    let engine = Engine::new(&config).unwrap();
    // Start: 1 (entry) + 11 loop headers for 10 iterations.
    let counting = Module::new(
        &engine,
        r#"(module
             (global $n (mut i32) (i32.const 10))
             (func $start
               (loop $l
                 (global.set $n (i32.sub (global.get $n) (i32.const 1)))
                 (br_if $l (i32.ne (global.get $n) (i32.const 0)))))
             (start $start))"#,
    )
    .unwrap();
    let inst = Instance::new(&counting, &[]).unwrap();
    assert_eq!(inst.fuel(), 50 - 11);
    let forever = Module::new(
        &engine,
        r#"(module (func $start (loop $l (br $l))) (start $start))"#,
    )
    .unwrap();
    match Instance::new(&forever, &[]) {
        Err(Error::Trap(t)) => assert_eq!(t.code, TrapCode::OutOfFuel),
        other => panic!(
            "expected out of fuel, got {:?}",
            other.map(|_| ()).map_err(|e| e.to_string())
        ),
    }
}

/// Epoch interruption: another thread advances the engine's epoch while
/// wasm spins in an infinite loop; the loop traps with `Interrupt` soon
/// after, and the instance is usable again with a new deadline.
#[test]
fn epoch_deadline_stops_an_infinite_loop_from_another_thread() {
    let mut config = Config::new();
    config.epoch_interruption(true);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(
        &engine,
        r#"(module
             (func (export "forever") (loop $l (br $l)))
             (func (export "answer") (result i32) (i32.const 42)))"#,
    )
    .unwrap();
    let inst = Instance::new(&module, &[]).unwrap();
    inst.set_epoch_deadline(1);
    let ticker = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            engine.increment_epoch();
        })
    };
    let started = std::time::Instant::now();
    let forever = inst.get_typed_func::<(), ()>("forever").unwrap();
    match forever.call(()) {
        Err(Error::Trap(t)) => {
            assert_eq!(t.code, TrapCode::Interrupt);
            assert_eq!(t.to_string(), "interrupt");
        }
        other => panic!(
            "expected an interrupt, got {:?}",
            other.map_err(|e| e.to_string())
        ),
    }
    ticker.join().unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "stopped within a bounded time"
    );
    // The deadline has passed: every entry traps until it is moved.
    let answer = inst.get_typed_func::<(), i32>("answer").unwrap();
    assert!(matches!(answer.call(()), Err(Error::Trap(t)) if t.code == TrapCode::Interrupt));
    inst.set_epoch_deadline(1);
    assert_eq!(answer.call(()).unwrap(), 42);
}

/// With NaN canonicalisation, every float operation that produces a NaN
/// produces the canonical one, so results are bit-identical on every ISA
/// (x86-64 hardware makes 0/0 a negative NaN, aarch64 a positive one);
/// sign-bit operations keep their exact payloads, as wasm requires.
#[test]
fn canonical_nans_are_identical_on_every_isa() {
    let mut config = Config::new();
    config.canonicalize_nans(true);
    let module = Module::new(
        &Engine::new(&config).unwrap(),
        r#"(module
             (func (export "div32") (param f32 f32) (result f32) (f32.div (local.get 0) (local.get 1)))
             (func (export "add32") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
             (func (export "neg32") (param f32) (result f32) (f32.neg (local.get 0)))
             (func (export "sqrt64") (param f64) (result f64) (f64.sqrt (local.get 0)))
             (func (export "promote") (param f32) (result f64) (f64.promote_f32 (local.get 0)))
             (func (export "min64") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1))))"#,
    )
    .unwrap();
    let inst = Instance::new(&module, &[]).unwrap();
    let bits32 =
        |name: &str, args: &[Val]| match inst.get_func(name).unwrap().call(args).unwrap()[0] {
            Val::F32(b) => b,
            ref other => panic!("{other:?}"),
        };
    let bits64 =
        |name: &str, args: &[Val]| match inst.get_func(name).unwrap().call(args).unwrap()[0] {
            Val::F64(b) => b,
            ref other => panic!("{other:?}"),
        };
    let payload32 = Val::F32(0xffc1_2345);
    assert_eq!(
        bits32("div32", &[Val::from_f32(0.0), Val::from_f32(0.0)]),
        0x7fc0_0000
    );
    assert_eq!(
        bits32("add32", &[payload32.clone(), Val::from_f32(1.0)]),
        0x7fc0_0000
    );
    assert_eq!(
        bits32("neg32", &[payload32]),
        0x7fc1_2345,
        "neg only flips the sign"
    );
    assert_eq!(
        bits64("sqrt64", &[Val::from_f64(-1.0)]),
        0x7ff8_0000_0000_0000
    );
    assert_eq!(
        bits64("promote", &[Val::F32(0x7fa0_0001)]),
        0x7ff8_0000_0000_0000
    );
    assert_eq!(
        bits64(
            "min64",
            &[Val::F64(0xfff0_0000_0000_0001), Val::from_f64(1.0)]
        ),
        0x7ff8_0000_0000_0000
    );
    // Numbers are untouched.
    assert_eq!(
        bits32("div32", &[Val::from_f32(1.0), Val::from_f32(4.0)]),
        0.25f32.to_bits()
    );
}

// ---------------------------------------------------------------------------
// Signals Flint did not raise, in a child process (they may kill it)
// ---------------------------------------------------------------------------

/// Set in a child process to the role it plays in the test that started it.
const CHILD_ROLE: &str = "FLINT_TRAPS_CHILD_ROLE";
/// Printed by a child when it got through the part that must not kill it.
const CHILD_SURVIVED: &str = "@child-survived";

/// Runs this test binary again for the one test `test`, with `role` in
/// [`CHILD_ROLE`]. Under emulation (cross-testing, see
/// `.cargo/aarch64-runner`) the child is started through the same emulator.
fn run_child(test: &str, role: &str) -> std::process::Output {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut cmd = match std::env::var_os("FLINT_TEST_RUNNER") {
        Some(runner) if !runner.is_empty() => {
            let mut cmd = std::process::Command::new(runner);
            cmd.arg(exe);
            cmd
        }
        _ => std::process::Command::new(exe),
    };
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ROLE, role)
        .output()
        .expect("cannot run the test binary")
}

/// The role of this process, if it is a child started by [`run_child`].
fn child_role() -> Option<String> {
    std::env::var(CHILD_ROLE).ok()
}

/// In a child that is meant to die: no core file.
fn disable_core_dumps() {
    let zero = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit only reads `zero`.
    unsafe { libc::setrlimit(libc::RLIMIT_CORE, &zero) };
}

fn describe(out: &std::process::Output) -> String {
    format!(
        "{:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn survived(out: &std::process::Output) -> bool {
    String::from_utf8_lossy(&out.stdout).contains(CHILD_SURVIVED)
}

/// An out-of-bounds load, which must come back as a trap.
fn assert_out_of_bounds_traps(inst: &Instance, what: &str) {
    let oob = inst.get_func("oob").unwrap();
    assert_trap(oob.call(&[]), OUT_OF_BOUNDS, what);
}

/// Send `signum` to this thread, as a user would (`si_code` <= 0, not a
/// fault). `raise` rather than `kill(getpid())`: a signal sent to the whole
/// process may be handled by any thread (the test harness's main thread,
/// typically) at a moment of its choosing, while one sent to this thread has
/// been handled when `raise` returns. Flint's handler treats both alike: by
/// `si_code`, not by thread.
fn send_to_self(signum: libc::c_int) {
    // SAFETY: raise has no memory-safety preconditions.
    assert_eq!(unsafe { libc::raise(signum) }, 0);
}

/// The current disposition of `signum`.
fn disposition(signum: libc::c_int) -> libc::sighandler_t {
    // SAFETY: reading the current action into a zeroed, valid struct.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        assert_eq!(libc::sigaction(signum, std::ptr::null(), &mut current), 0);
        current.sa_sigaction
    }
}

const OOB_MODULE: &str = r#"(module (memory 1)
  (func (export "oob") (result i32) (i32.load (i32.const 65536))))"#;

static HOST_HANDLER_CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A host program's own SIGSEGV handler: counts, and returns.
extern "C" fn counting_handler(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
    HOST_HANDLER_CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

/// A SIGSEGV sent to the process (`kill -SEGV`) is not a trap: it goes to
/// whatever handled SIGSEGV before Flint, and the process fares as it would
/// without Flint. What it must not do is uninstall Flint's handler, so that
/// the guest's next out-of-bounds access kills the process. Three hosts:
///
/// - `rust`: the test binary as it is, where Rust's std handler (for stack
///   overflows) was there first. It resets SIGSEGV to the default and
///   returns, so the first `kill` is survived and a second one kills.
/// - `host`: the host installed its own SIGSEGV handler, which sees every
///   sent signal and keeps seeing them.
/// - `default`: SIGSEGV had the default disposition; the `kill` kills.
#[test]
fn a_sent_sigsegv_does_not_uninstall_the_trap_handler() {
    const TEST: &str = "a_sent_sigsegv_does_not_uninstall_the_trap_handler";
    if let Some(role) = child_role() {
        disable_core_dumps();
        match role.as_str() {
            "rust" => assert_ne!(
                disposition(libc::SIGSEGV),
                libc::SIG_DFL,
                "Rust's std installs a SIGSEGV handler"
            ),
            "host" => {
                // SAFETY: installing a handler with valid pointers.
                unsafe {
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction = counting_handler as *const () as libc::sighandler_t;
                    action.sa_flags = libc::SA_SIGINFO;
                    libc::sigemptyset(&mut action.sa_mask);
                    assert_eq!(
                        libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut()),
                        0
                    );
                }
            }
            "default" => {
                // SAFETY: resetting a disposition to the default.
                unsafe { libc::signal(libc::SIGSEGV, libc::SIG_DFL) };
            }
            other => panic!("unknown role {other}"),
        }
        // Running wasm installs Flint's handler on top.
        let inst = instance(OOB_MODULE);
        assert_out_of_bounds_traps(&inst, "before the kill");
        send_to_self(libc::SIGSEGV);
        assert_out_of_bounds_traps(&inst, "after the kill");
        let calls = || HOST_HANDLER_CALLS.load(std::sync::atomic::Ordering::SeqCst);
        if role == "host" {
            assert_eq!(calls(), 1, "the host's handler got the sent signal");
        }
        println!("{CHILD_SURVIVED}");
        // A second one: kills where the first one's handler asked for the
        // default, and reaches the host's handler again otherwise.
        send_to_self(libc::SIGSEGV);
        assert_out_of_bounds_traps(&inst, "after the second kill");
        if role == "host" {
            assert_eq!(calls(), 2, "the host's handler got the second signal");
            return;
        }
        panic!("the second SIGSEGV should have killed the process");
    }

    let out = run_child(TEST, "rust");
    assert!(survived(&out), "rust: {}", describe(&out));
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGSEGV),
        "rust: {}",
        describe(&out)
    );

    let out = run_child(TEST, "host");
    assert!(survived(&out), "host: {}", describe(&out));
    assert!(out.status.success(), "host: {}", describe(&out));

    let out = run_child(TEST, "default");
    assert!(!survived(&out), "default: {}", describe(&out));
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGSEGV),
        "default: {}",
        describe(&out)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked"),
        "default: the kill came before the check: {}",
        describe(&out)
    );
}

/// Flint's handler passes a stack overflow of the host's own code on to
/// Rust's std handler, which still reports it (and aborts), also after a
/// guest trapped on the same thread.
#[test]
fn a_stack_overflow_of_the_host_is_still_reported_by_rust() {
    const TEST: &str = "a_stack_overflow_of_the_host_is_still_reported_by_rust";
    if child_role().is_some() {
        disable_core_dumps();
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let inst = instance(OOB_MODULE);
                assert_out_of_bounds_traps(&inst, "before the overflow");
                println!("{CHILD_SURVIVED}");
                #[allow(unconditional_recursion)]
                fn recurse(depth: u64) -> u64 {
                    let frame = std::hint::black_box([depth; 64]);
                    recurse(depth + 1) + frame[7]
                }
                std::hint::black_box(recurse(0));
            })
            .unwrap()
            .join()
            .unwrap();
        panic!("the stack overflow should have aborted the process");
    }
    let out = run_child(TEST, "overflow");
    assert!(survived(&out), "{}", describe(&out));
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGABRT),
        "{}",
        describe(&out)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("has overflowed its stack"),
        "{}",
        describe(&out)
    );
}

/// This process's address-space size in bytes (`VmSize`).
fn address_space_size() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmSize:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .and_then(|v| v.trim().parse().ok())
        .expect("VmSize in /proc/self/status");
    kib * 1024
}

fn address_space_limit() -> u64 {
    // SAFETY: getrlimit writes the zeroed struct it is given.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        assert_eq!(libc::getrlimit(libc::RLIMIT_AS, &mut limit), 0);
        limit.rlim_cur as u64
    }
}

/// Limit this process's address space (as `ulimit -v` would) to what it
/// uses now plus `headroom` bytes, so larger allocations fail.
fn limit_address_space(headroom: u64) {
    let limit = address_space_size() + headroom;
    let rlimit = libc::rlimit {
        rlim_cur: limit as libc::rlim_t,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: setrlimit only reads `rlimit`.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &rlimit) };
    if address_space_limit() != limit {
        // qemu-user (cross-testing) accepts and ignores a guest's memory
        // limits, which would apply to qemu itself; util-linux's prlimit
        // sets the limit on the process from outside. (Its size above is
        // qemu's, which is what the limit applies to.)
        let status = std::process::Command::new("prlimit")
            .arg(format!("--pid={}", std::process::id()))
            .arg(format!("--as={limit}:"))
            .status()
            .expect("cannot run prlimit");
        assert!(status.success(), "prlimit: {status}");
    }
    assert_eq!(
        address_space_limit(),
        limit,
        "the address-space limit is in effect"
    );
}

/// Table storage is allocated fallibly: when the host cannot allocate what
/// a guest asks for, `table.grow` returns -1 and instantiation fails with
/// an error; the host process does not abort ("memory allocation of N
/// bytes failed"). The child runs under an address-space limit a little
/// above what it uses, with `Config::max_table_elements` out of the way.
#[test]
fn table_storage_the_host_cannot_allocate_is_an_error_not_an_abort() {
    const TEST: &str = "table_storage_the_host_cannot_allocate_is_an_error_not_an_abort";
    if child_role().is_some() {
        let mut config = Config::new();
        config.max_table_elements(u64::MAX);
        let engine = Engine::new(&config).unwrap();
        let inst = instance_with(
            &engine,
            r#"(module (table 0 funcref)
                 (func (export "grow") (param i32) (result i32)
                   (table.grow (ref.null func) (local.get 0)))
                 (func (export "size") (result i32) (table.size)))"#,
        );
        let big = Module::new(&engine, "(module (table 10000000 funcref))").unwrap();
        let grow = inst.get_typed_func::<i32, i32>("grow").unwrap();
        let size = inst.get_typed_func::<(), i32>("size").unwrap();
        assert_eq!(grow.call(16).unwrap(), 0);

        limit_address_space(64 << 20);
        // 80 MB, then 16 GiB, of elements.
        assert_eq!(grow.call(10_000_000).unwrap(), -1);
        assert_eq!(grow.call(i32::MIN).unwrap(), -1);
        assert_eq!(size.call(()).unwrap(), 16, "a failed grow changes nothing");
        // An 80 MB table at instantiation.
        let err = match Instance::new(&big, &[]) {
            Ok(_) => panic!("a table of 80 MB was allocated under a 64 MB headroom"),
            Err(e) => e,
        };
        assert!(
            matches!(&err, Error::Instantiation(m) if m.contains("out of memory")),
            "{err:?}"
        );
        // What fits still works.
        assert_eq!(grow.call(1000).unwrap(), 16);
        println!("{CHILD_SURVIVED}");
        return;
    }
    let out = run_child(TEST, "limited");
    assert!(out.status.success() && survived(&out), "{}", describe(&out));
}
