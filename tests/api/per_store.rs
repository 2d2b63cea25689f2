//! The store's rules in detail (`stores.rs` has a threaded host's view of
//! them): the fuel budget and the epoch deadline, exact and per store, and
//! adjusted by host functions through their `Caller` mid-call; the
//! resource limiter for tables, host-created objects and object counts,
//! and a custom one; host functions re-entering the store; everything freed
//! with the store and not before; handles of another store refused.

use super::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// `spin(n)` loops `n` times; `run(n)` calls the other instance's `spin`.
const SPINNER: &str = r#"(module
  (func (export "spin") (param $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))))"#;
const CALLER: &str = r#"(module
  (import "lib" "spin" (func $spin (param i32)))
  (func (export "run") (param i32) (call $spin (local.get 0))))"#;

/// A store with a `lib` instance of [`SPINNER`] and an instance of
/// [`CALLER`] linked to it; `run` and `lib`'s own `spin`.
fn spinners(engine: &Engine) -> (Store<()>, TypedFunc<i32, ()>, TypedFunc<i32, ()>) {
    let mut store = Store::new(engine, ());
    let mut linker = Linker::new(engine);
    let lib = linker
        .instantiate(&mut store, &Module::new(engine, SPINNER).unwrap())
        .unwrap();
    linker.instance(&mut store, "lib", lib).unwrap();
    let app = linker
        .instantiate(&mut store, &Module::new(engine, CALLER).unwrap())
        .unwrap();
    let run = app.get_typed_func(&mut store, "run").unwrap();
    let spin = lib.get_typed_func(&mut store, "spin").unwrap();
    (store, run, spin)
}

#[test]
fn fuel_is_the_stores_and_spans_the_instances_a_call_passes_through() {
    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config).unwrap();
    let (mut store, run, spin) = spinners(&engine);
    let (mut other, _, other_spin) = spinners(&engine);
    // No initial fuel configured: nothing runs.
    assert_eq!(store.get_fuel().unwrap(), 0);
    assert_eq!(
        trap_code(spin.call(&mut store, 0).unwrap_err()),
        TrapCode::OutOfFuel
    );

    // What a call costs, through the importing instance and directly.
    store.set_fuel(1_000_000).unwrap();
    run.call(&mut store, 100).unwrap();
    let through = 1_000_000 - store.get_fuel().unwrap();
    store.set_fuel(1_000_000).unwrap();
    spin.call(&mut store, 100).unwrap();
    let direct = 1_000_000 - store.get_fuel().unwrap();
    // The loop's 100 iterations in `lib` count against the store's budget
    // when `run`'s instance calls it, plus at least `run`'s own entry.
    assert!(direct >= 100, "{direct}");
    assert!(through > direct, "{through} vs {direct}");

    // Exactly that much fuel suffices; one less runs out in `lib`.
    store.set_fuel(through).unwrap();
    run.call(&mut store, 100).unwrap();
    assert_eq!(store.get_fuel().unwrap(), 0);
    store.set_fuel(through - 1).unwrap();
    assert_eq!(
        trap_code(run.call(&mut store, 100).unwrap_err()),
        TrapCode::OutOfFuel
    );
    assert_eq!(store.get_fuel().unwrap(), 0);

    // Another store of the engine has its own budget, untouched.
    assert_eq!(other.get_fuel().unwrap(), 0);
    other.set_fuel(direct).unwrap();
    other_spin.call(&mut other, 100).unwrap();
    assert_eq!(other.get_fuel().unwrap(), 0);
    assert_eq!(store.get_fuel().unwrap(), 0);
}

#[test]
fn config_initial_fuel_is_each_new_stores() {
    let mut config = Config::new();
    config.consume_fuel(true).initial_fuel(5_000);
    let engine = Engine::new(&config).unwrap();
    let (mut store, run, _) = spinners(&engine);
    // Instantiating (no start function) spent nothing.
    assert_eq!(store.get_fuel().unwrap(), 5_000);
    run.call(&mut store, 100).unwrap();
    assert!(store.get_fuel().unwrap() < 5_000 - 100);
    let fresh = Store::new(&engine, ());
    assert_eq!(fresh.get_fuel().unwrap(), 5_000);
}

