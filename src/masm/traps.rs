//! Trap bookkeeping every backend shares: the table of trap sites handed to
//! the signal handler, the current function's out-of-line stubs (one per
//! trap code, shared by every check of that code in the function, and
//! emitted by `function_end`), and the [`WasmOffsets`] side table that
//! tells a backtrace which wasm instruction each possible frame PC belongs
//! to. Only the stub's instruction (`ud2`, `udf`) is ISA-specific, so that
//! is all a backend writes itself.

use super::{Label, TrapSite};
use crate::runtime::shared_slice::SharedSlice;
use crate::trap::TrapCode;

pub struct TrapTable {
    /// Every trap site so far, in emission order.
    sites: Vec<TrapSite>,
    /// The current function's stubs, not yet emitted.
    stubs: Vec<PendingStub>,
    /// Byte offset in the module of the wasm code being compiled now
    /// ([`Self::set_source`]).
    source: u32,
    /// The two tables of [`WasmOffsets`], being filled.
    traps: Vec<[u32; 2]>,
    returns: Vec<[u32; 2]>,
}

/// A stub the current function asked for.
pub struct PendingStub {
    pub code: TrapCode,
    pub label: Label,
    /// The wasm offset of the one instruction whose checks jump to it, or
    /// `None` once instructions at two offsets share it: the stub's PC then
    /// cannot say which one trapped.
    source: Option<u32>,
}

/// Where each PC a backtrace frame can have came from in the module
/// binary: two tables of `(code offset, wasm byte offset)`, sorted by code
/// offset. One entry per trap site whose instruction is known, and one per
/// call, keyed by its return address (the code offset right after the call
/// instruction), which is the PC an outer frame shows. They are separate
/// because a call's return address may also be the offset of a trap site
/// (a load right after a call): the innermost frame is looked up among the
/// traps, outer frames among the returns.
///
/// Plain pairs (`[code, wasm]`), so a compiled artifact's are used in
/// place (`runtime::shared_slice`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WasmOffsets {
    pub traps: SharedSlice<[u32; 2]>,
    pub returns: SharedSlice<[u32; 2]>,
}

impl WasmOffsets {
    /// The wasm offset of the trap site at code offset `pc`.
    pub fn trap(&self, pc: usize) -> Option<usize> {
        Self::find(&self.traps, pc)
    }

    /// The wasm offset of the call that returns to code offset `pc`.
    pub fn call_returning_to(&self, pc: usize) -> Option<usize> {
        Self::find(&self.returns, pc)
    }

    fn find(table: &[[u32; 2]], pc: usize) -> Option<usize> {
        let pc = u32::try_from(pc).ok()?;
        let i = table.binary_search_by_key(&pc, |&[code, _]| code).ok()?;
        Some(table[i][1] as usize)
    }
}

/// Wasm code bytes per trap site, and per call (a return address): what
/// [`TrapTable::reserve`] sizes the tables with. Both follow the wasm
/// operators rather than the ISA; the benchmark corpus (sql.js, QuickJS,
/// esbuild, swc) has one site per 13-22 bytes and one call per 43-126, so
/// these are a little above the densest, and the tables rarely grow.
const WASM_BYTES_PER_SITE: usize = 12;
const WASM_BYTES_PER_RETURN: usize = 40;

impl Default for TrapTable {
    fn default() -> TrapTable {
        // Room for a small module's sites from the start: growing these
        // tables from empty by doubling was most of what recording them
        // cost a module's compile (measured with cachegrind).
        const INITIAL: usize = 256;
        TrapTable {
            sites: Vec::with_capacity(INITIAL),
            stubs: Vec::new(),
            source: 0,
            traps: Vec::with_capacity(INITIAL),
            returns: Vec::with_capacity(INITIAL),
        }
    }
}

impl TrapTable {
    /// Make room for the sites of a code section of `wasm_bytes` bytes,
    /// so the tables do not grow by doubling alongside the code. A hint:
    /// when the memory is not there, the tables grow as they are filled.
    pub fn reserve(&mut self, wasm_bytes: usize) {
        let sites = wasm_bytes / WASM_BYTES_PER_SITE;
        let returns = wasm_bytes / WASM_BYTES_PER_RETURN;
        let _ = self.sites.try_reserve_exact(sites);
        let _ = self.traps.try_reserve_exact(sites);
        let _ = self.returns.try_reserve_exact(returns);
    }

    /// The code emitted from now on belongs to the wasm instruction at
    /// byte offset `offset` in the module (set once per operator by the
    /// compiler; 0, the default, means no wasm code, as in a host-call
    /// stub).
    pub fn set_source(&mut self, offset: u32) {
        self.source = offset;
    }

    /// The instruction at code offset `offset` may trap with `code`.
    pub fn record(&mut self, offset: usize, code: TrapCode) {
        self.record_from(offset, code, Some(self.source));
    }

