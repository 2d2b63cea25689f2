//! Out-of-line trap stubs.
//!
//! An explicit check (division by zero, a failed truncation, a
//! `call_indirect` check, the stack limit) is one conditional branch on the
//! hot path to a stub after the function body. Each stub is a single `ud2`
//! whose offset is recorded as a trap site: the signal handler sees the
//! SIGILL, looks the faulting PC up in the trap table and unwinds to the
//! entry trampoline with the trap code. No register state needs to
//! survive, so stubs for the same code are shared within a function.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::X64Masm;

impl X64Masm {
    /// Emit and forget the stubs the current function asked for.
    pub(super) fn emit_trap_stubs(&mut self) {
        for stub in self.traps.take_stubs() {
            dynasm!(self.asm ; =>stub.label);
            self.traps.record_stub(self.asm.offset().0, &stub);
            dynasm!(self.asm ; ud2);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::masm::x64::X64Masm;
    use crate::masm::{CpuFeatures, IntBinOp, MacroAssembler, Operand, FIRST_ARG_OFFSET};
    use crate::runtime::vmctx::STACK_LIMIT;
    use crate::types::ValType;

    /// The encoding side of `masm::tests::div_trap_sites_are_recorded`:
    /// every stub a function records, shared or not, is exactly a `ud2`, so
    /// the SIGILL lands on the recorded offset.
    #[test]
    fn every_stub_site_is_a_ud2() {
        let mut m = X64Masm::new(CpuFeatures::all().into());
        let l = m.new_label();
        m.function_start(l);
        let setup = m.prologue(STACK_LIMIT);
        let (a, b) = (X64Masm::INT_REGS[0], X64Masm::INT_REGS[1]);
        m.mov(ValType::I32, a, Operand::Frame(FIRST_ARG_OFFSET));
        m.mov(ValType::I32, b, Operand::Frame(FIRST_ARG_OFFSET + 8));
        m.int_binop(IntBinOp::DivS, ValType::I32, a, a, Operand::Reg(b));
        m.int_binop(IntBinOp::RemU, ValType::I64, a, a, Operand::Reg(b));
        m.epilogue();
        m.function_end();
        m.patch_frame_size(setup, 16);
        let asm = m.finish().unwrap();
        // Divide by zero (shared by both divisions), overflow, stack limit.
        assert_eq!(asm.trap_sites.len(), 3);
        for s in &asm.trap_sites {
            assert_eq!(&asm.code[s.offset as usize..][..2], &[0x0F, 0x0B], "{s:?}");
        }
    }
}