#[test]
fn host_functions_read_and_refill_the_stores_fuel() {
    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config).unwrap();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "refuel" (func $refuel))
             (func $spin (param $n i32)
               (block $done
                 (loop $next
                   (br_if $done (i32.eqz (local.get $n)))
                   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                   (br $next))))
             (func (export "run") (param i32)
               (call $spin (i32.const 10))
               (call $refuel)
               (call $spin (local.get 0))))"#,
    )
    .unwrap();
    // The host state records the fuel the host function saw.
    let mut linker = Linker::<Option<u64>>::new(&engine);
    linker
        .func_wrap(
            "host",
            "refuel",
            |mut caller: Caller<'_, Option<u64>>| -> Result<()> {
                let left = caller.get_fuel()?;
                *caller.data_mut() = Some(left);
                caller.set_fuel(10_000)
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, None);
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<i32, ()>(&mut store, "run").unwrap();
    // 100 units do not cover 1000 iterations; the refill in the middle of
    // the call does, and the wasm after it runs on the new fuel.
    store.set_fuel(100).unwrap();
    run.call(&mut store, 1000).unwrap();
    let seen = store.data().expect("the host function ran");
    assert!(seen < 100 && seen > 50, "{seen}");
    let left = store.get_fuel().unwrap();
    assert!(left < 10_000 - 1000 && left > 10_000 - 1200, "{left}");
}

#[test]
fn the_epoch_deadline_is_per_store() {
    let mut config = Config::new();
    config.epoch_interruption(true);
    let engine = Engine::new(&config).unwrap();
    let m = Module::new(&engine, SPINNER).unwrap();
    let mut a = Store::new(&engine, ());
    let mut b = Store::new(&engine, ());
    let spin_a = Instance::new(&mut a, &m, &[])
        .unwrap()
        .get_typed_func::<i32, ()>(&mut a, "spin")
        .unwrap();
    let inst_b = Instance::new(&mut b, &m, &[]).unwrap();
    let spin_b = inst_b.get_typed_func::<i32, ()>(&mut b, "spin").unwrap();
    // No deadline configured: never interrupted.
    engine.increment_epoch();
    spin_a.call(&mut a, 1000).unwrap();

    a.set_epoch_deadline(1);
    b.set_epoch_deadline(2);
    engine.increment_epoch();
    // Store a's deadline has passed, b's has not.
    assert_eq!(
        trap_code(spin_a.call(&mut a, 1000).unwrap_err()),
        TrapCode::Interrupt
    );
    spin_b.call(&mut b, 1000).unwrap();
    engine.increment_epoch();
    assert_eq!(
        trap_code(spin_b.call(&mut b, 1000).unwrap_err()),
        TrapCode::Interrupt
    );
    // A new deadline lets the store run again.
    a.set_epoch_deadline(1);
    spin_a.call(&mut a, 1000).unwrap();
}

#[test]
fn host_functions_extend_the_epoch_deadline() {
    let mut config = Config::new();
    config.epoch_interruption(true);
    let engine = Engine::new(&config).unwrap();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "tick" (func $tick))
             (func (export "run") (param $n i32)
               (block $done
                 (loop $next
                   (br_if $done (i32.eqz (local.get $n)))
                   (call $tick)
                   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                   (br $next)))))"#,
    )
    .unwrap();
    // Each call ticks the epoch; the host grants one more tick each time
    // until it has granted `data` of them.
    let mut linker = Linker::<u32>::new(&engine);
    linker
        .func_wrap("host", "tick", |mut caller: Caller<'_, u32>| {
            caller.engine().increment_epoch();
            if *caller.data() > 0 {
                *caller.data_mut() -= 1;
                caller.set_epoch_deadline(1);
            }
        })
        .unwrap();
    let mut store = Store::new(&engine, 5);
    let run = linker
        .instantiate(&mut store, &m)
        .unwrap()
        .get_typed_func::<i32, ()>(&mut store, "run")
        .unwrap();
    store.set_epoch_deadline(1);
    run.call(&mut store, 5).unwrap();
    assert_eq!(*store.data(), 0);
    store.set_epoch_deadline(1);
    *store.data_mut() = 3;
    assert_eq!(
        trap_code(run.call(&mut store, 5).unwrap_err()),
        TrapCode::Interrupt
    );
    assert_eq!(*store.data(), 0);
}

/// Host state with the store's limits in it.
struct Limited {
    limits: StoreLimits,
}

fn limited(engine: &Engine, limits: StoreLimits) -> Store<Limited> {
    let mut store = Store::new(engine, Limited { limits });
    store.limiter(|s| &mut s.limits);
    store
}

