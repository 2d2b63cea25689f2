//! `Store<T>`: the owner of everything instantiation creates, and of the
//! host's state for it.
//!
//! Instances, memories, tables, globals and host functions all live in a
//! store, and the handles the API hands out ([`Instance`], [`Memory`],
//! [`Func`], ...) are small `Copy` values naming one of them: an index (or,
//! for functions, the address of the function's record) tagged with the
//! store's id. Every operation takes the store as an argument, so:
//!
//! - a store and everything in it moves between threads as one value
//!   (`Store<T>: Send` when `T: Send`), with no reference counts shared
//!   between threads;
//! - nothing in a store can outlive it, and nothing can form a cycle:
//!   instances that import each other's functions, tables holding
//!   functions of other instances, all of it is freed when the store is
//!   dropped, at once;
//! - what must be shared by everything running for one caller is in one
//!   place: fuel and the epoch deadline are the store's
//!   ([`VMStoreContext`], which every vmctx of the store points to), so a
//!   budget bounds all the instances a call passes through.
//!
//! A handle used with a store it does not belong to is a programming error:
//! fallible operations return an error saying so, infallible ones (such as
//! [`Memory::data`]) panic, as wasmtime's do.
//!
//! The shapes follow wasmtime's: [`AsContext`]/[`AsContextMut`] let every
//! operation accept `&Store<T>`, `&mut Store<T>` or a host function's
//! [`Caller`](super::caller::Caller) alike. One difference: a store
//! allocates its objects until it is dropped (there is no collection of
//! unreachable instances), so a long-lived server should use a store per
//! request (cheap: see `benches/cold_start.rs`), not one store for ever.

use super::global::GlobalData;
use super::host_func::HostFuncData;
use super::instance::InstanceData;
use super::limits::ResourceLimiter;
use super::memory::MemoryData;
use super::table::{TableBudget, TableData};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::runtime::vmctx::VMStoreContext;
use std::cell::Cell;
use std::fmt;
use std::num::NonZeroU64;
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(doc)]
use super::{func::Func, instance::Instance, memory::Memory};

/// A collection of instances and the objects they use, with the host's
/// state `T` beside them. See the module docs.
pub struct Store<T> {
    inner: Box<StoreInner<T>>,
}

/// The store's contents. `opaque` comes first and the layout is C's, so a
/// pointer to the `StoreOpaque` (what the runtime keeps, not knowing `T`)
/// is also a pointer to the whole `StoreInner<T>`, which typed code that
/// knows `T` (host functions) converts it back to.
#[repr(C)]
pub(crate) struct StoreInner<T> {
    pub(crate) opaque: StoreOpaque,
    limiter: Option<LimiterFn<T>>,
    pub(crate) data: T,
}

type LimiterFn<T> = Box<dyn (FnMut(&mut T) -> &mut dyn ResourceLimiter) + Send + Sync>;

/// A process-unique store id: handles carry it, and every operation checks
/// it, so a handle cannot reach into another store (or a dropped one).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct StoreId(NonZeroU64);

impl StoreId {
    fn fresh() -> StoreId {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        StoreId(NonZeroU64::new(id).expect("2^64 stores"))
    }
}

/// A handle's identity: the store it belongs to and its index there.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Stored {
    pub store: StoreId,
    pub index: u32,
}

/// Everything in a store that does not depend on `T`.
// The boxes in the vectors are the point: see below.
#[allow(clippy::vec_box)]
pub(crate) struct StoreOpaque {
    pub id: StoreId,
    pub engine: Engine,
    /// Shared by every instance of the store (the module docs). Boxed: its
    /// address is baked into each vmctx.
    pub context: Box<VMStoreContext>,
    // Each object is boxed so its address (which vmctx records and JIT code
    // hold) stays put while the vectors grow.
    pub instances: Vec<Box<InstanceData>>,
    pub memories: Vec<Box<MemoryData>>,
    pub tables: Vec<Box<TableData>>,
    pub globals: Vec<Box<GlobalData>>,
    pub host_funcs: Vec<Box<HostFuncData>>,
    /// Table-element budgets (`Config::max_table_elements`): one per
    /// instance's defined tables together, one per host-created table.
    pub table_budgets: Vec<TableBudget>,
    /// Reaches the `StoreInner<T>`'s limiter without knowing `T`.
    limiter: Option<for<'a> fn(&'a mut StoreOpaque) -> &'a mut dyn ResourceLimiter>,
}

// SAFETY: a store owns everything its raw pointers point to (each vmctx,
// host-function context, table and memory definition points into boxes of
// this store or into the engine's code, which is shared read-only and
// `Sync`), except the thread's stack limit, which is not kept: it is copied
// into `context` at each entry into wasm. Host callbacks are `Send + Sync`,
// `ExternRef` values are `Send + Sync`. So moving the whole store to
// another thread moves everything that can be reached from it, and nothing
// in it is reachable from elsewhere. It is not `Sync`: a shared `&Store`
// must not let two threads run wasm (which writes the vmctx cells).
unsafe impl Send for StoreOpaque {}

