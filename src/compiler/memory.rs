//! Linear-memory operators. Loads and stores carry no bounds check: the
//! runtime reserves 8 GiB per memory, so base + any i32 address + any u32
//! offset lands inside the reservation, and the inaccessible part faults
//! into the trap handler (see `runtime::linear_memory`).

use super::FuncCompiler;
use crate::masm::{BuiltinArg, LoadKind, MacroAssembler, Operand, RegClass, StoreKind};
use crate::runtime::vmctx;
use crate::trap::TrapCode;
use crate::types::ValType;

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// An address or stored value as the memory operations accept it: a
    /// register or an immediate.
    pub(super) fn reg_or_imm(&mut self, ty: ValType, op: Operand) -> Operand {
        match op {
            Operand::Frame(_) => Operand::Reg(self.in_reg(ty, op)),
            other => other,
        }
    }

    fn load(&mut self, kind: LoadKind, ty: ValType, offset: u64) {
        let (_, addr) = self.pop();
        let addr = self.reg_or_imm(ValType::I32, addr);
        // The address register can take the loaded value.
        let dst = match addr {
            Operand::Reg(r) if RegClass::of(ty) == RegClass::Int => r,
            _ => self.alloc_reg(RegClass::of(ty)),
        };
        self.masm.load(kind, dst, addr, offset as u32);
        if addr != Operand::Reg(dst) {
            self.release(addr);
        }
        self.push_reg(ty, dst);
    }

    fn store(&mut self, kind: StoreKind, offset: u64) {
        let (ty, value) = self.pop();
        let value = self.reg_or_imm(ty, value);
        let (_, addr) = self.pop();
        let addr = self.reg_or_imm(ValType::I32, addr);
        self.masm.store(kind, value, addr, offset as u32);
        self.release(value);
        self.release(addr);
    }

    pub(super) fn memory_size(&mut self) {
        let dst = self.alloc_reg(RegClass::Int);
        self.masm.memory_size(dst, vmctx::MEMORY);
        self.push_reg(ValType::I32, dst);
    }

    pub(super) fn memory_grow(&mut self) {
        let (_, delta) = self.pop();
        let delta = self.reg_or_imm(ValType::I32, delta);
        self.spill_registers();
        let arg = match delta {
            Operand::Reg(r) => BuiltinArg::Reg(r),
            Operand::Imm(v) => BuiltinArg::Imm(v as u32 as i64),
            Operand::Frame(_) => unreachable!("reg_or_imm"),
        };
        self.masm.call_builtin(vmctx::BUILTIN_MEMORY_GROW, &[arg]);
        self.release(delta);
        self.take_result(ValType::I32);
    }

    /// Compile a load or store; `false` if `op` is not one.
    pub(super) fn visit_memory_access(&mut self, op: &wasmparser::Operator<'_>) -> bool {
        use wasmparser::Operator as O;
        use ValType::*;
        const OOB: Option<TrapCode> = Some(TrapCode::MemoryOutOfBounds);
        match *op {
            // Bulk memory: calls into the runtime, which checks bounds
            // before writing anything.
            O::MemoryCopy { .. } => {
                self.call_runtime(vmctx::BUILTIN_MEMORY_COPY, &[], 3, None, OOB)
            }
            O::MemoryFill { .. } => {
                self.call_runtime(vmctx::BUILTIN_MEMORY_FILL, &[], 3, None, OOB)
            }
            O::MemoryInit { data_index, .. } => {
                let segment = [data_index as i64];
                self.call_runtime(vmctx::BUILTIN_MEMORY_INIT, &segment, 3, None, OOB)
            }
            O::DataDrop { data_index } => self.call_runtime(
                vmctx::BUILTIN_DATA_DROP,
                &[data_index as i64],
                0,
                None,
                None,
            ),
            O::I32Load { memarg } => self.load(LoadKind::I32, I32, memarg.offset),
            O::I64Load { memarg } => self.load(LoadKind::I64, I64, memarg.offset),
            O::F32Load { memarg } => self.load(LoadKind::F32, F32, memarg.offset),
            O::F64Load { memarg } => self.load(LoadKind::F64, F64, memarg.offset),
            O::I32Load8S { memarg } => self.load(LoadKind::I32_8S, I32, memarg.offset),
            O::I32Load8U { memarg } => self.load(LoadKind::I32_8U, I32, memarg.offset),
            O::I32Load16S { memarg } => self.load(LoadKind::I32_16S, I32, memarg.offset),
            O::I32Load16U { memarg } => self.load(LoadKind::I32_16U, I32, memarg.offset),
            O::I64Load8S { memarg } => self.load(LoadKind::I64_8S, I64, memarg.offset),
            O::I64Load8U { memarg } => self.load(LoadKind::I64_8U, I64, memarg.offset),
            O::I64Load16S { memarg } => self.load(LoadKind::I64_16S, I64, memarg.offset),
            O::I64Load16U { memarg } => self.load(LoadKind::I64_16U, I64, memarg.offset),
            O::I64Load32S { memarg } => self.load(LoadKind::I64_32S, I64, memarg.offset),
            O::I64Load32U { memarg } => self.load(LoadKind::I64_32U, I64, memarg.offset),
            O::I32Store { memarg } => self.store(StoreKind::I32, memarg.offset),
            O::I64Store { memarg } => self.store(StoreKind::I64, memarg.offset),
            O::F32Store { memarg } => self.store(StoreKind::F32, memarg.offset),
            O::F64Store { memarg } => self.store(StoreKind::F64, memarg.offset),
            O::I32Store8 { memarg } | O::I64Store8 { memarg } => {
                self.store(StoreKind::Int8, memarg.offset)
            }
            O::I32Store16 { memarg } | O::I64Store16 { memarg } => {
                self.store(StoreKind::Int16, memarg.offset)
            }
            O::I64Store32 { memarg } => self.store(StoreKind::Int32, memarg.offset),
            O::V128Load { memarg } => self.load(LoadKind::V128, V128, memarg.offset),
            O::V128Store { memarg } => self.store(StoreKind::V128, memarg.offset),
            _ => return false,
        }
        true
    }
}