#[test]
fn store_limits_bound_tables_host_objects_and_counts() {
    // (Memory growth by wasm and the instance count: `stores.rs`.)
    let engine = Engine::default();
    let page = 65536;
    let grows = Module::new(
        &engine,
        r#"(module
             (memory 1)
             (table 2 funcref)
             (func (export "grow_table") (param i32) (result i32)
               (table.grow (ref.null func) (local.get 0))))"#,
    )
    .unwrap();
    let limits = StoreLimitsBuilder::new()
        .memory_size(3 * page)
        .table_elements(5)
        .build();
    let mut store = limited(&engine, limits);
    let inst = Instance::new(&mut store, &grows, &[]).unwrap();
    let grow_table = inst
        .get_typed_func::<i32, i32>(&mut store, "grow_table")
        .unwrap();
    // table.grow past the limit fails (-1) and changes nothing.
    assert_eq!(grow_table.call(&mut store, 4).unwrap(), -1);
    assert_eq!(grow_table.call(&mut store, 3).unwrap(), 2);
    assert_eq!(grow_table.call(&mut store, 1).unwrap(), -1);
    assert_eq!(grow_table.call(&mut store, 0).unwrap(), 5);
    // The host's own creations and growth ask the same limiter.
    assert!(Memory::new(&mut store, MemoryType::new(4, None)).is_err());
    let mem = Memory::new(&mut store, MemoryType::new(3, None)).unwrap();
    assert!(mem.grow(&mut store, 1).is_err());
    assert_eq!(mem.size(&store), 3);
    let table_ty = |min| TableType {
        element: ValType::FuncRef,
        min,
        max: None,
    };
    assert!(Table::new(&mut store, table_ty(6), Val::FuncRef(None)).is_err());
    let t = Table::new(&mut store, table_ty(5), Val::FuncRef(None)).unwrap();
    assert!(t.grow(&mut store, 1, Val::FuncRef(None)).is_err());
    // A module whose table is over the limit cannot be instantiated.
    let big = Module::new(&engine, "(module (table 6 funcref))").unwrap();
    let err = expect_err(Instance::new(&mut store, &big, &[]), "table over the limit");
    assert!(matches!(err, Error::Instantiation(_)), "{err:?}");

    // Counts of memories and tables.
    let limits = StoreLimitsBuilder::new().memories(1).tables(1).build();
    let mut store = limited(&engine, limits);
    Memory::new(&mut store, MemoryType::new(0, None)).unwrap();
    assert!(Memory::new(&mut store, MemoryType::new(0, None)).is_err());
    Table::new(&mut store, table_ty(0), Val::FuncRef(None)).unwrap();
    assert!(Table::new(&mut store, table_ty(0), Val::FuncRef(None)).is_err());
    let err = expect_err(Instance::new(&mut store, &grows, &[]), "a second memory");
    assert!(matches!(err, Error::Instantiation(_)), "{err:?}");

    // A store without a limiter is bound only by the engine.
    let (mut free, inst) = instance(
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    );
    let grow = inst.get_typed_func::<i32, i32>(&mut free, "grow").unwrap();
    assert_eq!(grow.call(&mut free, 10).unwrap(), 1);
}

