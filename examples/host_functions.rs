//! Host functions that see their caller: the store's host state, and the
//! calling instance's exports (its memory here, where the guest leaves a
//! string for the host to read).
//!
//! Run it with `cargo run --example host_functions`.

use flint::{Caller, Engine, Extern, Linker, Module, Store, Trap};

/// The host's state for one store: the lines the guest logged.
#[derive(Default)]
struct Log {
    lines: Vec<String>,
}

fn main() -> flint::Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "host" "log" (func $log (param i32 i32)))
             (memory (export "memory") 1)
             (data (i32.const 64) "hello from the guest")
             (func (export "run")
               (call $log (i32.const 64) (i32.const 20))
               (call $log (i32.const 70) (i32.const 4))))"#,
    )?;

    let mut linker: Linker<Log> = Linker::new(&engine);
    linker.func_wrap(
        "host",
        "log",
        |mut caller: Caller<'_, Log>, ptr: u32, len: u32| -> Result<(), Trap> {
            let memory = match caller.get_export("memory") {
                Some(Extern::Memory(memory)) => memory,
                _ => return Err(Trap::host("the guest exports no memory")),
            };
            // Borrow the guest's bytes and the host state at once.
            let (bytes, log) = memory.data_and_store_mut(&mut caller);
            let text = bytes
                .get(ptr as usize..ptr as usize + len as usize)
                .ok_or_else(|| Trap::host("log: out of bounds"))?;
            log.lines.push(String::from_utf8_lossy(text).into_owned());
            Ok(())
        },
    )?;

    let mut store = Store::new(&engine, Log::default());
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<(), ()>(&mut store, "run")?;
    run.call(&mut store, ())?;
    for line in &store.data().lines {
        println!("guest: {line}");
    }
    assert_eq!(store.data().lines, ["hello from the guest", "from"]);
    Ok(())
}
