//! The frame layout of a compiled function.
//!
//! Every slot is 8 bytes and addressed from the frame pointer, so offsets are
//! known while the body is being compiled even though the frame's total size
//! is only known at the end (it is patched into the prologue then):
//!
//! ```text
//!   fp + 16 + 8*i    parameter i (written by the caller into its outgoing area)
//!   fp + 8           return address (x64) / saved link register (aarch64)
//!   fp + 0           caller's frame pointer
//!   fp - 8           vmctx of this activation
//!   fp - 16 - 8*j    declared (non-parameter) local j
//!   below            merge slots: where a label's values beyond the
//!                    register budget travel (see `control`)
//!   below            one spill slot per value-stack depth
//!   sp + 8*k         outgoing argument / result slot k of calls made here
//! ```
//!
//! Giving each value-stack depth its own fixed slot (Liftoff's idea) makes a
//! spill a single store and means SP never moves inside a body.

use crate::masm::{FIRST_ARG_OFFSET, VMCTX_SLOT_OFFSET};
use crate::types::ValType;

/// The slot just below the vmctx's: where the body's own slots begin,
/// growing down.
const FIRST_LOCAL_OFFSET: i32 = VMCTX_SLOT_OFFSET - 8;

pub struct Frame {
    num_params: u32,
    num_declared: u32,
    num_merge: u32,
    /// The deepest value stack seen so far (sizes the spill area).
    max_depth: u32,
    /// The most outgoing slots any call in the body needs.
    max_outgoing: u32,
}

impl Frame {
    pub fn new(params: &[ValType], declared_locals: u32, merge_slots: u32) -> Frame {
        Frame {
            num_params: params.len() as u32,
            num_declared: declared_locals,
            num_merge: merge_slots,
            max_depth: 0,
            max_outgoing: 0,
        }
    }

    /// The fp-relative offset of local `index` (parameters first).
    pub fn local(&self, index: u32) -> i32 {
        if index < self.num_params {
            FIRST_ARG_OFFSET + 8 * index as i32
        } else {
            FIRST_LOCAL_OFFSET - 8 * (index - self.num_params) as i32
        }
    }

    /// The first (lowest-addressed) declared local and the bytes they span,
    /// for zero-initialisation in the prologue.
    pub fn declared_locals(&self) -> Option<(i32, u32)> {
        (self.num_declared > 0).then(|| {
            let lowest = self.local(self.num_params + self.num_declared - 1);
            (lowest, 8 * self.num_declared)
        })
    }

    /// Merge slot `k`: shared by all labels, since a label's values only
    /// sit there between the jump of an edge and the label itself.
    pub fn merge_slot(&self, k: u32) -> i32 {
        debug_assert!(k < self.num_merge);
        FIRST_LOCAL_OFFSET - 8 * (self.num_declared + k) as i32
    }

    /// The spill slot owned by value-stack depth `depth` (0 = bottom).
    pub fn spill_slot(&self, depth: usize) -> i32 {
        FIRST_LOCAL_OFFSET - 8 * ((self.num_declared + self.num_merge) as i32 + depth as i32)
    }

    pub fn note_depth(&mut self, depth: usize) {
        self.max_depth = self.max_depth.max(depth as u32);
    }

    pub fn note_outgoing(&mut self, slots: u32) {
        self.max_outgoing = self.max_outgoing.max(slots);
    }

    /// Bytes below the frame pointer: vmctx, locals, merge slots, spill
    /// slots and the outgoing area, rounded up to keep SP 16-byte aligned.
    pub fn size(&self) -> u32 {
        // The vmctx slot, then the body's own slots.
        let slots = 1 + self.num_declared + self.num_merge + self.max_depth + self.max_outgoing;
        let bytes = 8 * slots;
        (bytes + 15) & !15
    }
}
