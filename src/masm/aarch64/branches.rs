//! Conditions and branches, including branches too far for their encoding.
//!
//! A64 conditional branches (`b.cond`, `cbz`, `cbnz`) hold a 19-bit word
//! offset: they reach ±1 MiB. Unconditional `b` and `bl` reach ±128 MiB. A
//! single-pass compiler emits a forward branch before it knows where the
//! target will be, and a large function (generated code, an interpreter
//! loop) easily exceeds 1 MiB, so the short form cannot simply be assumed.
//!
//! The mechanism is V8's veneer pool, built from dynasm labels:
//!
//! * A **backward** branch knows its distance: in range it is one `b.cond`;
//!   out of range it becomes the inverted condition jumping over a `b`.
//! * A **forward** branch targets a stand-in label (one per target, shared
//!   by all branches to it until the stand-in is resolved) and is recorded
//!   as pending. When the real target is bound within reach, the stand-in
//!   is bound at the same offset, so the branch goes straight there: the
//!   common case costs nothing.
//! * Before every `MacroAssembler` operation, [`A64Masm::guard`] checks that
//!   the oldest pending branch can still reach the code about to be
//!   emitted. If it could not, an *island* is emitted first: a `b` over a
//!   list of veneers, one `b target` per pending target, each bound to that
//!   target's stand-in. The short branches now land on a veneer in range,
//!   and the veneer's `b` covers the rest.
//!
//! Every operation declares an upper bound of the bytes it emits, so the
//! check never lets a pending branch fall out of reach in between. Trap
//! stubs, which sit after the function body, are ordinary targets here.

use std::collections::HashMap;

use dynasmrt::{DynasmApi, DynasmLabelApi};

use super::{a64, A64Masm};
use crate::masm::Label;

/// How far forward a conditional branch reaches: `(2^18 - 1) * 4` bytes.
const COND_REACH: usize = (1 << 20) - 4;

/// A branch condition: a flags condition (after `cmp`/`fcmp`) or a test of
/// a register against zero (`cbz`/`cbnz` on the W or X view).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cond {
    Eq,
    Ne,
    /// Unsigned >= (carry set).
    Hs,
    /// Unsigned <.
    Lo,
    /// Negative.
    Mi,
    /// Not negative.
    Pl,
    /// Signed overflow.
    Vs,
    /// No signed overflow.
    Vc,
    Hi,
    Ls,
    Ge,
    Lt,
    Gt,
    Le,
    Zero32(u8),
    NonZero32(u8),
    Zero64(u8),
    NonZero64(u8),
}

impl Cond {
    /// The condition that holds exactly when `self` does not.
    pub fn invert(self) -> Cond {
        use Cond::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            Hs => Lo,
            Lo => Hs,
            Mi => Pl,
            Pl => Mi,
            Vs => Vc,
            Vc => Vs,
            Hi => Ls,
            Ls => Hi,
            Ge => Lt,
            Lt => Ge,
            Gt => Le,
            Le => Gt,
            Zero32(r) => NonZero32(r),
            NonZero32(r) => Zero32(r),
            Zero64(r) => NonZero64(r),
            NonZero64(r) => Zero64(r),
        }
    }
}

/// Which forward conditional branches are waiting. (Where a label is bound
/// the code buffer knows: `CodeBuffer::label_offset`, which also forgets a
/// function's labels when they are reused after it.)
pub(super) struct BranchState {
    /// Targets with pending conditional branches, by label id: the target,
    /// the stand-in label those branches name, and the first one's offset.
    pending: HashMap<usize, (Label, Label, usize)>,
    /// The smallest first-offset in `pending` (`usize::MAX` when empty).
    oldest: usize,
    reach: usize,
    /// How often each far form was needed (for tests and curious readers).
    islands: usize,
    far_backward: usize,
}

impl Default for BranchState {
    fn default() -> Self {
        BranchState {
            pending: HashMap::new(),
            oldest: usize::MAX,
            reach: COND_REACH,
            islands: 0,
            far_backward: 0,
        }
    }
}

impl BranchState {
    #[cfg(all(test, target_arch = "aarch64"))]
    pub fn set_reach(&mut self, reach: usize) {
        self.reach = reach;
    }

    /// `(islands emitted, backward branches in the far form)` so far.
    #[cfg(all(test, target_arch = "aarch64"))]
    pub fn far_forms(&self) -> (usize, usize) {
        (self.islands, self.far_backward)
    }

    /// No branch is waiting for a target.
    pub fn is_idle(&self) -> bool {
        self.pending.is_empty()
    }
}

impl A64Masm {
    /// Bind `label` here, and with it the stand-in of any branches waiting
    /// for it.
    pub(super) fn bind_label(&mut self, label: Label) {
        a64!(self.asm ; =>label);
        if let Some((_, standin, first)) = self.branches.pending.remove(&label.get_id()) {
            a64!(self.asm ; =>standin);
            if first == self.branches.oldest {
                self.branches.oldest = self
                    .branches
                    .pending
                    .values()
                    .map(|&(_, _, at)| at)
                    .min()
                    .unwrap_or(usize::MAX);
            }
        }
    }

