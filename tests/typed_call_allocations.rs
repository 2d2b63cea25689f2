//! A typed call into wasm allocates nothing on the heap: the arguments go
//! into a buffer on the host's stack and the results come back in
//! registers or in that buffer. Checked with a counting allocator, in a
//! test binary of its own (the allocator is process-wide).

use flint::{Engine, Instance, Module, Store};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    /// Allocations made by this thread.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; counting touches only a
// const-initialised thread-local without a destructor.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(|n| n.get())
}

#[test]
fn typed_calls_allocate_nothing() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (func (export "add") (param i32 i64) (result i64)
               (i64.add (i64.extend_i32_s (local.get 0)) (local.get 1)))
             (func (export "swap") (param f64 i32) (result i32 f64)
               (local.get 1) (local.get 0)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let add = instance
        .get_typed_func::<(i32, i64), i64>(&mut store, "add")
        .unwrap();
    let swap = instance
        .get_typed_func::<(f64, i32), (i32, f64)>(&mut store, "swap")
        .unwrap();
    // The first call sets up the process (signal handlers, trampoline).
    assert_eq!(add.call(&mut store, (1, 2)).unwrap(), 3);
    assert_eq!(swap.call(&mut store, (1.5, 7)).unwrap(), (7, 1.5));
    let before = allocations();
    let mut sum = 0;
    for i in 0..1000 {
        sum += add.call(&mut store, (i, 1)).unwrap();
        let (a, b) = swap.call(&mut store, (0.5, i)).unwrap();
        sum += a as i64 + b as i64;
    }
    let made = allocations() - before;
    assert_eq!(sum, (0..1000).map(|i| 2 * i as i64 + 1).sum::<i64>());
    assert_eq!(made, 0, "2,000 typed calls made {made} heap allocations");
}