impl<T> Store<T> {
    /// A store for `engine`'s modules, holding the host state `data`. It
    /// starts with `Config::initial_fuel` units of fuel and the epoch
    /// deadline `Config::initial_epoch_deadline` ticks from now.
    pub fn new(engine: &Engine, data: T) -> Store<T> {
        let config = engine.config();
        let deadline = match config.initial_epoch_deadline {
            Some(delta) => engine.epoch().saturating_add(delta),
            None => u64::MAX,
        };
        let context = Box::new(VMStoreContext {
            stack_limit: Cell::new(usize::MAX),
            fuel: Cell::new(config.initial_fuel.min(i64::MAX as u64) as i64),
            epoch_deadline: Cell::new(deadline),
        });
        Store {
            inner: Box::new(StoreInner {
                opaque: StoreOpaque {
                    id: StoreId::fresh(),
                    engine: engine.clone(),
                    context,
                    instances: Vec::new(),
                    memories: Vec::new(),
                    tables: Vec::new(),
                    globals: Vec::new(),
                    host_funcs: Vec::new(),
                    table_budgets: Vec::new(),
                    limiter: None,
                },
                limiter: None,
                data,
            }),
        }
    }

    /// The engine this store was created for.
    pub fn engine(&self) -> &Engine {
        &self.inner.opaque.engine
    }

    /// The host state.
    pub fn data(&self) -> &T {
        &self.inner.data
    }

    /// The host state, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.inner.data
    }

    /// Drop the store's objects and give back the host state.
    pub fn into_data(self) -> T {
        let StoreInner { opaque, data, .. } = *self.inner;
        drop(opaque);
        data
    }

    /// Set the fuel left (fuel metering, `Config::consume_fuel`): each
    /// function entry and loop iteration of any instance in this store
    /// costs one, and running out traps with `OutOfFuel`. Fails if fuel
    /// metering is off.
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        self.inner.opaque.set_fuel(fuel)
    }

    /// The fuel left (0 once it ran out). Fails if fuel metering is off.
    pub fn get_fuel(&self) -> Result<u64> {
        self.inner.opaque.get_fuel()
    }

    /// Epoch interruption (`Config::epoch_interruption`): wasm running in
    /// this store traps with `Interrupt` once the engine's epoch has
    /// advanced `ticks` times from now.
    pub fn set_epoch_deadline(&mut self, ticks: u64) {
        self.inner.opaque.set_epoch_deadline(ticks)
    }

    /// Let `limiter` decide on every memory and table growth and on the
    /// number of instances, memories and tables this store may create (see
    /// [`ResourceLimiter`]); `limiter` picks it out of the host state.
    pub fn limiter(
        &mut self,
        limiter: impl (FnMut(&mut T) -> &mut dyn ResourceLimiter) + Send + Sync + 'static,
    ) where
        T: 'static,
    {
        self.inner.limiter = Some(Box::new(limiter));
        self.inner.opaque.limiter = Some(Self::limiter_of);
    }

    fn limiter_of(opaque: &mut StoreOpaque) -> &mut dyn ResourceLimiter
    where
        T: 'static,
    {
        // SAFETY: `opaque` is the first field of a `StoreInner<T>` (this
        // hook is only ever installed by `Store::<T>::limiter`, on its own
        // store), and the mutable borrow of it is a borrow of the whole.
        let inner = unsafe { &mut *(opaque as *mut StoreOpaque as *mut StoreInner<T>) };
        let limiter = inner.limiter.as_mut().expect("installed with the hook");
        limiter(&mut inner.data)
    }
}

impl StoreOpaque {
    /// Fails unless `store` is this store's id.
    pub fn check(&self, store: StoreId, what: &str) -> Result<()> {
        if store == self.id {
            Ok(())
        } else {
            Err(Error::Usage(format!(
                "{what} used with a store it does not belong to"
            )))
        }
    }

    /// The index of `h` in this store; panics if it is another store's
    /// (for the infallible accessors: see the module docs).
    pub fn index(&self, h: Stored, what: &str) -> usize {
        assert!(
            h.store == self.id,
            "{what} used with a store it does not belong to"
        );
        h.index as usize
    }

    /// The handle of the object at `index` of one of the store's vectors
    /// (the vector's length: the next object pushed).
    pub fn handle(&self, index: usize) -> Stored {
        Stored {
            store: self.id,
            index: u32::try_from(index).expect("a store holds fewer than 2^32 objects"),
        }
    }

