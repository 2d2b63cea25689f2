//! `ExternRef`: an opaque host value that wasm can hold, pass around and
//! store in tables, but never look into (spec: `externref`).
//!
//! Inside wasm an `externref` is the address of the shared `ExternData`.
//! Whatever hands one to wasm (a call argument, a table or global write, a
//! host function's result) keeps a clone of it alive for as long as wasm
//! may still use it (see `api::refs`), so the address stays valid and can
//! be turned back into the same `ExternRef` on the way out.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// A reference to a host value. Cheap to clone; compares by identity.
/// `Send + Sync` (the value must be), so stores holding one can move
/// between threads.
#[derive(Clone)]
pub struct ExternRef(Arc<ExternData>);

struct ExternData {
    value: Box<dyn Any + Send + Sync>,
}

impl ExternRef {
    /// A reference to `value`, which wasm can hold but not look into.
    pub fn new<T: Send + Sync + 'static>(value: T) -> ExternRef {
        ExternRef(Arc::new(ExternData {
            value: Box::new(value),
        }))
    }

    /// The host value, to be downcast (`data().downcast_ref::<T>()`).
    pub fn data(&self) -> &(dyn Any + Send + Sync) {
        &*self.0.value
    }

    /// Whether two references are the same reference.
    pub fn ptr_eq(a: &ExternRef, b: &ExternRef) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The address wasm sees.
    pub(crate) fn to_raw(&self) -> u64 {
        Arc::as_ptr(&self.0) as u64
    }

    /// The reference behind an address wasm handed out (`None` for null).
    ///
    /// # Safety
    /// A nonzero `raw` must come from [`ExternRef::to_raw`] of a reference
    /// that is still alive.
    pub(crate) unsafe fn from_raw(raw: u64) -> Option<ExternRef> {
        if raw == 0 {
            return None;
        }
        let p = raw as *const ExternData;
        // SAFETY: per the contract `p` came from `Arc::as_ptr` of a live Rc,
        // so taking one more strong reference to it is sound.
        unsafe {
            Arc::increment_strong_count(p);
            Some(ExternRef(Arc::from_raw(p)))
        }
    }
}

impl fmt::Debug for ExternRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ExternRef({:p})", Arc::as_ptr(&self.0))
    }
}