/// A limiter of the host's own: it sees every request, and an error from
/// it refuses the growth as `false` does.
#[test]
fn a_custom_resource_limiter_sees_each_request() {
    #[derive(Default)]
    struct Recorder {
        memory: Vec<(usize, usize, Option<usize>)>,
        tables: Vec<(usize, usize, Option<usize>)>,
    }
    impl ResourceLimiter for Recorder {
        fn memory_growing(
            &mut self,
            current: usize,
            desired: usize,
            maximum: Option<usize>,
        ) -> Result<bool> {
            self.memory.push((current, desired, maximum));
            if desired > 2 * 65536 {
                return Err(Error::Usage("too much memory".into()));
            }
            Ok(true)
        }
        fn table_growing(
            &mut self,
            current: usize,
            desired: usize,
            maximum: Option<usize>,
        ) -> Result<bool> {
            self.tables.push((current, desired, maximum));
            Ok(desired <= 3)
        }
    }
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (memory 1 8)
             (table 1 funcref)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
             (func (export "grow_table") (param i32) (result i32)
               (table.grow (ref.null func) (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, Recorder::default());
    store.limiter(|r| r as &mut dyn ResourceLimiter);
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let grow = inst.get_typed_func::<i32, i32>(&mut store, "grow").unwrap();
    let grow_table = inst
        .get_typed_func::<i32, i32>(&mut store, "grow_table")
        .unwrap();
    assert_eq!(grow.call(&mut store, 1).unwrap(), 1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);
    assert_eq!(grow_table.call(&mut store, 2).unwrap(), 1);
    assert_eq!(grow_table.call(&mut store, 1).unwrap(), -1);
    let page = 65536;
    let max = Some(8 * page);
    assert_eq!(
        store.data().memory,
        [
            (0, page, max),
            (page, 2 * page, max),
            (2 * page, 3 * page, max)
        ]
    );
    assert_eq!(
        store.data().tables,
        [(0, 1, None), (1, 3, None), (3, 4, None)]
    );
}

#[test]
fn host_functions_reenter_the_store_they_are_called_from() {
    // A host function may do anything with the store its Caller lends it
    // while the wasm that called it waits: call that instance's exports
    // (one of which traps), create a new instance, keep state.
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "twice" (func $twice (param i32) (result i32)))
             (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
             (func (export "boom") (unreachable))
             (func (export "run") (param i32) (result i32)
               (i32.mul (call $twice (local.get 0)) (i32.const 10))))"#,
    )
    .unwrap();
    let other = Module::new(
        &engine,
        r#"(module (func (export "seven") (result i32) (i32.const 7)))"#,
    )
    .unwrap();
    let mut linker = Linker::<Vec<Instance>>::new(&engine);
    linker
        .func_wrap(
            "host",
            "twice",
            move |mut caller: Caller<'_, Vec<Instance>>, x: i32| -> Result<i32> {
                let export = |caller: &mut Caller<'_, Vec<Instance>>, name| {
                    caller
                        .get_export(name)
                        .and_then(Extern::into_func)
                        .expect("the calling instance exports it")
                };
                let inc = export(&mut caller, "inc").typed::<i32, i32>(&caller)?;
                let boom = export(&mut caller, "boom").typed::<(), ()>(&caller)?;
                let err = boom.call(&mut caller, ()).unwrap_err();
                assert_eq!(trap_code(err), TrapCode::Unreachable);
                let fresh = Instance::new(&mut caller, &other, &[])?;
                let seven = fresh.get_typed_func::<(), i32>(&mut caller, "seven")?;
                let y = inc.call(&mut caller, x)?;
                let y = inc.call(&mut caller, y)?;
                caller.data_mut().push(fresh);
                Ok(y + seven.call(&mut caller, ())?)
            },
        )
        .unwrap();
    let mut store = Store::new(&engine, Vec::new());
    let inst = linker.instantiate(&mut store, &m).unwrap();
    let run = inst.get_typed_func::<i32, i32>(&mut store, "run").unwrap();
    assert_eq!(run.call(&mut store, 5).unwrap(), 140);
    assert_eq!(run.call(&mut store, 0).unwrap(), 90);
    // The instances made during the calls are the store's, usable after.
    let made = store.data().clone();
    assert_eq!(made.len(), 2);
    assert_ne!(made[0], made[1]);
    for i in made {
        let seven = i.get_typed_func::<(), i32>(&mut store, "seven").unwrap();
        assert_eq!(seven.call(&mut store, ()).unwrap(), 7);
    }
}

