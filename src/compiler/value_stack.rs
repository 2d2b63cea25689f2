//! The abstract value stack: where each wasm operand-stack value lives
//! *right now*, at compile time.
//!
//! Nothing is computed eagerly. A constant stays a constant until an
//! instruction consumes it (and then usually becomes an immediate);
//! `local.get` pushes a reference to the local's frame slot and emits no
//! code; only results of real instructions occupy registers; and a value
//! moves to its depth's spill slot only when registers run out, at calls and
//! at block entries.
//!
//! This file owns the stack's entries and every step that changes where
//! one lives: pushing and popping operands, spilling an entry to its slot,
//! and materialising latent `local.get`s before their local changes. Which
//! register a value gets, and which entry makes room when none is free, is
//! `registers`' business.
//!
//! # Linear time
//!
//! A single-pass compiler promises compile time linear in the code, so no
//! step may walk the whole stack each time it runs: a module of 80,000
//! constants followed by 80,000 blocks would otherwise cost 80,000² steps.
//! [`ValueStack`] keeps three watermarks that let each step start where
//! the last one stopped, each moving down only as entries are popped:
//! * per register class, the depth below which no entry holds a register
//!   of that class (finding a spill victim, spilling before a call, and
//!   rebuilding the register file at a label start there);
//! * the depth below which every entry is in memory (entering a block pins
//!   only what lies between it and the block's base);
//! * per local, where latent `local.get`s of it were pushed (`local.set`
//!   visits those, not the stack): the newest one's depth, each of them
//!   linking to the one before. The list runs through the entries
//!   themselves, so keeping it allocates nothing.
//!
//! Every entry is then passed over a bounded number of times between its
//! push and its pop, whatever the depth of the stack or the number of
//! locals, blocks and labels.

use super::FuncCompiler;
use crate::masm::{MacroAssembler, Operand, Reg, RegClass};
use crate::types::ValType;
use std::ops::Deref;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A constant: i32 sign-extended to i64, floats as raw bits.
    Const(i64),
    /// In a register owned by this entry.
    Reg(Reg),
    /// The current value of local `n`: nothing was loaded yet. Must be
    /// materialised before `local.set n` / `local.tee n` changes the local.
    Local(u32),
    /// In the spill slot of this entry's depth.
    Spilled,
}

#[derive(Copy, Clone, Debug)]
pub struct Entry {
    pub ty: ValType,
    pub slot: Slot,
    /// Spill slots filled by the entries beneath this one: where its own
    /// spill place begins (`Frame::spill_slot`). Set by the stack on push.
    below: u32,
    /// For an entry pushed as `Slot::Local(n)`, even after it has been
    /// spilled: `n` ([`NONE`] for any other entry)...
    latent_local: u32,
    /// ... and the depth of the latent read of `n` pushed before it
    /// ([`NONE`] if none). Two plain words rather than an `Option` of a
    /// pair keep an entry at 32 bytes.
    latent_before: u32,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 32);

/// No depth: the end of a list of latent reads (and no local: an entry
/// that is not a latent read).
const NONE: u32 = u32::MAX;

impl Entry {
    /// Spill slots this entry and the ones beneath it fill.
    fn extent(&self) -> u32 {
        self.below + self.ty.slots() as u32
    }
}

/// The entries, bottom first, and the watermarks that keep every step
/// linear (see the module doc). Reading goes through `Deref` to a slice;
/// every change goes through a method, which keeps the watermarks true.
pub(crate) struct ValueStack {
    entries: Vec<Entry>,
    /// Per class (`class_index`): no entry below holds a register of it.
    reg_floor: [usize; 2],
    /// Every entry below is spilled or a constant.
    pinned: usize,
    /// Per local: the depth of the newest entry pushed as a `Slot::Local`
    /// of it ([`NONE`] if none), the head of the list through
    /// [`Entry::latent`]. Listed entries may have been spilled since;
    /// users check the slot.
    latent: Vec<u32>,
}

/// The memory of a [`ValueStack`]'s lists, kept between functions.
#[derive(Default)]
pub(crate) struct StackAllocation {
    entries: Vec<Entry>,
    latent: Vec<u32>,
}

fn class_index(class: RegClass) -> usize {
    match class {
        RegClass::Int => 0,
        RegClass::Float => 1,
    }
}

