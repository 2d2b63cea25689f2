//! The smallest embedding of Flint: compile a module from wat text,
//! instantiate it in a store, and call an export with typed arguments and
//! results.
//! (Text input is the library's `wat` feature, on for Flint's own tests
//! and examples: `flint = { version = "...", features = ["wat"] }`.)
//!
//! The crate documentation (src/lib.rs) shows this file as its example.
//! It lives here rather than in a doc-test so that `cargo test` compiles
//! it (with every other target, on every ISA it is run for) without a
//! doc-test pass after the test binaries: the spec totals stay the last
//! lines of `cargo test`'s output. Run it with `cargo run --example embed`.

use flint::{Engine, Linker, Module, Store};

fn main() -> flint::Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (func (export "add") (param i32 i32) (result i32)
             local.get 0 local.get 1 i32.add))"#,
    )?;
    // The store owns the instance and everything it creates; its data
    // (here none) is the host's state for it.
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let add = instance.get_typed_func::<(i32, i32), i32>(&mut store, "add")?;
    let sum = add.call(&mut store, (2, 3))?;
    assert_eq!(sum, 5);
    println!("2 + 3 = {sum}");
    Ok(())
}
