//! Regression test: one function whose machine code is larger than the
//! reach of aarch64's conditional branches.
//!
//! AArch64 conditional branches (`b.cond`, `cbz`/`cbnz`, `tbz`/`tbnz`) reach
//! only ±1 MiB (±32 KiB for `tbz`), unconditional `b`/`bl` ±128 MiB. A
//! single-pass compiler emits a forward branch before it knows how far away
//! the target will be, so a backend that assumes everything is near breaks
//! only on big functions, which small tests never produce. (x86-64's rel32
//! branches reach ±2 GiB, so there this test checks that the same program
//! computes the same values.)
//!
//! The function built here is straight-line arithmetic repeated
//! [`REPS_PER_ARM`] times in each of two arms, with every kind of branch the
//! compiler emits spanning one or both arms:
//!
//! * (a) a forward `br_if` out of a block, carrying a value, that skips
//!   everything;
//! * (b) the backward `br_if` of a loop whose body is both arms;
//! * (c) explicit trap checks whose out-of-line stubs live after the whole
//!   body: `i32.div_s` near the start (divide by zero and overflow), the same
//!   at the very end, and `unreachable` near the start behind a branch;
//! * (d) a `br_table` whose targets are all on the far side of the body
//!   (except the one that falls into it);
//! * (e) an `if`/`else` whose arms are each more than 1 MiB of code.
//!
//! Results are computed by a Rust mirror of the arithmetic (wrapping ops)
//! and compared exactly, so a branch that lands in the wrong place, skips
//! or repeats any part of an arm, or loses the value it carries, fails.
//!
//! # Code size
//!
//! Flint has no API that reports code size, so it is estimated here. Each
//! repetition is six wasm operators (two `local.get`, an `i32.const`, two
//! arithmetic operators, a `local.set`), 10-11 bytes of wasm. Flint keeps
//! locals in frame slots, and aarch64's `mul` has no immediate form, so on
//! aarch64 a repetition is at least six instructions (two loads, a `mov` of
//! the constant, the multiply, the xor or add, a store): 24 bytes or more.
//! An arm of [`REPS_PER_ARM`] repetitions is then at least 1.14 MiB, and the
//! function at least 2.3 MiB. On x86-64 a repetition measured 28 bytes:
//! 1.34 MiB per arm, 2.67 MiB for the function. [`wasm_is_as_big_as_intended`]
//! checks the wasm side of the estimate.

use flint::{Engine, Error, Instance, Module, Store, TrapCode, TypedFunc};
use std::sync::OnceLock;

/// Repetitions of the straight-line sequence in each arm of the `if`.
/// 1 MiB / 24 bytes (the smallest aarch64 encoding of one repetition, see
/// the module comment) is 43 691; this leaves a margin. Keep it modest: the
/// compile time under qemu grows with it.
const REPS_PER_ARM: u32 = 50_000;

/// The multiplier of repetition `k` in the `then` arm (odd, so the
/// multiplication loses no information; varied, so that every repetition
/// counts; below 4096, so it is one `mov` on aarch64).
fn k_then(k: u32) -> i32 {
    (3 + 2 * (u64::from(k) * 7919 % 2039)) as i32
}

/// The multiplier of repetition `k` in the `else` arm.
fn k_else(k: u32) -> i32 {
    (5 + 2 * (u64::from(k) * 104_729 % 2027)) as i32
}

// Parameters and locals of the big function.
const X: u32 = 0; // operand of the arithmetic
const SEL: u32 = 1; // which path: see `expected`
const D: u32 = 2; // divisor of the check near the start
const E: u32 = 3; // divisor of the check at the end
const N: u32 = 4; // loop iterations (at least one)
const ACC: u32 = 5; // the accumulator (local)
const I: u32 = 6; // loop counter (local)

/// Value added by the far `br_if` that skips everything, on its way out.
const SKIP_BONUS: i32 = 0x5eed;