impl Deref for ValueStack {
    type Target = [Entry];
    fn deref(&self) -> &[Entry] {
        &self.entries
    }
}

impl ValueStack {
    /// An empty stack for a function of `num_locals` locals, reusing the
    /// memory of `allocation` (see `compiler::Allocations`).
    pub fn new_in(allocation: StackAllocation, num_locals: usize) -> ValueStack {
        let StackAllocation {
            mut entries,
            mut latent,
        } = allocation;
        entries.clear();
        latent.clear();
        latent.resize(num_locals, NONE);
        ValueStack {
            entries,
            reg_floor: [0; 2],
            pinned: 0,
            latent,
        }
    }

    /// The stack's memory, for the next function.
    pub fn into_allocation(self) -> StackAllocation {
        StackAllocation {
            entries: self.entries,
            latent: self.latent,
        }
    }

    /// Push a value; returns the spill slots the stack now fills.
    #[inline(always)]
    pub fn push(&mut self, ty: ValType, slot: Slot) -> u32 {
        let below = self.entries.last().map_or(0, Entry::extent);
        let depth = self.entries.len();
        let (mut latent_local, mut latent_before) = (NONE, NONE);
        match slot {
            Slot::Reg(r) => {
                let floor = &mut self.reg_floor[class_index(r.class)];
                *floor = (*floor).min(depth);
            }
            Slot::Local(n) => {
                let head = &mut self.latent[n as usize];
                (latent_local, latent_before) = (n, *head);
                *head = depth as u32;
            }
            Slot::Const(_) | Slot::Spilled => {}
        }
        let entry = Entry {
            ty,
            slot,
            below,
            latent_local,
            latent_before,
        };
        self.entries.push(entry);
        entry.extent()
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<Entry> {
        let entry = self.entries.pop()?;
        self.unlink(&entry);
        self.clamp();
        Some(entry)
    }

    pub fn truncate(&mut self, height: usize) {
        while self.entries.len() > height {
            let entry = self.entries.pop().expect("above height");
            self.unlink(&entry);
        }
        self.clamp();
    }

    /// Take the entry just popped off its local's list of latent reads.
    /// Being the top, it is the list's head, unless the list was emptied
    /// by a `local.set` since.
    #[inline(always)]
    fn unlink(&mut self, entry: &Entry) {
        if entry.latent_local != NONE {
            let head = &mut self.latent[entry.latent_local as usize];
            if *head == self.entries.len() as u32 {
                *head = entry.latent_before;
            }
        }
    }

    pub fn extend(&mut self, entries: impl IntoIterator<Item = Entry>) {
        for entry in entries {
            self.push(entry.ty, entry.slot);
        }
    }

    /// The watermarks never lie above the top.
    #[inline(always)]
    fn clamp(&mut self) {
        let len = self.entries.len();
        self.pinned = self.pinned.min(len);
        for floor in &mut self.reg_floor {
            *floor = (*floor).min(len);
        }
    }

    fn mark_spilled(&mut self, depth: usize) {
        self.entries[depth].slot = Slot::Spilled;
    }

    /// Where a search for registers of `class` may start.
    pub fn reg_floor(&self, class: RegClass) -> usize {
        self.reg_floor[class_index(class)]
    }

    /// Nothing below `depth` holds a register of `class` any more.
    pub fn raise_reg_floor(&mut self, class: RegClass, depth: usize) {
        let floor = &mut self.reg_floor[class_index(class)];
        *floor = (*floor).max(depth.min(self.entries.len()));
    }

    /// Where a search for registers of any class may start.
    fn any_reg_floor(&self) -> usize {
        self.reg_floor[0].min(self.reg_floor[1])
    }

    /// The head of local `n`'s list of latent reads; the list is emptied.
    /// Every entry on it is still on the stack: popping an entry takes it
    /// off its list.
    fn take_latent(&mut self, n: u32) -> u32 {
        std::mem::replace(&mut self.latent[n as usize], NONE)
    }
}

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    #[inline(always)]
    pub(super) fn push(&mut self, ty: ValType, slot: Slot) {
        let slots = self.stack.push(ty, slot);
        self.frame.note_spill_slots(slots);
    }

    /// The spill place of the entry at `depth`.
    pub(super) fn spill_slot(&self, depth: usize) -> i32 {
        let entry = &self.stack[depth];
        self.frame.spill_slot(entry.below, entry.ty)
    }

