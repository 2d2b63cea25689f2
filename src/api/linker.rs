//! `Linker<T>`: resolves a module's imports by `(module, name)` from what
//! the host defined, so users need not list imports positionally.
//!
//! A linker holds two kinds of definitions. Host functions defined with
//! [`Linker::func_wrap`] or [`Linker::func_new`] belong to no store: the
//! linker keeps their definition (type and closure, shared behind an `Arc`)
//! and puts a copy in each store it instantiates into, so one linker, built
//! once, serves every store. Items of a store (an instance's exports, a
//! memory the host made) are defined with the store they belong to and can
//! only be used to instantiate into that store.
//!
//! [`Linker::instantiate_pre`] does the name resolution and type checks
//! once, for a module, and gives an [`InstancePre`] that instantiates it
//! into any store with no lookups left.

use super::caller::Caller;
use super::externals::Extern;
use super::func::Func;
use super::host_func::HostFuncDef;
use super::instance::{check_import, instantiate, Instance};
use super::store::{AsContext, AsContextMut, StoreOpaque};
use super::typed::IntoFunc;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::module::Module;
use crate::types::{ExternType, FuncType, Val};
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

/// Definitions by `(module, name)`, for instantiating modules into stores
/// of `T`.
pub struct Linker<T> {
    engine: Engine,
    defs: HashMap<(String, String), Definition>,
    allow_shadowing: bool,
    _store: PhantomData<fn() -> T>,
}

impl<T> Clone for Linker<T> {
    fn clone(&self) -> Self {
        Linker {
            engine: self.engine.clone(),
            defs: self.defs.clone(),
            allow_shadowing: self.allow_shadowing,
            _store: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Linker<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Linker")
            .field("definitions", &self.defs.len())
            .finish()
    }
}

/// One definition.
#[derive(Clone)]
pub(crate) enum Definition {
    /// An item of one store. Its type is checked at each instantiation,
    /// against what it is then: a memory or table may grow after it was
    /// defined.
    Extern(Extern),
    /// A host function, put in each store on instantiation.
    HostFunc(Arc<HostFuncDef>),
}

impl Definition {
    /// The definition as an item of `store` (a host function is put in it).
    fn to_extern(&self, store: &mut StoreOpaque) -> Extern {
        match self {
            Definition::Extern(ext) => *ext,
            Definition::HostFunc(def) => Extern::Func(Func::from_def(store, def.clone())),
        }
    }
}

impl<T: 'static> Linker<T> {
    /// An empty linker for modules of `engine`.
    pub fn new(engine: &Engine) -> Linker<T> {
        Linker {
            engine: engine.clone(),
            defs: HashMap::new(),
            allow_shadowing: false,
            _store: PhantomData,
        }
    }

    /// The engine this linker's host functions are created for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Whether defining a name twice replaces the first definition (`true`)
    /// or is an error (`false`, the default).
    pub fn allow_shadowing(&mut self, allow: bool) -> &mut Linker<T> {
        self.allow_shadowing = allow;
        self
    }

    fn insert(&mut self, module: &str, name: &str, def: Definition) -> Result<&mut Linker<T>> {
        let key = (module.to_string(), name.to_string());
        if !self.allow_shadowing && self.defs.contains_key(&key) {
            return Err(Error::Link(format!(
                "{module}.{name} is already defined (Linker::allow_shadowing)"
            )));
        }
        self.defs.insert(key, def);
        Ok(self)
    }

    /// Define `module.name` as `item`, an item of `store`.
    pub fn define(
        &mut self,
        store: impl AsContext<Data = T>,
        module: &str,
        name: &str,
        item: impl Into<Extern>,
    ) -> Result<&mut Linker<T>> {
        let store = store.as_context();
        let item = item.into();
        store
            .opaque()
            .check(item.store(), "an item defined in a Linker")?;
        self.insert(module, name, Definition::Extern(item))
    }

    /// Define `module.name` as a host function with a dynamic signature
    /// (see [`Func::new`]).
    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Result<&mut Linker<T>> {
        let def = HostFuncDef::new(ty, f);
        self.insert(module, name, Definition::HostFunc(def))
    }