/// The wat text of the module.
fn module_text() -> String {
    let mut then_arm = String::with_capacity(REPS_PER_ARM as usize * 64);
    let mut else_arm = String::with_capacity(REPS_PER_ARM as usize * 64);
    for k in 0..REPS_PER_ARM {
        // acc = (acc ^ x) * k_then(k)
        then_arm += &format!(
            "local.get {ACC} local.get {X} i32.xor i32.const {} i32.mul local.set {ACC}\n",
            k_then(k)
        );
        // acc = acc * k_else(k) + x
        else_arm += &format!(
            "local.get {ACC} i32.const {} i32.mul local.get {X} i32.add local.set {ACC}\n",
            k_else(k)
        );
    }
    format!(
        r#"(module
(func (export "run") (param i32 i32 i32 i32 i32) (result i32) (local i32 i32)
  ;; (c) A trap check near the start: both of its stubs (divide by zero,
  ;; overflow) are emitted after the whole body.
  local.get {X} local.get {D} i32.div_s local.set {ACC}
  ;; (c) `unreachable` behind a branch, also before the body.
  block
    local.get {SEL} i32.const 4 i32.ne br_if 0
    unreachable
  end
  ;; (a) A forward br_if that skips everything and carries a value.
  block (result i32)
    local.get {ACC} i32.const {SKIP_BONUS} i32.add
    local.get {SEL} i32.eqz
    br_if 0
    drop
    ;; (d) A br_table: sel - 1 = 0 falls into the body, 1, 2 and the default
    ;; land after it.
    block
      block
        block
          block
            local.get {SEL} i32.const 1 i32.sub
            br_table 0 1 2 3
          end
          ;; (b) A loop whose body is both arms: its backward br_if spans them.
          i32.const 0 local.set {I}
          loop
            ;; (e) An if/else with arms over 1 MiB each: even iterations run
            ;; the `then` arm, odd ones the `else` arm.
            local.get {I} i32.const 1 i32.and i32.eqz
            if
{then_arm}            else
{else_arm}            end
            local.get {I} i32.const 1 i32.add local.set {I}
            local.get {I} local.get {N} i32.lt_s
            br_if 0
          end
        end
        ;; br_table target 1
        local.get {ACC} i32.const 3 i32.mul i32.const 1 i32.add local.set {ACC}
      end
      ;; br_table target 2
      local.get {ACC} i32.const 0x0f0f0f0f i32.xor local.set {ACC}
    end
    ;; br_table default
    local.get {ACC} i32.const 0x1234567 i32.add local.set {ACC}
    local.get {ACC}
  end
  local.set {ACC}
  ;; (c) The same check after all of the body.
  local.get {ACC} local.get {X} local.get {E} i32.div_s i32.add))
"#
    )
}

/// The module, compiled once and shared by the tests (compiling a few MiB
/// of code is the slow part, especially under emulation).
fn compiled() -> &'static (Module, usize) {
    static MODULE: OnceLock<(Module, usize)> = OnceLock::new();
    MODULE.get_or_init(|| {
        let wasm = wat::parse_str(module_text()).expect("the generated wat is valid");
        let module = Module::new(&Engine::default(), &wasm)
            .unwrap_or_else(|e| panic!("the big function does not compile: {e}"));
        (module, wasm.len())
    })
}

type Run = TypedFunc<(i32, i32, i32, i32, i32), i32>;

fn run_func() -> (Store<()>, Run) {
    let module = &compiled().0;
    let mut store = Store::new(module.engine(), ());
    let instance = Instance::new(&mut store, module, &[]).expect("instantiate");
    let run = instance
        .get_typed_func(&mut store, "run")
        .expect("export `run`");
    (store, run)
}

fn then_arm(mut acc: i32, x: i32) -> i32 {
    for k in 0..REPS_PER_ARM {
        acc = (acc ^ x).wrapping_mul(k_then(k));
    }
    acc
}

fn else_arm(mut acc: i32, x: i32) -> i32 {
    for k in 0..REPS_PER_ARM {
        acc = acc.wrapping_mul(k_else(k)).wrapping_add(x);
    }
    acc
}

/// `i32.div_s` as wasm defines it.
fn div_s(x: i32, y: i32) -> Result<i32, TrapCode> {
    match (x, y) {
        (_, 0) => Err(TrapCode::IntegerDivideByZero),
        (i32::MIN, -1) => Err(TrapCode::IntegerOverflow),
        _ => Ok(x / y),
    }
}

/// What `run(x, sel, d, e, n)` must return: the Rust mirror of the module.
fn expected(x: i32, sel: i32, d: i32, e: i32, n: i32) -> Result<i32, TrapCode> {
    let mut acc = div_s(x, d)?;
    if sel == 4 {
        return Err(TrapCode::Unreachable);
    }
    if sel == 0 {
        acc = acc.wrapping_add(SKIP_BONUS);
    } else {
        let target = match sel.wrapping_sub(1) as u32 {
            t @ 0..=2 => t,
            _ => 3,
        };
        if target == 0 {
            let mut i = 0;
            loop {
                acc = if i & 1 == 0 {
                    then_arm(acc, x)
                } else {
                    else_arm(acc, x)
                };
                i += 1;
                if i >= n {
                    break;
                }
            }
        }
        if target <= 1 {
            acc = acc.wrapping_mul(3).wrapping_add(1);
        }
        if target <= 2 {
            acc ^= 0x0f0f_0f0f;
        }
        acc = acc.wrapping_add(0x123_4567);
    }
    Ok(acc.wrapping_add(div_s(x, e)?))
}

#[track_caller]
fn check(store: &mut Store<()>, run: Run, x: i32, sel: i32, d: i32, e: i32, n: i32) {
    let args = (x, sel, d, e, n);
    match (run.call(store, args), expected(x, sel, d, e, n)) {
        (Ok(got), Ok(want)) => assert_eq!(got, want, "run{args:?}"),
        (Err(Error::Trap(trap)), Err(code)) => assert_eq!(trap.code, code, "run{args:?}"),
        (got, want) => panic!("run{args:?}: got {got:?}, expected {want:?}"),
    }
}

