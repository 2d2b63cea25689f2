//! One `InstancePre` serving requests on several threads, each request in
//! a store of its own: the pattern of a server or a plugin host. Name
//! resolution and type checks happen once, in `instantiate_pre`; each
//! request only instantiates.
//!
//! Run it with `cargo run --example threads`.

use flint::{Engine, Linker, Module, Store};
use std::sync::Arc;

fn main() -> flint::Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "host" "request_id" (func $id (result i32)))
             (func (export "handle") (param i32) (result i32)
               (i32.add (i32.mul (call $id) (i32.const 1000)) (local.get 0))))"#,
    )?;
    // The host state of a request: its id.
    let mut linker: Linker<i32> = Linker::new(&engine);
    linker.func_wrap("host", "request_id", |caller: flint::Caller<'_, i32>| {
        *caller.data()
    })?;
    let pre = Arc::new(linker.instantiate_pre(&module)?);

    let workers: Vec<_> = (0..4)
        .map(|worker| {
            let (engine, pre) = (engine.clone(), pre.clone());
            std::thread::spawn(move || -> flint::Result<i32> {
                let mut total = 0;
                for request in 0..10 {
                    let id = worker * 10 + request;
                    let mut store = Store::new(&engine, id);
                    let instance = pre.instantiate(&mut store)?;
                    let handle = instance.get_typed_func::<i32, i32>(&mut store, "handle")?;
                    let reply = handle.call(&mut store, 7)?;
                    assert_eq!(reply, id * 1000 + 7);
                    total += reply;
                }
                Ok(total)
            })
        })
        .collect();
    for (worker, w) in workers.into_iter().enumerate() {
        let total = w.join().expect("worker panicked")?;
        println!("worker {worker}: 10 requests, replies sum to {total}");
    }
    Ok(())
}
