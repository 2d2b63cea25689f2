//! `Caller`: what a host function sees while it runs: the store (its host
//! state, fuel, and every object in it) and the wasm instance that called
//! it, whose exports it can reach (its memory above all, where WASI and
//! most host APIs exchange buffers, or its `malloc`).
//!
//! The host-call stub finds the calling instance without any bookkeeping:
//! it is the wasm function whose frame is just above the stub's, and every
//! wasm frame keeps its vmctx at `[fp - 8]` (see `crate::masm`). `call_host`
//! turns that vmctx back into the instance through the `INSTANCE` header
//! slot, and the instance knows its store.

use super::externals::Extern;
use super::instance::Instance;
use super::store::{AsContext, AsContextMut, StoreContext, StoreContextMut, StoreInner};
use crate::engine::Engine;
use crate::error::Result;
use std::fmt;

/// The store and the calling instance, for the duration of one host call.
pub struct Caller<'a, T> {
    store: &'a mut StoreInner<T>,
    caller: Option<Instance>,
}

impl<'a, T> Caller<'a, T> {
    pub(crate) fn new(store: &'a mut StoreInner<T>, caller: Option<Instance>) -> Caller<'a, T> {
        Caller { store, caller }
    }

    /// The store's host state.
    pub fn data(&self) -> &T {
        &self.store.data
    }

    /// The store's host state, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.store.data
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.store.opaque.engine
    }

    /// The export `name` of the calling instance (`None` when the host
    /// called the function itself, or there is no such export).
    pub fn get_export(&mut self, name: &str) -> Option<Extern> {
        let caller = self.caller?;
        let opaque = &self.store.opaque;
        opaque.instances[opaque.index(caller.0, "Instance")].get_export(name)
    }

    /// The calling instance's memory 0, exported or not (what WASI
    /// functions work on).
    #[cfg(feature = "wasi")]
    pub(crate) fn memory(&self) -> Option<super::memory::Memory> {
        let caller = self.caller?;
        let opaque = &self.store.opaque;
        let instance = &opaque.instances[opaque.index(caller.0, "Instance")];
        let index = *instance.memories.first()?;
        Some(super::memory::Memory(opaque.handle(index as usize)))
    }

    /// The fuel left in the store (see `Store::get_fuel`).
    pub fn get_fuel(&self) -> Result<u64> {
        self.store.opaque.get_fuel()
    }

    /// Set the store's fuel (see `Store::set_fuel`).
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        self.store.opaque.set_fuel(fuel)
    }

    /// Set the store's epoch deadline (see `Store::set_epoch_deadline`).
    pub fn set_epoch_deadline(&mut self, ticks: u64) {
        self.store.opaque.set_epoch_deadline(ticks)
    }
}

impl<T> AsContext for Caller<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self.store)
    }
}

impl<T> AsContextMut for Caller<'_, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut(self.store)
    }
}

impl<T> fmt::Debug for Caller<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Caller")
            .field("caller", &self.caller)
            .finish()
    }
}