    /// Define `module.name` as a host function from a typed closure (see
    /// [`Func::wrap`]).
    pub fn func_wrap<Params, Results>(
        &mut self,
        module: &str,
        name: &str,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Result<&mut Linker<T>> {
        let def = f.into_def().0;
        self.insert(module, name, Definition::HostFunc(def))
    }

    /// Define every export of `instance` (of `store`) under `module_name`.
    pub fn instance(
        &mut self,
        mut store: impl AsContextMut<Data = T>,
        module_name: &str,
        instance: Instance,
    ) -> Result<&mut Linker<T>> {
        let exports = instance.exports(&mut store);
        for (name, ext) in exports {
            self.define(&store, module_name, &name, ext)?;
        }
        Ok(self)
    }

    /// The definition of `module.name`, as an item of `store` (a host
    /// function is put in the store).
    pub fn get(
        &self,
        mut store: impl AsContextMut<Data = T>,
        module: &str,
        name: &str,
    ) -> Option<Extern> {
        let def = self.defs.get(&(module.to_string(), name.to_string()))?;
        let mut store = store.as_context_mut();
        Some(def.to_extern(store.opaque()))
    }

    /// Instantiate `module` into `store` with this linker's definitions.
    pub fn instantiate(
        &self,
        store: impl AsContextMut<Data = T>,
        module: &Module,
    ) -> Result<Instance> {
        self.instantiate_pre(module)?.instantiate(store)
    }

    /// Resolve `module`'s imports by name, and type-check the host
    /// functions among them, once; the result instantiates it into any
    /// store of `T` without doing that again (items of a store are checked
    /// at each instantiation: a memory or table may have grown).
    pub fn instantiate_pre(&self, module: &Module) -> Result<InstancePre<T>> {
        if !Engine::same(module.engine(), &self.engine) {
            return Err(Error::Usage(
                "the module was compiled for another engine than the linker's".into(),
            ));
        }
        let items = module
            .imports()
            .iter()
            .enumerate()
            .map(|(i, import)| {
                let key = (import.module.clone(), import.name.clone());
                let def = self.defs.get(&key).ok_or_else(|| {
                    Error::Link(format!(
                        "unknown import: {}.{} ({})",
                        import.module,
                        import.name,
                        import.ty.kind()
                    ))
                })?;
                // A store's item is checked when instantiating (see
                // `Definition::Extern`); a host function's type is fixed.
                if let Definition::HostFunc(f) = def {
                    check_import(module, i, &ExternType::Func(f.ty.clone()))?;
                }
                Ok(def.clone())
            })
            .collect::<Result<Arc<[Definition]>>>()?;
        Ok(InstancePre {
            module: module.clone(),
            items,
            _store: PhantomData,
        })
    }
}

/// A module with its imports resolved and checked (see
/// [`Linker::instantiate_pre`]). Cheap to clone and `Send + Sync`: one
/// serves requests on any number of threads, each with its own store.
pub struct InstancePre<T> {
    module: Module,
    items: Arc<[Definition]>,
    _store: PhantomData<fn() -> T>,
}

impl<T> Clone for InstancePre<T> {
    fn clone(&self) -> Self {
        InstancePre {
            module: self.module.clone(),
            items: self.items.clone(),
            _store: PhantomData,
        }
    }
}

impl<T> fmt::Debug for InstancePre<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InstancePre")
            .field("imports", &self.items.len())
            .finish()
    }
}

impl<T> InstancePre<T> {
    /// The module.
    pub fn module(&self) -> &Module {
        &self.module
    }

    /// Instantiate into `store`: host functions are put in the store, items
    /// of a store must be of this one.
    pub fn instantiate(&self, mut store: impl AsContextMut<Data = T>) -> Result<Instance> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        let imports: Vec<Extern> = self.items.iter().map(|d| d.to_extern(store)).collect();
        instantiate(store, &self.module, &imports)
    }
}
