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

use flint::{Config, Engine, Error, Func, Instance, Module, Result, Store, TrapCode, Val};
use std::convert::identity;

mod arithmetic;
mod control;
mod interruption;
mod memory;
mod signals;

#[path = "../common/child.rs"]
mod child;
mod stack;
mod threads;

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

/// A store of `engine` and an instance of `wat` in it.
fn instance_with(engine: &Engine, wat: &str) -> (Store<()>, Instance) {
    let module = Module::new(engine, wat).unwrap_or_else(|e| panic!("module failed: {e}"));
    let mut store = Store::new(engine, ());
    let inst = Instance::new(&mut store, &module, &[])
        .unwrap_or_else(|e| panic!("instantiation failed: {e}"));
    (store, inst)
}

fn instance(wat: &str) -> (Store<()>, Instance) {
    instance_with(&Engine::default(), wat)
}

/// Calls `f` with dynamically typed arguments and returns its results.
fn call_func(store: &mut Store<()>, f: Func, args: &[Val]) -> Result<Vec<Val>> {
    let ty = f.ty(&*store);
    let mut results: Vec<Val> = ty.results().iter().map(|&t| Val::default_for(t)).collect();
    f.call(store, args, &mut results)?;
    Ok(results)
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
