//! `Linker`: resolves a module's imports by `(module, name)` from what the
//! host defined, so users need not list imports positionally.

use super::externals::Extern;
use super::func::Func;
use super::instance::Instance;
use super::typed::IntoFunc;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::module::Module;
use crate::trap::Trap;
use crate::types::{FuncType, Val};
use std::collections::HashMap;

pub struct Linker {
    engine: Engine,
    defs: HashMap<(String, String), Extern>,
}

impl Linker {
    /// The engine this linker's host functions are created for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn new(engine: &Engine) -> Linker {
        Linker {
            engine: engine.clone(),
            defs: HashMap::new(),
        }
    }

    /// Define (or redefine) `module.name`.
    pub fn define(&mut self, module: &str, name: &str, item: impl Into<Extern>) -> &mut Linker {
        self.defs
            .insert((module.to_string(), name.to_string()), item.into());
        self
    }

    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        f: impl Fn(&[Val], &mut [Val]) -> Result<(), Trap> + 'static,
    ) -> &mut Linker {
        let func = Func::new(&self.engine, ty, f);
        self.define(module, name, func)
    }

    pub fn func_wrap<P, R>(
        &mut self,
        module: &str,
        name: &str,
        f: impl IntoFunc<P, R>,
    ) -> &mut Linker {
        let func = f.into_func(&self.engine);
        self.define(module, name, func)
    }

    /// Define every export of `instance` under `module_name`.
    pub fn instance(&mut self, module_name: &str, instance: &Instance) -> &mut Linker {
        for (name, ext) in instance.exports() {
            self.define(module_name, &name, ext);
        }
        self
    }

    pub fn get(&self, module: &str, name: &str) -> Option<Extern> {
        self.defs
            .get(&(module.to_string(), name.to_string()))
            .cloned()
    }

    pub fn instantiate(&self, module: &Module) -> Result<Instance> {
        let imports = module
            .imports()
            .iter()
            .map(|i| {
                self.get(&i.module, &i.name).ok_or_else(|| {
                    Error::Link(format!(
                        "unknown import: {}.{} ({})",
                        i.module,
                        i.name,
                        i.ty.kind()
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Instance::new(module, &imports)
    }
}
