//! A start function runs inside `Instance::new`, before the host holds the
//! instance; its fuel and epoch deadline are its store's, which starts with
//! what `Config` supplies up front (`initial_fuel`,
//! `initial_epoch_deadline`). Here an endless
//! start function is stopped by another thread's `Engine::increment_epoch`
//! instead of hanging `Instance::new` forever.

use flint::{Config, Engine, Error, Instance, Module, Store, TrapCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[test]
fn an_epoch_bump_stops_an_endless_start_function() {
    let mut config = Config::new();
    config.epoch_interruption(true).initial_epoch_deadline(1);
    let engine = Engine::new(&config).unwrap();
    let forever = Module::new(
        &engine,
        r#"(module (func $start (loop $l (br $l))) (start $start))"#,
    )
    .unwrap();

    let done = Arc::new(AtomicBool::new(false));
    let ticker = {
        let (engine, done) = (engine.clone(), done.clone());
        std::thread::spawn(move || {
            // Keep bumping until the start function has returned, so the
            // test does not depend on when it got going.
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(10));
                engine.increment_epoch();
            }
        })
    };
    // Instantiate on another thread, so a start function that is not
    // stopped fails the test after a while instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut store = Store::new(forever.engine(), ());
        let outcome = match Instance::new(&mut store, &forever, &[]) {
            Err(Error::Trap(t)) => Ok(t.code),
            other => Err(format!(
                "{:?}",
                other.map(|_| ()).map_err(|e| e.to_string())
            )),
        };
        let _ = tx.send(outcome);
    });
    let outcome = rx.recv_timeout(Duration::from_secs(60));
    done.store(true, Ordering::Relaxed);
    ticker.join().unwrap();
    match outcome {
        Ok(Ok(code)) => assert_eq!(code, TrapCode::Interrupt),
        Ok(Err(other)) => panic!("expected an interrupt, got {other}"),
        Err(_) => panic!("the endless start function was not interrupted within 60 s"),
    }
}

#[test]
fn without_a_bump_the_deadline_leaves_a_start_function_alone() {
    let mut config = Config::new();
    config.epoch_interruption(true).initial_epoch_deadline(1);
    let engine = Engine::new(&config).unwrap();
    let counting = Module::new(
        &engine,
        r#"(module
             (global $n (export "n") (mut i32) (i32.const 1000))
             (func $start
               (loop $l
                 (global.set $n (i32.sub (global.get $n) (i32.const 1)))
                 (br_if $l (global.get $n))))
             (start $start))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &counting, &[]).unwrap();
    let n = instance.get_global(&mut store, "n").unwrap().get(&store);
    assert_eq!(n, flint::Val::I32(0));
}
