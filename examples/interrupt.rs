//! Bounding a guest that never stops, two ways: fuel (a budget of work,
//! deterministic) and epochs (a wall-clock deadline, cheap to check). Both
//! are the store's: they bound every instance the call runs through.
//!
//! Run it with `cargo run --example interrupt`.

use flint::{Config, Engine, Error, Module, Store, TrapCode};
use std::time::Duration;

const SPIN: &str = r#"(module (func (export "spin") (loop $l (br $l))))"#;

fn trap_code(e: Error) -> Option<TrapCode> {
    match e {
        Error::Trap(t) => Some(t.code),
        _ => None,
    }
}

fn main() -> flint::Result<()> {
    // Fuel: each function entry and loop iteration costs one unit.
    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config)?;
    let mut store = Store::new(&engine, ());
    let instance = flint::Instance::new(&mut store, &Module::new(&engine, SPIN)?, &[])?;
    let spin = instance.get_typed_func::<(), ()>(&mut store, "spin")?;
    store.set_fuel(100_000)?;
    let err = spin.call(&mut store, ()).unwrap_err();
    println!("fuel: {err}");
    assert_eq!(trap_code(err), Some(TrapCode::OutOfFuel));

    // Epochs: another thread advances the engine's epoch; the guest traps
    // once it passes the store's deadline.
    let mut config = Config::new();
    config.epoch_interruption(true);
    let engine = Engine::new(&config)?;
    let mut store = Store::new(&engine, ());
    let instance = flint::Instance::new(&mut store, &Module::new(&engine, SPIN)?, &[])?;
    let spin = instance.get_typed_func::<(), ()>(&mut store, "spin")?;
    store.set_epoch_deadline(1);
    let timer = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            engine.increment_epoch();
        })
    };
    let err = spin.call(&mut store, ()).unwrap_err();
    println!("epoch: {err}");
    assert_eq!(trap_code(err), Some(TrapCode::Interrupt));
    timer.join().expect("timer thread");
    Ok(())
}
