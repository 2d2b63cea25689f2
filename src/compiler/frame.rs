//! The frame layout of a compiled function.
//!
//! Every slot is 8 bytes and addressed from the frame pointer, so offsets are
//! known while the body is being compiled even though the frame's total size
//! is only known at the end (it is patched into the prologue then). A v128
//! fills two adjacent slots and is addressed by the lower one:
//!
//! ```text
//!   fp + 16 + 8*i    parameter slot i (written by the caller into its
//!                    outgoing area)
//!   fp + 8           return address (x64) / saved link register (aarch64)
//!   fp + 0           caller's frame pointer
//!   fp - 8           vmctx of this activation
//!   fp - 16 - 8*j    declared (non-parameter) local slot j
//!   below            merge slots: where a label's values beyond the
//!                    register budget travel (see `control`)
//!   below            spill slots, one place per value-stack entry
//!   sp + 8*k         outgoing argument / result slot k of calls made here
//! ```
//!
//! Giving each value-stack entry its own fixed place (Liftoff's idea) makes
//! a spill a single store and means SP never moves inside a body. The place
//! depends only on the types of the entries below it (their slots), which
//! are the same on every control-flow edge into a label, so a spilled value
//! is where every edge expects it.

use crate::masm::{FIRST_ARG_OFFSET, VMCTX_SLOT_OFFSET};
use crate::types::ValType;

/// The slot just below the vmctx's: where the body's own slots begin,
/// growing down.
const FIRST_LOCAL_OFFSET: i32 = VMCTX_SLOT_OFFSET - 8;

pub struct Frame {
    /// The fp-relative offset of each local, parameters first.
    locals: Vec<i32>,
    /// Slots the declared (non-parameter) locals fill.
    declared_slots: u32,
    num_merge: u32,
    /// The most spill slots the value stack has filled so far.
    max_spill: u32,
    /// The most outgoing slots any call in the body needs.
    max_outgoing: u32,
}

/// The slot a value of `ty` starts at when `below` slots of its area are
/// taken by the values before it, counting down from `base`: its lower
/// (addressing) slot is its last one.
fn down(base: i32, below: u32, ty: ValType) -> i32 {
    base - 8 * (below + ty.slots() as u32 - 1) as i32
}

impl Frame {
    pub fn new(params: &[ValType], declared: &[ValType], merge_slots: u32) -> Frame {
        Frame::new_in(Vec::new(), params, declared, merge_slots)
    }

    /// A frame whose list of local offsets reuses `locals`' memory (see
    /// `compiler::Allocations`).
    pub fn new_in(
        mut locals: Vec<i32>,
        params: &[ValType],
        declared: &[ValType],
        merge_slots: u32,
    ) -> Frame {
        locals.clear();
        locals.reserve(params.len() + declared.len());
        let mut slots = 0;
        for &ty in params {
            locals.push(FIRST_ARG_OFFSET + 8 * slots as i32);
            slots += ty.slots() as u32;
        }
        slots = 0;
        for &ty in declared {
            locals.push(down(FIRST_LOCAL_OFFSET, slots, ty));
            slots += ty.slots() as u32;
        }
        Frame {
            locals,
            declared_slots: slots,
            num_merge: merge_slots,
            max_spill: 0,
            max_outgoing: 0,
        }
    }

    /// The memory of the list of local offsets, for the next function.
    pub fn into_allocation(self) -> Vec<i32> {
        self.locals
    }

    /// The fp-relative offset of local `index` (parameters first).
    pub fn local(&self, index: u32) -> i32 {
        self.locals[index as usize]
    }

    /// The first (lowest-addressed) declared local and the bytes they span,
    /// for zero-initialisation in the prologue.
    pub fn declared_locals(&self) -> Option<(i32, u32)> {
        (self.declared_slots > 0).then(|| {
            let lowest = FIRST_LOCAL_OFFSET - 8 * (self.declared_slots as i32 - 1);
            (lowest, 8 * self.declared_slots)
        })
    }

    /// Merge slot `k` for a value of `ty` (which fills `ty.slots()` of
    /// them from `k`): shared by all labels, since a label's values only
    /// sit there between the jump of an edge and the label itself.
    pub fn merge_slot(&self, k: u32, ty: ValType) -> i32 {
        debug_assert!(k + ty.slots() as u32 <= self.num_merge);
        down(FIRST_LOCAL_OFFSET, self.declared_slots + k, ty)
    }

    /// The spill place of a value-stack entry of `ty` with `below` slots
    /// of entries beneath it.
    pub fn spill_slot(&self, below: u32, ty: ValType) -> i32 {
        let base = self.declared_slots + self.num_merge;
        down(FIRST_LOCAL_OFFSET, base + below, ty)
    }

    /// The value stack now fills `slots` spill slots.
    pub fn note_spill_slots(&mut self, slots: u32) {
        self.max_spill = self.max_spill.max(slots);
    }

    pub fn note_outgoing(&mut self, slots: u32) {
        self.max_outgoing = self.max_outgoing.max(slots);
    }

    /// Bytes below the frame pointer: vmctx, locals, merge slots, spill
    /// slots and the outgoing area, rounded up to keep SP 16-byte aligned.
    pub fn size(&self) -> u32 {
        // The vmctx slot, then the body's own slots.
        let slots = 1 + self.declared_slots + self.num_merge + self.max_spill + self.max_outgoing;
        let bytes = 8 * slots;
        (bytes + 15) & !15
    }
}
