//! Out-of-line trap stubs.
//!
//! An explicit check (division by zero, a failed truncation, a
//! `call_indirect` check, the stack limit) is one conditional branch on the
//! hot path to a stub after the function body. Each stub is a single `ud2`
//! whose offset is recorded as a trap site: the signal handler sees the
//! SIGILL, looks the faulting PC up in the trap table and unwinds to the
//! entry trampoline with the trap code. No register state needs to
//! survive, so stubs for the same code are shared within a function.

use dynasmrt::{dynasm, DynasmLabelApi};

use super::X64Masm;

impl X64Masm {
    /// Emit and forget the stubs the current function asked for.
    pub(super) fn emit_trap_stubs(&mut self) {
        for (code, label) in std::mem::take(&mut self.stubs) {
            dynasm!(self.asm ; =>label);
            self.trap_site_here(code);
            dynasm!(self.asm ; ud2);
        }
    }
}
