//! `Caller`: what a host function can see of the wasm instance that called
//! it, chiefly its linear memory (where WASI and most host APIs exchange
//! buffers).
//!
//! The host-call stub finds the caller without any bookkeeping: it is the
//! wasm function whose frame is just above the stub's, and every wasm frame
//! keeps its vmctx at `[fp - 8]` (see `crate::masm`). `call_host` turns that
//! vmctx back into the instance through the `INSTANCE` header slot.

use super::instance::InstanceData;
use super::memory::Memory;

/// The calling instance, for the duration of one host call.
pub struct Caller<'a> {
    pub(crate) instance: Option<&'a InstanceData>,
}

impl Caller<'_> {
    /// A host function called from the host itself (`Func::call`): there is
    /// no calling instance.
    pub(crate) fn none() -> Caller<'static> {
        Caller { instance: None }
    }

    /// The calling instance's linear memory, if it has one.
    pub fn memory(&self) -> Option<Memory> {
        self.instance?.memory.clone()
    }
}
