//! `Func`: a function, defined in wasm or by the host, callable from both.
//!
//! A `Func` is the address of the function's `FuncRef` record (in its
//! instance's vmctx, or in the host function's data), tagged with its
//! store's id: exactly what wasm holds as a `funcref`, so converting
//! between the two costs nothing. The record says everything else: the
//! code and context to call, and, through the context's `INSTANCE` slot,
//! the instance or host function it belongs to. The address is only
//! followed after the store id was checked, so it always points into a
//! live store.

use super::caller::Caller;
use super::host_func::{host_stub, HostFuncData, HostFuncDef};
use super::instance::InstanceData;
use super::refs::CallRoots;
use super::store::{AsContext, AsContextMut, StoreId, StoreOpaque};
use super::typed::{IntoFunc, TypedFunc, WasmParams, WasmResults};
use crate::error::{Error, Result};
use crate::masm::RegClass;
use crate::runtime::{activation, vmctx};
use crate::trap::Trap;
use crate::types::{FuncType, Val};

/// A function in a store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Func {
    pub(crate) store: StoreId,
    /// The address of the function's canonical `FuncRef` record.
    pub(crate) raw: usize,
}

/// What a `Func` is, read from its record.
pub(crate) enum FuncTarget<'a> {
    Wasm {
        instance: &'a InstanceData,
        index: u32,
    },
    Host(&'a HostFuncData),
}

impl Func {
    /// A host function with a dynamic signature. The closure gets the
    /// [`Caller`] (the store's host state, the calling instance's exports),
    /// the arguments, and room for the results.
    pub fn new<T: 'static>(
        mut store: impl AsContextMut<Data = T>,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Func {
        let mut store = store.as_context_mut();
        let def = HostFuncDef::new(ty, f);
        Func::from_def(store.opaque(), def)
    }