#[test]
fn wasm_is_as_big_as_intended() {
    let (_, wasm_len) = compiled();
    // 10-11 bytes per repetition (see the module comment); the rest of the
    // module is a few hundred bytes.
    let reps = 2 * REPS_PER_ARM as usize;
    assert!(
        *wasm_len >= 10 * reps,
        "{wasm_len} bytes of wasm for {reps} repetitions"
    );
    assert!(*wasm_len < 11 * reps + 4096, "{wasm_len} bytes of wasm");
}

#[test]
fn mirror_is_not_trivial() {
    // The arms really depend on every repetition: dropping the last one
    // changes the result (so a check against the mirror would notice).
    let x = 0x1234_5678;
    let mut short: i32 = 77;
    for k in 0..REPS_PER_ARM - 1 {
        short = (short ^ x).wrapping_mul(k_then(k));
    }
    assert_ne!(short, then_arm(77, x));
    assert_ne!(then_arm(77, x), else_arm(77, x));
}

#[test]
fn loop_and_if_else_across_both_arms() {
    let (mut store, run) = run_func();
    for x in [1, 7, -3, 0x1234_5678, i32::MIN, i32::MAX] {
        for n in [1, 2, 3] {
            check(&mut store, run, x, 1, 1, 1, n);
        }
        check(&mut store, run, x, 1, 3, -2, 2);
    }
    // n <= 1 still runs the body once (the loop is a do-while).
    check(&mut store, run, 99, 1, 1, 1, 0);
    check(&mut store, run, 99, 1, 1, 1, -5);
}

#[test]
fn br_if_and_br_table_past_the_body() {
    let (mut store, run) = run_func();
    for x in [1, -100, 0x7654_3210] {
        // sel 0: the br_if skips everything; 2 and 3: br_table targets
        // after the body; anything else past 3 (and -1): the default.
        for sel in [0, 2, 3, 5, 100, -1, i32::MIN] {
            check(&mut store, run, x, sel, 1, 1, 2);
            check(&mut store, run, x, sel, -7, 5, 2);
        }
    }
}

#[test]
fn trap_checks_with_stubs_after_the_body() {
    let (mut store, run) = run_func();
    let mut trap_code = |args| match run.call(&mut store, args) {
        Err(Error::Trap(trap)) => trap.code,
        other => panic!("run{args:?}: expected a trap, got {other:?}"),
    };
    // Near the start: the branches to the stubs span the whole body.
    assert_eq!(trap_code((5, 1, 0, 1, 2)), TrapCode::IntegerDivideByZero);
    assert_eq!(
        trap_code((i32::MIN, 1, -1, 1, 2)),
        TrapCode::IntegerOverflow
    );
    assert_eq!(trap_code((5, 4, 1, 1, 2)), TrapCode::Unreachable);
    // At the end, after the loop ran both arms.
    assert_eq!(trap_code((5, 1, 1, 0, 2)), TrapCode::IntegerDivideByZero);
    assert_eq!(
        trap_code((i32::MIN, 1, 1, -1, 2)),
        TrapCode::IntegerOverflow
    );
    // At the end, after skipping the body.
    assert_eq!(trap_code((5, 0, 1, 0, 2)), TrapCode::IntegerDivideByZero);
    // The same through the mirror, and the instance works after the traps.
    check(&mut store, run, 5, 1, 0, 1, 2);
    check(&mut store, run, 5, 1, 1, 0, 2);
    check(&mut store, run, i32::MIN, 1, 1, -1, 2);
    check(&mut store, run, 5, 4, 1, 1, 2);
    check(&mut store, run, 5, 1, 1, 1, 2);
}

/// A `br_table` whose jump table alone is longer than an aarch64
/// conditional branch reaches (300,000 targets: 1.2 MB of `b`s), so the
/// bounds check's branch to the default, past the table, cannot wait for
/// an island. It failed to assemble on aarch64 before; on x86-64 it is an
/// ordinary (large) table.
#[test]
fn a_jump_table_longer_than_a_conditional_branch_reaches() {
    let n = 300_000;
    let text = format!(
        r#"(module
             (func (export "pick") (param i32) (result i32)
               (block
                 (block
                   (br_table {} 1 (local.get 0)))
                 (return (i32.const 1)))
               (i32.const 2)))"#,
        "0 ".repeat(n)
    );
    let module = Module::new(&Engine::default(), text).unwrap();
    let mut store = Store::new(module.engine(), ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let pick: TypedFunc<i32, i32> = instance.get_typed_func(&mut store, "pick").unwrap();
    for (index, want) in [(0, 1), (n as i32 - 1, 1), (n as i32, 2), (-1, 2)] {
        assert_eq!(pick.call(&mut store, index).unwrap(), want, "pick({index})");
    }
}
