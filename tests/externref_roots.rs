//! References wasm can only hold while it runs are released when the call
//! returns: a host that passes a fresh `externref` into a million calls,
//! or a host function that returns one to wasm a million times, holds one
//! at a time, not a million (issue 15: the instance grew by 176 MB). What
//! wasm stores in a table or global stays alive as long as that does.
//!
//! Its own test binary, so no other test allocates beside the RSS check.

use flint::{ExternRef, Func, FuncType, Instance, Linker, Module, Store, Val, ValType};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A payload that counts how many of its kind are alive.
struct Counted(Arc<AtomicUsize>);

impl Counted {
    fn new(live: &Arc<AtomicUsize>) -> Counted {
        live.fetch_add(1, Ordering::Relaxed);
        Counted(live.clone())
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Resident set size in bytes (Linux).
fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

const WAT: &str = r#"(module
  (import "host" "fresh" (func $fresh (result externref)))
  (table $t (export "t") 1 externref)
  (func (export "take") (param externref) (result i32)
    (ref.is_null (local.get 0)))
  (func (export "from_host") (result i32)
    (ref.is_null (call $fresh)))
  (func (export "keep") (param externref)
    (table.set $t (i32.const 0) (local.get 0)))
  (func (export "keep_from_host")
    (table.set $t (i32.const 0) (call $fresh))))"#;

#[test]
fn references_held_only_during_a_call_are_released_after_it() {
    let engine = flint::Engine::default();
    let module = Module::new(&engine, WAT).unwrap();
    let live = Arc::new(AtomicUsize::new(0));
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let counter = live.clone();
    let ty = FuncType::new([], [ValType::ExternRef]);
    let fresh = Func::new(&mut store, ty, move |_caller, _args, results| {
        results[0] = Val::ExternRef(Some(ExternRef::new(Counted::new(&counter))));
        Ok(())
    });
    linker.define(&store, "host", "fresh", fresh).unwrap();
    let instance: Instance = linker.instantiate(&mut store, &module).unwrap();
    let take = instance.get_func(&mut store, "take").unwrap();
    let from_host = instance.get_func(&mut store, "from_host").unwrap();

    let calls = 1_000_000;
    let before = rss();
    for _ in 0..calls {
        let arg = Val::ExternRef(Some(ExternRef::new(Counted::new(&live))));
        let mut result = [Val::I32(-1)];
        take.call(&mut store, &[arg], &mut result).unwrap();
        assert_eq!(result, [Val::I32(0)]);
    }
    assert_eq!(live.load(Ordering::Relaxed), 0, "arguments outlived calls");
    for _ in 0..calls {
        let mut result = [Val::I32(-1)];
        from_host.call(&mut store, &[], &mut result).unwrap();
        assert_eq!(result, [Val::I32(0)]);
    }
    assert_eq!(
        live.load(Ordering::Relaxed),
        0,
        "host results outlived calls"
    );
    let grown = rss().saturating_sub(before);
    assert!(
        grown < 32 << 20,
        "RSS grew by {} MB over {} calls",
        grown >> 20,
        2 * calls
    );

    // Stored in a table, a reference outlives the call, and goes when the
    // table lets go of it.
    let keep = instance.get_func(&mut store, "keep").unwrap();
    let kept = ExternRef::new(Counted::new(&live));
    keep.call(&mut store, &[Val::ExternRef(Some(kept.clone()))], &mut [])
        .unwrap();
    drop(kept);
    assert_eq!(live.load(Ordering::Relaxed), 1);
    let t = instance.get_table(&mut store, "t").unwrap();
    let Val::ExternRef(Some(stored)) = t.get(&store, 0).unwrap() else {
        panic!("the table holds the reference")
    };
    assert!(stored.data().downcast_ref::<Counted>().is_some());
    drop(stored);

    instance
        .get_func(&mut store, "keep_from_host")
        .unwrap()
        .call(&mut store, &[], &mut [])
        .unwrap();
    let Val::ExternRef(Some(stored)) = t.get(&store, 0).unwrap() else {
        panic!("the table holds the host function's result")
    };
    assert!(stored.data().downcast_ref::<Counted>().is_some());
    drop(stored);
    drop(linker);
    drop(store);
    assert_eq!(live.load(Ordering::Relaxed), 0, "dropping the store frees");
}