    /// A host function from a typed closure, e.g. `|a: i32, b: i32| a + b`,
    /// optionally taking the `Caller` first.
    pub fn wrap<T: 'static, P, R>(
        mut store: impl AsContextMut<Data = T>,
        f: impl IntoFunc<T, P, R>,
    ) -> Func {
        let mut store = store.as_context_mut();
        Func::from_def(store.opaque(), f.into_def().0)
    }

    pub(crate) fn from_def(store: &mut StoreOpaque, def: std::sync::Arc<HostFuncDef>) -> Func {
        let raw = HostFuncData::new_in(store, def);
        Func {
            store: store.id,
            raw,
        }
    }

    /// The record. Only to be read once the store is known to be alive
    /// (its id was checked, or the record came from wasm).
    ///
    /// # Safety
    /// The store this function belongs to must be alive.
    pub(crate) unsafe fn record(&self) -> &vmctx::FuncRef {
        // SAFETY: a live store keeps every record it handed out.
        unsafe { &*(self.raw as *const vmctx::FuncRef) }
    }

    /// What this function is; fails if it belongs to another store.
    pub(crate) fn target<'a>(&self, store: &'a StoreOpaque) -> Result<FuncTarget<'a>> {
        store.check(self.store, "Func")?;
        // SAFETY: the function belongs to `store`, which is alive, as are
        // the records, instances and host functions it owns; the INSTANCE
        // slot of a record's context points to the owner (host-call stub:
        // a `HostFuncData`; anything else: an `InstanceData`).
        unsafe {
            let r = self.record();
            let back = *(r.vmctx.add(vmctx::INSTANCE as usize) as *const *const u8);
            Ok(if r.code == host_stub() {
                FuncTarget::Host(&*(back as *const HostFuncData))
            } else {
                FuncTarget::Wasm {
                    instance: &*(back as *const InstanceData),
                    index: r.index,
                }
            })
        }
    }

    fn func_type<'a>(&self, store: &'a StoreOpaque) -> Result<&'a FuncType> {
        Ok(match self.target(store)? {
            FuncTarget::Wasm { instance, index } => instance.module.inner.func_type(index),
            FuncTarget::Host(h) => &h.def.ty,
        })
    }

    /// The function's type.
    ///
    /// # Panics
    /// If the function belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> FuncType {
        self.ty_in(store.as_context().opaque())
    }

    pub(crate) fn ty_in(&self, store: &StoreOpaque) -> FuncType {
        match self.func_type(store) {
            Ok(ty) => ty.clone(),
            Err(e) => panic!("{e}"),
        }
    }

    /// Call with dynamically typed arguments; the results are written to
    /// `results`, which must have one slot per result.
    pub fn call(
        &self,
        mut store: impl AsContextMut,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<()> {
        let mut store = store.as_context_mut();
        self.call_in(store.opaque(), params, results)
    }

    pub(crate) fn call_in(
        &self,
        store: &mut StoreOpaque,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<()> {
        let ty = self.func_type(store)?;
        if params.len() != ty.params().len()
            || params.iter().zip(ty.params()).any(|(a, &t)| a.ty() != t)
        {
            let given: Vec<String> = params.iter().map(|a| a.ty().to_string()).collect();
            return Err(Error::Usage(format!(
                "function of type {ty} called with arguments ({})",
                given.join(" ")
            )));
        }
        if results.len() != ty.results().len() {
            return Err(Error::Usage(format!(
                "function of type {ty} called with room for {} results",
                results.len()
            )));
        }
        for p in params {
            p.check_store(store)?;
        }
        match self.target(store)? {
            FuncTarget::Host(h) => {
                let def = h.def.clone();
                let ty = &def.ty;
                for (r, &t) in results.iter_mut().zip(ty.results()) {
                    *r = Val::default_for(t);
                }
                (def.callback)(store as *mut StoreOpaque, None, params, results)?;
                // The callback may store values of any type; the caller
                // (`TypedFunc` above all) relies on the declared ones. The
                // same error as when wasm calls it (`builtins::call_host`).
                if let Some((r, &t)) = results.iter().zip(ty.results()).find(|(r, &t)| r.ty() != t)
                {
                    return Err(Error::Trap(Trap::host(format!(
                        "host function returned {} for a result of type {t}",
                        r.ty()
                    ))));
                }
                Ok(())
            }
            FuncTarget::Wasm { instance, index } => {
                let ty = instance.module.inner.func_type(index);
                let slots = crate::masm::slots_for(ty) as usize;
                // References passed in stay alive for the call (wasm that
                // keeps one stores it in a table or global, which root it).
                let _roots = CallRoots::enter();
                params.iter().for_each(CallRoots::root);
                let mut values: Vec<u64> = Vec::with_capacity(slots);
                params.iter().for_each(|a| a.write_slots(&mut values));
                values.resize(slots, 0);
                let registers = self.call_raw(store, &mut values)?;
                let ty = self.func_type(store)?;
                read_results(ty, &registers, &values, results);
                Ok(())
            }
        }
    }

    /// Call a wasm function with its arguments already in `values` (one
    /// slot each, room for the results): the registers where a single
    /// result comes back (several come back in `values`).
    pub(crate) fn call_raw(&self, store: &mut StoreOpaque, values: &mut [u64]) -> Result<[u64; 3]> {
        let max_stack = store.engine.config().max_wasm_stack;
        // SAFETY: the function belongs to `store` (checked by every
        // caller's `target`), so its record and the vmctx it names are
        // alive for the call; `values` was sized for its type.
        let r = unsafe { *self.record() };
        // SAFETY: `r.code` is a function compiled for the signature the
        // caller checked, `r.vmctx` its instance's vmctx in this store,
        // whose STACK_LIMIT slot points to the store's stack-limit cell.
        let registers = unsafe {
            activation::call_wasm(
                r.vmctx,
                r.code,
                values,
                max_stack,
                &store.context.stack_limit,
            )
        }?;
        Ok(registers)
    }

    /// A typed view of this function; fails if the types differ.
    pub fn typed<P: WasmParams, R: WasmResults>(
        &self,
        store: impl AsContext,
    ) -> Result<TypedFunc<P, R>> {
        let store = store.as_context();
        let ty = self.func_type(store.opaque())?;
        TypedFunc::new(*self, ty)
    }

    /// The `funcref` wasm sees.
    pub(crate) fn to_raw(self) -> u64 {
        self.raw as u64
    }

    /// The function behind a `funcref` (`None` for null).
    ///
    /// # Safety
    /// A nonzero `raw` must be the address of a live `FuncRef` record: one
    /// in the vmctx of a live instance, or of a live host function.
    pub(crate) unsafe fn from_raw(raw: u64) -> Option<Func> {
        if raw == 0 {
            return None;
        }
        // SAFETY: per the contract the record and the context it names are
        // alive, and the INSTANCE slot of that context points to the
        // `InstanceData` / `HostFuncData` that owns it. A record copied into
        // an importer's vmctx names the exporter, whose own record is the
        // canonical address.
        unsafe {
            let r = &*(raw as *const vmctx::FuncRef);
            let back = *(r.vmctx.add(vmctx::INSTANCE as usize) as *const *const u8);
            Some(if r.code == host_stub() {
                let h = &*(back as *const HostFuncData);
                Func {
                    store: h.store,
                    raw: h.func_ref_address(),
                }
            } else {
                let instance = &*(back as *const InstanceData);
                Func {
                    store: instance.id,
                    raw: instance.func_ref_address(r.index) as usize,
                }
            })
        }
    }
}

/// Turn what a wasm call left in `registers` and `values` into `results`.
pub(crate) fn read_results(
    ty: &FuncType,
    registers: &[u64; 3],
    values: &[u64],
    results: &mut [Val],
) {
    match ty.results() {
        &[t] => {
            results[0] = match RegClass::of(t) {
                RegClass::Int => Val::from_bits(t, registers[0]),
                RegClass::Float => Val::read_slots(t, &registers[1..]),
            }
        }
        tys => {
            let mut slot = 0;
            for (r, &t) in results.iter_mut().zip(tys) {
                *r = Val::read_slots(t, &values[slot..]);
                slot += t.slots();
            }
        }
    }
}
