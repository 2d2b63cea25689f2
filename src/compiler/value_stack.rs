//! The abstract value stack: where each wasm operand-stack value lives
//! *right now*, at compile time.
//!
//! Nothing is computed eagerly. A constant stays a constant until an
//! instruction consumes it (and then usually becomes an immediate);
//! `local.get` pushes a reference to the local's frame slot and emits no
//! code; only results of real instructions occupy registers; and a value
//! moves to its depth's spill slot only when registers run out, at calls and
//! at block entries.

use crate::masm::Reg;
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
