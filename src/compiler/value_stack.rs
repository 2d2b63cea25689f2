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

use super::FuncCompiler;
use crate::masm::{MacroAssembler, Operand, Reg, RegClass};
use crate::types::ValType;

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
}

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    pub(super) fn push(&mut self, ty: ValType, slot: Slot) {
        self.stack.push(Entry { ty, slot });
        self.frame.note_depth(self.stack.len());
    }

    pub(super) fn push_reg(&mut self, ty: ValType, reg: Reg) {
        self.push(ty, Slot::Reg(reg));
    }

    /// Pop the top value as an operand. A register stays allocated to the
    /// caller, who frees it once the instruction using it is emitted.
    pub(super) fn pop(&mut self) -> (ValType, Operand) {
        let entry = self
            .stack
            .pop()
            .expect("validated: operand stack underflow");
        let depth = self.stack.len();
        (entry.ty, self.operand_of(entry, depth))
    }

    pub(super) fn operand_of(&self, entry: Entry, depth: usize) -> Operand {
        match entry.slot {
            Slot::Const(bits) => Operand::Imm(bits),
            Slot::Reg(r) => Operand::Reg(r),
            Slot::Local(n) => Operand::Frame(self.frame.local(n)),
            Slot::Spilled => Operand::Frame(self.frame.spill_slot(depth)),
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
        let slot = self.frame.spill_slot(depth);
        match entry.slot {
            Slot::Reg(r) => {
                self.masm.store_frame(entry.ty, slot, Operand::Reg(r));
                self.regs.free(r);
            }
            Slot::Local(n) => self.masm.copy_frame(slot, self.frame.local(n)),
            Slot::Const(_) | Slot::Spilled => return,
        }
        self.stack[depth].slot = Slot::Spilled;
    }

    /// Spill every register-held entry (before calls: all allocatable
    /// registers are caller-saved).
    pub(super) fn spill_registers(&mut self) {
        for depth in 0..self.stack.len() {
            if matches!(self.stack[depth].slot, Slot::Reg(_)) {
                self.spill_entry(depth);
            }
        }
    }

    /// Spill registers and latent locals of the entries below `height` (at
    /// block entry: see `control`).
    pub(super) fn pin_to_memory(&mut self, height: usize) {
        for depth in 0..height {
            self.spill_entry(depth);
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
    /// its own copy. Only entries above the innermost block's base can be
    /// latent (block entry pins the rest to memory).
    pub(super) fn materialize_local(&mut self, n: u32) {
        let base = self.control.last().map_or(0, |c| c.height);
        for depth in base..self.stack.len() {
            if self.stack[depth].slot == Slot::Local(n) {
                self.spill_entry(depth);
            }
        }
    }
}