    fn record_from(&mut self, offset: usize, code: TrapCode, source: Option<u32>) {
        self.sites.push(TrapSite::new(offset as u32, code));
        if let Some(source) = source {
            self.traps.push([offset as u32, source]);
        }
    }

    /// A call instruction ends just before code offset `return_address`.
    pub fn record_return(&mut self, return_address: usize) {
        self.returns.push([return_address as u32, self.source]);
    }

    /// The label of the current function's stub for `code`, made with
    /// `new_label` the first time the function needs it.
    pub fn stub(&mut self, code: TrapCode, new_label: impl FnOnce() -> Label) -> Label {
        let source = self.source;
        if let Some(s) = self.stubs.iter_mut().find(|s| s.code == code) {
            if s.source != Some(source) {
                s.source = None;
            }
            return s.label;
        }
        let label = new_label();
        self.stubs.push(PendingStub {
            code,
            label,
            source: Some(source),
        });
        label
    }

    #[cfg(any(target_arch = "aarch64", feature = "explain"))]
    /// How many stubs the current function still has to emit.
    pub fn pending_stubs(&self) -> usize {
        self.stubs.len()
    }

    /// The stubs to emit at the end of the current function. The backend
    /// binds each one's label and records its trap instruction with
    /// [`Self::record_stub`].
    pub fn take_stubs(&mut self) -> Vec<PendingStub> {
        std::mem::take(&mut self.stubs)
    }

    /// `stub`'s trap instruction is at code offset `offset`.
    pub fn record_stub(&mut self, offset: usize, stub: &PendingStub) {
        self.record_from(offset, stub.code, stub.source);
    }

    /// Append the tables of `part`, whose code was appended at code offset
    /// `base` (`CodeBuffer::append`): its offsets move by `base`, so the
    /// tables stay sorted when parts are appended in order. The stubs of
    /// a function cut short by an error (its `function_end` never came)
    /// are dropped with it: that compile fails.
    ///
    /// `part` is left empty, its allocations kept for reuse.
    pub fn append(&mut self, part: &mut TrapTable, base: usize) {
        let base32 = base as u32;
        self.sites.extend(part.sites.iter().map(|s| TrapSite {
            offset: s.offset.wrapping_add(base32),
            ..*s
        }));
        let moved = |&[code, wasm]: &[u32; 2]| [code.wrapping_add(base32), wasm];
        self.traps.extend(part.traps.iter().map(moved));
        self.returns.extend(part.returns.iter().map(moved));
        part.sites.clear();
        part.stubs.clear();
        part.source = 0;
        part.traps.clear();
        part.returns.clear();
    }

    /// The finished tables: the trap sites and the wasm offsets, each
    /// sorted by code offset (emission order already is, which one pass
    /// checks; the sort guards against a future lowering that records out
    /// of order).
    pub fn finish(self) -> (Vec<TrapSite>, WasmOffsets) {
        debug_assert!(self.stubs.is_empty(), "function_end was not called");
        let mut sites = self.sites;
        if !sites.is_sorted_by_key(|s| s.offset) {
            sites.sort_by_key(|s| s.offset);
        }
        let (mut traps, mut returns) = (self.traps, self.returns);
        for list in [&mut traps, &mut returns] {
            if !list.is_sorted_by_key(|&[code, _]| code) {
                list.sort_by_key(|&[code, _]| code);
            }
        }
        let offsets = WasmOffsets {
            traps: traps.into(),
            returns: returns.into(),
        };
        (sites, offsets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_carry_the_wasm_offset_of_their_instruction() {
        let mut asm = dynasmrt::VecAssembler::<dynasmrt::x64::X64Relocation>::new(0);
        let mut t = TrapTable::default();
        t.set_source(0x20);
        t.record(4, TrapCode::MemoryOutOfBounds);
        t.record_return(9);
        t.set_source(0x25);
        t.record(9, TrapCode::MemoryOutOfBounds);
        // One stub used by one instruction, one shared by two.
        let once = t.stub(TrapCode::IntegerOverflow, || asm.new_dynamic_label());
        t.stub(TrapCode::IntegerDivideByZero, || asm.new_dynamic_label());
        t.set_source(0x30);
        t.stub(TrapCode::IntegerDivideByZero, || unreachable!("shared"));
        for stub in t.take_stubs() {
            let at = if stub.label == once { 40 } else { 44 };
            t.record_stub(at, &stub);
        }
        let (sites, offsets) = t.finish();
        assert_eq!(sites.len(), 4);
        assert_eq!(offsets.trap(4), Some(0x20));
        // A return address that is also a trap site: each table answers
        // for its own kind of frame.
        assert_eq!(offsets.call_returning_to(9), Some(0x20));
        assert_eq!(offsets.trap(9), Some(0x25));
        assert_eq!(offsets.trap(40), Some(0x25));
        assert_eq!(offsets.trap(44), None, "a shared stub has no one source");
        assert_eq!(offsets.trap(5), None);
        assert_eq!(offsets.call_returning_to(4), None);
    }
}
