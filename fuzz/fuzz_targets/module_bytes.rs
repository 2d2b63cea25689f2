//! Robustness fuzzing: any bytes, and mutations of real modules (seed the
//! corpus with `fuzz/seed-corpus.sh`), go through everything Flint does
//! with a module it is handed: `Module::new` (decode, validate, compile),
//! instantiation into a fresh store against stand-in imports of the right
//! types (segments, the start function), and `flint explain` for both
//! ISAs. Nothing may panic or crash; a start function cannot hang, because
//! fuel metering bounds it (each store starts with `initial_fuel`);
//! memories and code are capped so that no input can make Flint use
//! unbounded memory.

#![no_main]

use flint::explain::{explain, Options, Target};
use flint::{Config, Engine, Extern, ExternType, Func, Global, Instance, Memory, Module, Table};
use flint::{Store, Val, ValType};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = Config::new();
        config
            .consume_fuel(true)
            .initial_fuel(100_000)
            .max_memory_pages(1024)
            .max_code_size(64 << 20);
        Engine::new(&config).expect("the fuzzing config suits this machine")
    })
}

/// An import of each requested type: functions return zeros, the rest
/// start at their type's minimum and default value.
fn stand_in(store: &mut Store<()>, ty: &ExternType) -> Option<Extern> {
    Some(match ty {
        ExternType::Func(ft) => {
            let results: Vec<ValType> = ft.results().to_vec();
            Extern::Func(Func::new(&mut *store, ft.clone(), move |_, _, out| {
                for (slot, ty) in out.iter_mut().zip(&results) {
                    *slot = Val::default_for(*ty);
                }
                Ok(())
            }))
        }
        ExternType::Global(gt) => {
            Extern::Global(Global::new(store, *gt, Val::default_for(gt.content)).ok()?)
        }
        ExternType::Memory(mt) => Extern::Memory(Memory::new(store, *mt).ok()?),
        ExternType::Table(tt) => {
            Extern::Table(Table::new(store, *tt, Val::default_for(tt.element)).ok()?)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    let Ok(module) = Module::new(engine, data) else {
        return;
    };
    let mut store = Store::new(engine, ());
    let imports: Option<Vec<Extern>> = module
        .imports()
        .iter()
        .map(|i| stand_in(&mut store, &i.ty))
        .collect();
    if let Some(imports) = imports {
        let _ = Instance::new(&mut store, &module, &imports);
    }
    for target in [Target::X86_64, Target::Aarch64] {
        let _ = explain(data, target, &Options::default());
    }
});
