//! Calls. Arguments go straight from wherever they live (constant,
//! register, local, spill slot) into the outgoing area at the bottom of the
//! frame (a v128 in two slots); then every register still live is spilled,
//! because the callee may use them all. A single result comes back in the
//! ISA's result register; several come back in the outgoing area, written
//! by the callee.

use super::FuncCompiler;
use crate::masm::{slots_for, BuiltinArg, MacroAssembler, Operand, RegClass};
use crate::trap::TrapCode;
use crate::types::{FuncType, ValType};

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// Store the top `params.len()` values as outgoing arguments, pop them,
    /// and spill what remains in registers.
    fn pass_arguments(&mut self, ty: &FuncType) {
        let n = ty.params().len();
        let base = self.stack.len() - n;
        let mut slot = 0;
        for i in 0..n {
            let entry = self.stack[base + i];
            let src = self.operand_of(entry);
            self.masm.store_arg(entry.ty, slot, src);
            slot += entry.ty.slots() as u32;
        }
        for _ in 0..n {
            let (_, op) = self.pop();
            self.release(op);
        }
        self.spill_registers();
        self.frame.note_outgoing(slots_for(ty));
    }

    /// Push the value the ISA left in its result register, keeping it there
    /// when that register is allocatable.
    pub(super) fn take_result(&mut self, ty: ValType) {
        let ret = match RegClass::of(ty) {
            RegClass::Int => M::INT_RESULT,
            RegClass::Float => M::FLOAT_RESULT,
        };
        if self.regs.is_allocatable(ret) && self.regs.is_free(ret) {
            self.regs.claim(ret);
            self.push_reg(ty, ret);
        } else {
            let r = self.alloc_reg(RegClass::of(ty));
            self.masm.mov(ty, r, crate::masm::Operand::Reg(ret));
            self.push_reg(ty, r);
        }
    }

    /// Push a call's results: a single one from the result register,
    /// several from the outgoing area, where the callee left them.
    fn push_results(&mut self, ty: &FuncType) {
        match ty.results() {
            [] => {}
            &[result] => self.take_result(result),
            results => {
                let mut slot = 0;
                for &result in results {
                    let r = self.alloc_reg(RegClass::of(result));
                    self.masm.load_arg(result, r, slot);
                    self.push_reg(result, r);
                    slot += result.slots() as u32;
                }
            }
        }
    }

    pub(super) fn call(&mut self, function_index: u32) {
        let env = self.env;
        let ty = env.func_type(function_index);
        self.pass_arguments(ty);
        if function_index < self.env.num_imported_funcs {
            self.masm
                .call_import(self.env.offsets.imported_func(function_index));
        } else {
            let label =
                self.env.func_labels[(function_index - self.env.num_imported_funcs) as usize];
            self.masm.call_direct(label);
        }
        self.push_results(ty);
    }

    pub(super) fn call_indirect(&mut self, type_index: u32, table_index: u32) {
        let env = self.env;
        let ty = &env.types[type_index as usize];
        let (_, index) = self.pop_reg();
        self.pass_arguments(ty);
        self.masm.call_indirect(
            self.env.offsets.table(table_index),
            self.env.offsets.type_id(type_index),
            index,
        );
        self.regs.free(index);
        self.push_results(ty);
    }
}

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// An operator implemented by a runtime builtin (see
    /// `api::builtins`): `immediates`, then the top `operands` values,
    /// go to the outgoing area as for a call; the builtin's nonzero status
    /// raises `trap`; its result, if any, comes back in slot 0.
    pub(super) fn call_runtime(
        &mut self,
        builtin: u32,
        immediates: &[i64],
        operands: usize,
        result: Option<ValType>,
        trap: Option<TrapCode>,
    ) {
        let base = self.stack.len() - operands;
        for (i, &imm) in immediates.iter().enumerate() {
            self.masm
                .store_arg(ValType::I64, i as u32, Operand::Imm(imm));
        }
        let mut slot = immediates.len() as u32;
        for j in 0..operands {
            let entry = self.stack[base + j];
            let src = self.operand_of(entry);
            self.masm.store_arg(entry.ty, slot, src);
            slot += entry.ty.slots() as u32;
        }
        for _ in 0..operands {
            let (_, op) = self.pop();
            self.release(op);
        }
        self.spill_registers();
        let result_slots = result.map_or(1, |ty| ty.slots() as u32);
        self.frame.note_outgoing(slot.max(result_slots));
        self.masm.call_builtin(builtin, &[BuiltinArg::OutgoingArea]);
        if let Some(code) = trap {
            let ok = self.masm.new_label();
            self.masm.branch_if(M::INT_RESULT, false, ok);
            self.masm.trap(code);
            self.masm.bind(ok);
        }
        if let Some(ty) = result {
            let r = self.alloc_reg(RegClass::of(ty));
            self.masm.load_arg(ty, r, 0);
            self.push_reg(ty, r);
        }
    }
}
