//! Integration tests of the public embedding API (`use flint::*`), written
//! the way an embedder would use it.
//!
//! The spec testsuite (`wast/spec/`) checks that wasm computes the right
//! values; these tests check the contract around it that the testsuite
//! cannot see: instances are isolated from each other, host functions can
//! capture state, keep it in their store and raise errors, a trap leaves
//! the instance usable, the host can reach memories/globals/tables,
//! compiled modules are shared across threads and stores move between
//! them, fuel and limits are the store's, and bad input of any kind comes
//! back as an `Error` rather than a panic. Modules are written as wat
//! text, which `Module::new` accepts directly.

use flint::*;

#[path = "../common/child.rs"]
mod child;

mod bad_input;
mod demangled_backtraces;
mod host_access;
mod host_errors;
mod instances;
mod limits;
mod memory64;
mod multi_memory;
mod per_store;
mod references;
mod relaxed_simd;
mod stores;
mod traps_and_threads;
mod unsupported;

/// Compiles a wat module with a default engine, panicking with the error
/// (tests only).
fn module(wat: &str) -> Module {
    Module::new(&Engine::default(), wat).unwrap_or_else(|e| panic!("module failed: {e}"))
}

/// Instantiates a module that has no imports, in a store of its own.
fn instance(wat: &str) -> (Store<()>, Instance) {
    let module = module(wat);
    let mut store = Store::new(module.engine(), ());
    let instance = Instance::new(&mut store, &module, &[])
        .unwrap_or_else(|e| panic!("instantiation failed: {e}"));
    (store, instance)
}

/// Calls `f` with dynamically typed arguments; its results, as many as its
/// type declares.
fn call(mut store: impl AsContextMut, f: Func, args: &[Val]) -> Result<Vec<Val>> {
    let mut results: Vec<Val> = f
        .ty(&store)
        .results()
        .iter()
        .map(|&t| Val::default_for(t))
        .collect();
    f.call(&mut store, args, &mut results)?;
    Ok(results)
}

/// The error of a result whose `Ok` type need not implement `Debug`
/// (`Module`, `Instance` and friends do not have to).
fn expect_err<T>(result: Result<T>, what: &str) -> Error {
    match result {
        Ok(_) => panic!("{what}: expected an error, got Ok"),
        Err(e) => e,
    }
}

/// The trap code of an error that must be a trap.
fn trap_code(err: Error) -> TrapCode {
    match err {
        Error::Trap(t) => t.code,
        other => panic!("expected a trap, got {other:?}"),
    }
}

/// Runs `f` on a thread with a large native stack. JIT code runs on the
/// calling thread's stack; the engine's own 1 MiB wasm stack limit must be
/// what stops deep recursion, not the end of a small test-thread stack.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}