    /// A conditional branch to `target`, in whichever form reaches it.
    /// A conditional branch that reaches as far as `b` does (±128 MiB)
    /// without an island: the inverted condition over a `b`. For a branch
    /// followed by more code than a guard can cover before its stand-in
    /// would fall out of reach (a jump table bigger than the reach).
    pub(super) fn branch_far(&mut self, cond: Cond, target: Label) {
        let skip = self.asm.new_dynamic_label();
        self.emit_short_branch(cond.invert(), skip);
        a64!(self.asm
            ; b =>target
            ; =>skip
        );
    }

    /// Whether `bytes` of code emitted in one piece (no guard inside)
    /// could carry a branch emitted just before it out of reach.
    pub(super) fn exceeds_reach(&self, bytes: usize) -> bool {
        bytes >= self.branches.reach
    }

    pub(super) fn branch(&mut self, cond: Cond, target: Label) {
        let here = self.asm.offset().0;
        let reach = self.branches.reach;
        match self.asm.label_offset(target) {
            Some(at) if here - at <= reach => self.emit_short_branch(cond, target),
            Some(_) => {
                self.branches.far_backward += 1;
                self.branch_far(cond, target);
            }
            None => {
                let new_standin = self.asm.new_dynamic_label();
                let (_, standin, _) = *self.branches.pending.entry(target.get_id()).or_insert((
                    target,
                    new_standin,
                    here,
                ));
                self.branches.oldest = self.branches.oldest.min(here);
                self.emit_short_branch(cond, standin);
            }
        }
    }

    /// Make sure the next `bytes` bytes of code cannot push a pending
    /// branch out of reach of its veneer; emit an island now if they could.
    pub(super) fn guard(&mut self, bytes: usize) {
        if self.branches.pending.is_empty() {
            return;
        }
        let here = self.asm.offset().0;
        let island = 4 * (self.branches.pending.len() + 1);
        if here + bytes + island + 4 > self.branches.oldest + self.branches.reach {
            self.emit_island();
        }
    }

    fn emit_island(&mut self) {
        self.branches.islands += 1;
        let skip = self.asm.new_dynamic_label();
        a64!(self.asm ; b =>skip);
        // Sorted by first use so the island's layout does not depend on
        // hash order (the code must be deterministic).
        let mut pending: Vec<_> = self.branches.pending.drain().map(|(_, p)| p).collect();
        pending.sort_by_key(|&(_, _, first)| first);
        for (target, standin, _) in pending {
            a64!(self.asm
                ; =>standin
                ; b =>target
            );
        }
        a64!(self.asm ; =>skip);
        self.branches.oldest = usize::MAX;
    }

    /// The one-instruction form; the caller has made sure it reaches.
    fn emit_short_branch(&mut self, cond: Cond, l: Label) {
        match cond {
            Cond::Eq => a64!(self.asm ; b.eq =>l),
            Cond::Ne => a64!(self.asm ; b.ne =>l),
            Cond::Hs => a64!(self.asm ; b.hs =>l),
            Cond::Lo => a64!(self.asm ; b.lo =>l),
            Cond::Mi => a64!(self.asm ; b.mi =>l),
            Cond::Pl => a64!(self.asm ; b.pl =>l),
            Cond::Vs => a64!(self.asm ; b.vs =>l),
            Cond::Vc => a64!(self.asm ; b.vc =>l),
            Cond::Hi => a64!(self.asm ; b.hi =>l),
            Cond::Ls => a64!(self.asm ; b.ls =>l),
            Cond::Ge => a64!(self.asm ; b.ge =>l),
            Cond::Lt => a64!(self.asm ; b.lt =>l),
            Cond::Gt => a64!(self.asm ; b.gt =>l),
            Cond::Le => a64!(self.asm ; b.le =>l),
            Cond::Zero32(r) => a64!(self.asm ; cbz W(r), =>l),
            Cond::NonZero32(r) => a64!(self.asm ; cbnz W(r), =>l),
            Cond::Zero64(r) => a64!(self.asm ; cbz X(r), =>l),
            Cond::NonZero64(r) => a64!(self.asm ; cbnz X(r), =>l),
        }
    }

    /// `dst = cond ? 1 : 0` (an i32) for a flags condition.
    pub(super) fn set_if(&mut self, cond: Cond, dst: u8) {
        match cond {
            Cond::Eq => a64!(self.asm ; cset W(dst), eq),
            Cond::Ne => a64!(self.asm ; cset W(dst), ne),
            Cond::Hs => a64!(self.asm ; cset W(dst), hs),
            Cond::Lo => a64!(self.asm ; cset W(dst), lo),
            Cond::Mi => a64!(self.asm ; cset W(dst), mi),
            Cond::Pl => a64!(self.asm ; cset W(dst), pl),
            Cond::Vs => a64!(self.asm ; cset W(dst), vs),
            Cond::Vc => a64!(self.asm ; cset W(dst), vc),
            Cond::Hi => a64!(self.asm ; cset W(dst), hi),
            Cond::Ls => a64!(self.asm ; cset W(dst), ls),
            Cond::Ge => a64!(self.asm ; cset W(dst), ge),
            Cond::Lt => a64!(self.asm ; cset W(dst), lt),
            Cond::Gt => a64!(self.asm ; cset W(dst), gt),
            Cond::Le => a64!(self.asm ; cset W(dst), le),
            Cond::Zero32(_) | Cond::Zero64(_) | Cond::NonZero32(_) | Cond::NonZero64(_) => {
                unreachable!("set_if takes a flags condition")
            }
        }
    }
}
