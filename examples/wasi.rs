//! A WASI program with its standard output captured: the `WasiCtx` lives
//! in the store's host state, so one linker serves every store.
//!
//! Run it with `cargo run --example wasi`.

use flint::wasi::{self, Pipe, WasiCtx};
use flint::{Engine, Linker, Module, Store};

fn main() -> flint::Result<()> {
    let engine = Engine::default();
    // A tiny wasm32-wasip1 program: writes one line with `fd_write`.
    let module = Module::new(
        &engine,
        r#"(module
             (import "wasi_snapshot_preview1" "fd_write"
               (func $fd_write (param i32 i32 i32 i32) (result i32)))
             (memory (export "memory") 1)
             (data (i32.const 8) "\10\00\00\00\0d\00\00\00") ;; iovec: 16, 13
             (data (i32.const 16) "hello, WASI!\n")
             (func (export "_start")
               (drop (call $fd_write (i32.const 1) (i32.const 8) (i32.const 1)
                                     (i32.const 0)))))"#,
    )?;
    let mut linker: Linker<WasiCtx> = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, |ctx: &mut WasiCtx| ctx)?;

    let stdout = Pipe::new();
    let mut ctx = WasiCtx::new();
    ctx.arg("hello.wasm").stdout(stdout.clone());
    let mut store = Store::new(&engine, ctx);
    let instance = linker.instantiate(&mut store, &module)?;
    instance
        .get_typed_func::<(), ()>(&mut store, "_start")?
        .call(&mut store, ())?;
    let out = String::from_utf8(stdout.contents()).expect("text");
    print!("captured: {out}");
    assert_eq!(out, "hello, WASI!\n");
    Ok(())
}