    /// The resource limiter the host installed, if any.
    pub fn limiter(&mut self) -> Option<&mut dyn ResourceLimiter> {
        let hook = self.limiter?;
        Some(hook(self))
    }

    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        self.fuel_enabled()?;
        self.context.fuel.set(fuel.min(i64::MAX as u64) as i64);
        Ok(())
    }

    pub fn get_fuel(&self) -> Result<u64> {
        self.fuel_enabled()?;
        Ok(self.context.fuel.get().max(0) as u64)
    }

    fn fuel_enabled(&self) -> Result<()> {
        if self.engine.config().consume_fuel {
            Ok(())
        } else {
            Err(Error::Usage(
                "fuel metering is off (Config::consume_fuel)".into(),
            ))
        }
    }

    pub fn set_epoch_deadline(&mut self, ticks: u64) {
        let deadline = self.engine.epoch().saturating_add(ticks);
        self.context.epoch_deadline.set(deadline);
    }
}

impl<T: fmt::Debug> fmt::Debug for Store<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.inner.opaque;
        f.debug_struct("Store")
            .field("instances", &o.instances.len())
            .field("memories", &o.memories.len())
            .field("tables", &o.tables.len())
            .field("globals", &o.globals.len())
            .field("host_funcs", &o.host_funcs.len())
            .field("data", &self.inner.data)
            .finish()
    }
}

// ---- Contexts: what every operation takes as "the store" -------------------

/// A shared borrow of a store (or of the store behind a [`Caller`]).
///
/// [`Caller`]: super::caller::Caller
pub struct StoreContext<'a, T>(pub(crate) &'a StoreInner<T>);

/// A mutable borrow of a store (or of the store behind a [`Caller`]).
///
/// [`Caller`]: super::caller::Caller
pub struct StoreContextMut<'a, T>(pub(crate) &'a mut StoreInner<T>);

/// Anything that gives shared access to a store: `&Store<T>`,
/// `&mut Store<T>`, a `Caller`, a context.
pub trait AsContext {
    /// The host state type of the store.
    type Data;
    /// Borrow the store.
    fn as_context(&self) -> StoreContext<'_, Self::Data>;
}

/// Anything that gives mutable access to a store.
pub trait AsContextMut: AsContext {
    /// Borrow the store mutably.
    fn as_context_mut(&mut self) -> StoreContextMut<'_, Self::Data>;
}

impl<T> AsContext for Store<T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(&self.inner)
    }
}

impl<T> AsContextMut for Store<T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut(&mut self.inner)
    }
}

impl<T> AsContext for StoreContext<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self.0)
    }
}

impl<T> AsContext for StoreContextMut<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self.0)
    }
}

impl<T> AsContextMut for StoreContextMut<'_, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut(self.0)
    }
}

impl<C: AsContext + ?Sized> AsContext for &C {
    type Data = C::Data;
    fn as_context(&self) -> StoreContext<'_, C::Data> {
        C::as_context(self)
    }
}

impl<C: AsContext + ?Sized> AsContext for &mut C {
    type Data = C::Data;
    fn as_context(&self) -> StoreContext<'_, C::Data> {
        C::as_context(self)
    }
}

impl<C: AsContextMut + ?Sized> AsContextMut for &mut C {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, C::Data> {
        C::as_context_mut(self)
    }
}

impl<'a, C: AsContext> From<&'a C> for StoreContext<'a, C::Data> {
    fn from(c: &'a C) -> Self {
        c.as_context()
    }
}

impl<'a, C: AsContext> From<&'a mut C> for StoreContext<'a, C::Data> {
    fn from(c: &'a mut C) -> Self {
        let c: &'a C = c;
        c.as_context()
    }
}

impl<'a, C: AsContextMut> From<&'a mut C> for StoreContextMut<'a, C::Data> {
    fn from(c: &'a mut C) -> Self {
        c.as_context_mut()
    }
}

impl<'a, T> From<StoreContextMut<'a, T>> for StoreContext<'a, T> {
    fn from(c: StoreContextMut<'a, T>) -> Self {
        StoreContext(c.0)
    }
}

impl<'a, T> StoreContext<'a, T> {
    /// The host state.
    pub fn data(&self) -> &'a T {
        &self.0.data
    }

    /// The engine.
    pub fn engine(&self) -> &'a Engine {
        &self.0.opaque.engine
    }

    pub(crate) fn opaque(&self) -> &'a StoreOpaque {
        &self.0.opaque
    }
}

impl<'a, T> StoreContextMut<'a, T> {
    /// The host state.
    pub fn data(&self) -> &T {
        &self.0.data
    }

    /// The host state, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.0.data
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.0.opaque.engine
    }

    pub(crate) fn opaque(&mut self) -> &mut StoreOpaque {
        &mut self.0.opaque
    }

    /// The host state and the store's objects at once (borrowed apart).
    pub(crate) fn into_parts(self) -> (&'a mut StoreOpaque, &'a mut T) {
        (&mut self.0.opaque, &mut self.0.data)
    }
}

impl<T> fmt::Debug for StoreContext<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreContext")
    }
}

impl<T> fmt::Debug for StoreContextMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreContextMut")
    }
}
