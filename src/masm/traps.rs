//! Trap bookkeeping every backend shares: the table of trap sites handed to
//! the signal handler, and the current function's out-of-line stubs (one
//! per trap code, shared by every check of that code in the function, and
//! emitted by `function_end`). Only the stub's instruction (`ud2`, `udf`)
//! is ISA-specific, so that is all a backend writes itself.

use super::{Label, TrapSite};
use crate::trap::TrapCode;

#[derive(Default)]
pub struct TrapTable {
    /// Every trap site so far, in emission order.
    sites: Vec<TrapSite>,
    /// The current function's stubs, not yet emitted.
    stubs: Vec<(TrapCode, Label)>,
}

impl TrapTable {
    /// The instruction at code offset `offset` may trap with `code`.
    pub fn record(&mut self, offset: usize, code: TrapCode) {
        self.sites.push(TrapSite {
            offset: offset as u32,
            code,
        });
    }

    /// The label of the current function's stub for `code`, made with
    /// `new_label` the first time the function needs it.
    pub fn stub(&mut self, code: TrapCode, new_label: impl FnOnce() -> Label) -> Label {
        if let Some(&(_, l)) = self.stubs.iter().find(|(c, _)| *c == code) {
            return l;
        }
        let l = new_label();
        self.stubs.push((code, l));
        l
    }

    #[cfg(any(target_arch = "aarch64", feature = "explain"))]
    /// How many stubs the current function still has to emit.
    pub fn pending_stubs(&self) -> usize {
        self.stubs.len()
    }

    /// The stubs to emit at the end of the current function.
    pub fn take_stubs(&mut self) -> Vec<(TrapCode, Label)> {
        std::mem::take(&mut self.stubs)
    }

    /// The finished table, sorted by offset (emission order already is; the
    /// sort guards against a future lowering that records out of order).
    pub fn into_sites(self) -> Vec<TrapSite> {
        debug_assert!(self.stubs.is_empty(), "function_end was not called");
        let mut sites = self.sites;
        sites.sort_by_key(|s| s.offset);
        sites
    }
}