/// Counts its drops.
struct Tracked(Arc<AtomicUsize>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn dropping_the_store_frees_everything_in_it() {
    // Nothing in a store is freed before the store (handles are plain
    // values; dropping one means nothing), and everything is freed with
    // it: host closures, host references held by tables and globals, and
    // instances that reference each other in a cycle (A's table holds B's
    // function, B imports A's table and function).
    let engine = Engine::default();
    let a = Module::new(
        &engine,
        r#"(module
             (table (export "t") 2 funcref)
             (global (export "g") (mut externref) (ref.null extern))
             (func (export "f") (result i32) (i32.const 1)))"#,
    )
    .unwrap();
    let b = Module::new(
        &engine,
        r#"(module
             (import "a" "t" (table 2 funcref))
             (import "a" "f" (func $f (result i32)))
             (import "host" "h" (func $h))
             (func $mine (result i32) (call $h) (call $f))
             (elem (i32.const 0) func $mine))"#,
    )
    .unwrap();
    let drops = Arc::new(AtomicUsize::new(0));
    let captured = Arc::new(());
    let mut store = Store::new(&engine, Tracked(drops.clone()));
    let mut linker = Linker::new(&engine);
    let in_closure = captured.clone();
    linker
        .func_wrap("host", "h", move || {
            let _ = &in_closure;
        })
        .unwrap();
    let inst_a = linker.instantiate(&mut store, &a).unwrap();
    linker.instance(&mut store, "a", inst_a).unwrap();
    linker.instantiate(&mut store, &b).unwrap();
    // A's table now holds B's function, which calls A's: run it from A's
    // table.
    let t = inst_a.get_table(&mut store, "t").unwrap();
    let Some(Val::FuncRef(Some(mine))) = t.get(&store, 0) else {
        panic!("B's element segment wrote A's table")
    };
    assert_eq!(call(&mut store, mine, &[]).unwrap(), vec![Val::I32(1)]);
    let held = ExternRef::new(Tracked(drops.clone()));
    let g = inst_a.get_global(&mut store, "g").unwrap();
    g.set(&mut store, Val::ExternRef(Some(held.clone())))
        .unwrap();
    let also = ExternRef::new(Tracked(drops.clone()));
    let t2 = Table::new(
        &mut store,
        TableType {
            element: ValType::ExternRef,
            min: 1,
            max: None,
        },
        Val::ExternRef(Some(also.clone())),
    )
    .unwrap();
    drop((held, also));
    // The host's handles are gone; the store keeps what it holds.
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    // One definition of the closure, shared by the linker and the store.
    assert_eq!(Arc::strong_count(&captured), 2);
    let Some(Val::ExternRef(Some(r))) = t2.get(&store, 0) else {
        panic!("the table holds the reference")
    };
    assert!(r.data().downcast_ref::<Tracked>().is_some());
    drop(r);
    drop(linker);
    assert_eq!(Arc::strong_count(&captured), 2, "the store keeps it");

    drop(store);
    assert_eq!(drops.load(Ordering::SeqCst), 3, "data and both references");
    assert_eq!(Arc::strong_count(&captured), 1, "the closure is gone");

    // `into_data` frees the store's contents and hands the data back.
    let mut store = Store::new(&engine, Tracked(drops.clone()));
    let t = Table::new(
        &mut store,
        TableType {
            element: ValType::ExternRef,
            min: 1,
            max: None,
        },
        Val::ExternRef(Some(ExternRef::new(Tracked(drops.clone())))),
    )
    .unwrap();
    assert_eq!(t.size(&store), 1);
    let data = store.into_data();
    assert_eq!(drops.load(Ordering::SeqCst), 4, "the table's reference");
    drop(data);
    assert_eq!(drops.load(Ordering::SeqCst), 5);
}

#[test]
fn handles_of_another_store_are_refused_or_panic() {
    // Fallible operations say so with a usage error; infallible ones
    // panic, as wasmtime's do.
    let (mut a, inst) = instance(
        r#"(module
             (memory (export "mem") 1)
             (global (export "g") (mut i32) (i32.const 0))
             (func (export "f") (result i32) (i32.const 1)))"#,
    );
    let mut b = Store::new(a.engine(), ());
    let mem = inst.get_memory(&mut a, "mem").unwrap();
    let g = inst.get_global(&mut a, "g").unwrap();
    let f = inst.get_func(&mut a, "f").unwrap();
    let typed = f.typed::<(), i32>(&a).unwrap();
    let usage = |r: Result<()>, what: &str| {
        let err = expect_err(r, what);
        assert!(matches!(err, Error::Usage(_)), "{what}: {err:?}");
    };
    usage(mem.read(&b, 0, &mut [0]), "Memory::read");
    usage(mem.grow(&mut b, 1).map(drop), "Memory::grow");
    usage(g.set(&mut b, Val::I32(1)), "Global::set");
    usage(typed.call(&mut b, ()).map(drop), "TypedFunc::call");
    let panics = |what: &str, op: &dyn Fn()| {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(op));
        assert!(r.is_err(), "{what} did not panic");
    };
    panics("Memory::data", &|| {
        let _ = mem.data(&b);
    });
    panics("Memory::size", &|| {
        let _ = mem.size(&b);
    });
    panics("Global::get", &|| {
        let _ = g.get(&b);
    });
    panics("Func::ty", &|| {
        let _ = f.ty(&b);
    });
    // Nothing changed in either store.
    assert_eq!(g.get(&a), Val::I32(0));
    assert_eq!(mem.size(&a), 1);
    assert_eq!(typed.call(&mut a, ()).unwrap(), 1);
}
