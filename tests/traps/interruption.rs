//! Stopping wasm that would run forever: fuel (deterministic on every ISA,
//! also bounding start functions) and epoch deadlines set from another
//! thread. Both belong to the store, so one budget bounds every instance
//! in it.

use super::*;

/// Fuel metering stops an infinite loop with a trap, and charges exactly
/// one unit per function entry and per loop iteration: the counts below
/// are the same on every ISA because they depend only on the wasm.
#[test]
fn fuel_stops_infinite_loops_and_counts_deterministically() {
    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(
        &engine,
        r#"(module
             (func $leaf (result i32) (i32.const 1))
             (func (export "forever") (loop $l (br $l)))
             ;; n iterations, each calling $leaf once.
             (func (export "count") (param $n i32) (result i32) (local $acc i32)
               (block $done
                 (loop $l
                   (br_if $done (i32.eqz (local.get $n)))
                   (local.set $acc (i32.add (local.get $acc) (call $leaf)))
                   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                   (br $l)))
               (local.get $acc)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();

    store.set_fuel(10_000).unwrap();
    let forever = inst
        .get_typed_func::<(), ()>(&mut store, "forever")
        .unwrap();
    match forever.call(&mut store, ()) {
        Err(Error::Trap(t)) => {
            assert_eq!(t.code, TrapCode::OutOfFuel);
            assert_eq!(t.to_string(), "all fuel consumed by WebAssembly");
        }
        other => panic!(
            "expected out of fuel, got {:?}",
            other.map_err(|e| e.to_string())
        ),
    }
    assert_eq!(store.get_fuel().unwrap(), 0);

    // count(100): 1 (entry) + 101 loop headers (100 iterations and the
    // exit test) + 100 calls of $leaf = 202.
    store.set_fuel(1_000).unwrap();
    let count = inst
        .get_typed_func::<i32, i32>(&mut store, "count")
        .unwrap();
    assert_eq!(count.call(&mut store, 100).unwrap(), 100);
    assert_eq!(store.get_fuel().unwrap(), 1_000 - 202);
    // Exactly enough fuel succeeds; one less traps.
    store.set_fuel(202).unwrap();
    assert_eq!(count.call(&mut store, 100).unwrap(), 100);
    store.set_fuel(201).unwrap();
    assert!(
        matches!(count.call(&mut store, 100), Err(Error::Trap(t)) if t.code == TrapCode::OutOfFuel)
    );
    // Without fuel metering, none is needed (and there is none to set).
    let plain = Module::new(&Engine::default(), r#"(module (func (export "f") (loop)))"#).unwrap();
    let mut store = Store::new(plain.engine(), ());
    assert!(store.set_fuel(1).is_err());
    let plain = Instance::new(&mut store, &plain, &[]).unwrap();
    plain
        .get_typed_func::<(), ()>(&mut store, "f")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
}

/// `Config::initial_fuel` is what a store starts with, and so what start
/// functions run on: enough lets one finish (and the store keeps the rest
/// for the next instance), an infinite loop in one stops `Instance::new`
/// with `OutOfFuel` instead of hanging the host.
#[test]
fn initial_fuel_bounds_start_functions() {
    let mut config = Config::new();
    config.consume_fuel(true).initial_fuel(50);
    let engine = Engine::new(&config).unwrap();
    // Start: 1 (entry) + 11 loop headers for 10 iterations.
    let counting = Module::new(
        &engine,
        r#"(module
             (global $n (mut i32) (i32.const 10))
             (func $start
               (loop $l
                 (global.set $n (i32.sub (global.get $n) (i32.const 1)))
                 (br_if $l (i32.ne (global.get $n) (i32.const 0)))))
             (start $start))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    Instance::new(&mut store, &counting, &[]).unwrap();
    assert_eq!(store.get_fuel().unwrap(), 50 - 11);
    // A second instance in the same store spends from the same budget.
    Instance::new(&mut store, &counting, &[]).unwrap();
    assert_eq!(store.get_fuel().unwrap(), 50 - 2 * 11);
    let forever = Module::new(
        &engine,
        r#"(module (func $start (loop $l (br $l))) (start $start))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    match Instance::new(&mut store, &forever, &[]) {
        Err(Error::Trap(t)) => assert_eq!(t.code, TrapCode::OutOfFuel),
        other => panic!(
            "expected out of fuel, got {:?}",
            other.map(|_| ()).map_err(|e| e.to_string())
        ),
    }
}

/// Epoch interruption: another thread advances the engine's epoch while
/// wasm spins in an infinite loop; the loop traps with `Interrupt` soon
/// after, and the store's instances are usable again with a new deadline.
#[test]
fn epoch_deadline_stops_an_infinite_loop_from_another_thread() {
    let mut config = Config::new();
    config.epoch_interruption(true);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(
        &engine,
        r#"(module
             (func (export "forever") (loop $l (br $l)))
             (func (export "answer") (result i32) (i32.const 42)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    store.set_epoch_deadline(1);
    let ticker = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            engine.increment_epoch();
        })
    };
    let started = std::time::Instant::now();
    let forever = inst
        .get_typed_func::<(), ()>(&mut store, "forever")
        .unwrap();
    match forever.call(&mut store, ()) {
        Err(Error::Trap(t)) => {
            assert_eq!(t.code, TrapCode::Interrupt);
            assert_eq!(t.to_string(), "interrupt");
        }
        other => panic!(
            "expected an interrupt, got {:?}",
            other.map_err(|e| e.to_string())
        ),
    }
    ticker.join().unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "stopped within a bounded time"
    );
    // The deadline has passed: every entry traps until it is moved.
    let answer = inst
        .get_typed_func::<(), i32>(&mut store, "answer")
        .unwrap();
    assert!(
        matches!(answer.call(&mut store, ()), Err(Error::Trap(t)) if t.code == TrapCode::Interrupt)
    );
    // The deadline is the store's: another instance in it traps as well.
    let other = Instance::new(&mut store, &module, &[]).unwrap();
    let other_answer = other
        .get_typed_func::<(), i32>(&mut store, "answer")
        .unwrap();
    assert!(
        matches!(other_answer.call(&mut store, ()), Err(Error::Trap(t)) if t.code == TrapCode::Interrupt)
    );
    store.set_epoch_deadline(1);
    assert_eq!(answer.call(&mut store, ()).unwrap(), 42);
    assert_eq!(other_answer.call(&mut store, ()).unwrap(), 42);
}