    #[inline(always)]
    pub(super) fn push_reg(&mut self, ty: ValType, reg: Reg) {
        self.push(ty, Slot::Reg(reg));
    }

    /// Pop the top value as an operand. A register stays allocated to the
    /// caller, who frees it once the instruction using it is emitted.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> (ValType, Operand) {
        let entry = self
            .stack
            .pop()
            .expect("validated: operand stack underflow");
        (entry.ty, self.operand_of(entry))
    }

    #[inline(always)]
    pub(super) fn operand_of(&self, entry: Entry) -> Operand {
        match entry.slot {
            Slot::Const(bits) => Operand::Imm(bits),
            Slot::Reg(r) => Operand::Reg(r),
            Slot::Local(n) => Operand::Frame(self.frame.local(n)),
            Slot::Spilled => Operand::Frame(self.frame.spill_slot(entry.below, entry.ty)),
        }
    }

    /// Free the register behind an operand, if any.
    pub(super) fn release(&mut self, op: Operand) {
        if let Operand::Reg(r) = op {
            self.regs.free(r);
        }
    }

    /// Move entry `depth` out of its register (or latent local) into its
    /// spill slot.
    pub(super) fn spill_entry(&mut self, depth: usize) {
        let entry = self.stack[depth];
        let slot = self.spill_slot(depth);
        match entry.slot {
            Slot::Reg(r) => {
                self.masm.store_frame(entry.ty, slot, Operand::Reg(r));
                self.regs.free(r);
            }
            Slot::Local(n) => self.masm.copy_frame(entry.ty, slot, self.frame.local(n)),
            Slot::Const(_) | Slot::Spilled => return,
        }
        self.stack.mark_spilled(depth);
    }

    /// Spill every register-held entry (before calls: all allocatable
    /// registers are caller-saved). Starts at the register watermark.
    pub(super) fn spill_registers(&mut self) {
        let len = self.stack.len();
        for depth in self.stack.any_reg_floor()..len {
            if matches!(self.stack[depth].slot, Slot::Reg(_)) {
                self.spill_entry(depth);
            }
        }
        for class in [RegClass::Int, RegClass::Float] {
            self.stack.raise_reg_floor(class, len);
        }
    }

    /// Spill registers and latent locals of the entries below `height` (at
    /// block entry: see `control`). What lies below the in-memory
    /// watermark is already there.
    pub(super) fn pin_to_memory(&mut self, height: usize) {
        for depth in self.stack.pinned..height {
            self.spill_entry(depth);
        }
        self.stack.pinned = self.stack.pinned.max(height);
        for class in [RegClass::Int, RegClass::Float] {
            self.stack.raise_reg_floor(class, height);
        }
    }

    /// The registers held by entries from `depth` up; the caller knows
    /// none are held below it. For rebuilding the register file at a
    /// label from the entries above its frame's base (rule 1 of
    /// `control`: nothing below holds one).
    pub(super) fn claim_stack_registers(&mut self) {
        for depth in self.stack.any_reg_floor()..self.stack.len() {
            if let Slot::Reg(r) = self.stack[depth].slot {
                self.regs.claim(r);
            }
        }
    }

    /// Put an operand in a register (allocating one unless it already is).
    pub(super) fn in_reg(&mut self, ty: ValType, op: Operand) -> Reg {
        match op {
            Operand::Reg(r) => r,
            _ => {
                let r = self.alloc_reg(RegClass::of(ty));
                self.masm.mov(ty, r, op);
                r
            }
        }
    }

    /// Pop the top value into a register.
    pub(super) fn pop_reg(&mut self) -> (ValType, Reg) {
        let (ty, op) = self.pop();
        (ty, self.in_reg(ty, op))
    }

    /// Before local `n` changes, give every latent read of it on the stack
    /// its own copy. The stack keeps where those reads were pushed, so
    /// this visits them, not the stack.
    pub(super) fn materialize_local(&mut self, n: u32) {
        let mut depth = self.stack.take_latent(n);
        while depth != NONE {
            let entry = self.stack[depth as usize];
            if entry.slot == Slot::Local(n) {
                self.spill_entry(depth as usize);
            }
            depth = entry.latent_before;
        }
    }
}
