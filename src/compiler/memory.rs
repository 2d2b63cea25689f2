//! Linear-memory operators, and the one place that decides whether an
//! access is bounds-checked in code.
//!
//! With the default memory layout loads and stores carry no bounds check:
//! the runtime reserves 8 GiB per memory, so base + any i32 address + any
//! u32 offset lands inside the reservation, and the inaccessible part
//! faults into the trap handler (see `runtime::linear_memory`). With a
//! smaller reservation (`Config::memory_reservation`,
//! `Config::memory_guard_size`) the mapping no longer covers every address,
//! and each access it does not cover gets an explicit check first
//! ([`FuncCompiler::check_bounds`]): `index + offset + size` compared with
//! the memory's current byte length, read from its `MemoryDef`, and a
//! branch to the function's out-of-line `MemoryOutOfBounds` stub. The sum
//! is formed in 64 bits (a zero-extended i32 index plus an offset up to
//! 2^32 - 1 plus the size cannot wrap), so an access that straddles the end
//! traps as a whole, before any byte is written. The decision is made per
//! access from its offset and size (`MemoryLayout::needs_check`), and a
//! constant address is folded into the compared end. Every access goes
//! through [`FuncCompiler::at_memarg`] (scalar, vector, lane), so none can
//! miss the check; the bulk operators check in their builtins.
//!
//! A 64-bit memory (memory64) is always checked: its i64 index can form
//! any address, which no guard region covers. The backend hook
//! ([`MacroAssembler::bounds_check`]) adds the 64-bit index to the end
//! with a carry check, so an index near 2^64 traps rather than wraps; an
//! offset whose `offset + size` does not fit 64 bits traps unconditionally
//! (a check against an end of 2^64 - 1, which no length reaches). A
//! memory's length never exceeds 4 GiB (`MemoryLayout::max_pages`), so an
//! access that passes its check has an index and an offset below 2^32,
//! and the load and store lowerings, which take a u32 offset and (on
//! aarch64) the index's low 32 bits, form the exact address. A constant
//! address whose index and offset both fit 32 bits is treated as in a
//! 32-bit memory: the guard covers it if the layout's does.
//!
//! Memory 0's base is pinned in a register. An access to another memory
//! (multi-memory) points that register at the memory's base for the one
//! access and then back ([`MacroAssembler::switch_memory_base`]): two loads
//! before and one after, and no change at all to code that uses only
//! memory 0. The bulk operators, `memory.size` and `memory.grow` name their
//! memory to the runtime or read its `MemoryDef` through its vmctx slot.

use super::visit::lowerings;
use super::FuncCompiler;
use crate::masm::{BuiltinArg, LoadKind, MacroAssembler, Operand, RegClass, StoreKind};
use crate::runtime::vmctx;
use crate::trap::TrapCode;
use crate::types::ValType::{self, F32, F64, I32, I64, V128};
use wasmparser::{MemArg, MemArgTarget};

/// The trap of an out-of-bounds bulk access.
const OOB: Option<TrapCode> = Some(TrapCode::MemoryOutOfBounds);

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// An address or stored value as the memory operations accept it: a
    /// register or an immediate.
    pub(super) fn reg_or_imm(&mut self, ty: ValType, op: Operand) -> Operand {
        match op {
            Operand::Frame(_) => Operand::Reg(self.in_reg(ty, op)),
            other => other,
        }
    }

    /// Emit one access (`access` calls one load or store lowering) to
    /// memory `memory`: as it is for memory 0, bracketed by switches of
    /// the base register for any other.
    pub(super) fn on_memory(&mut self, memory: u32, access: impl FnOnce(&mut M)) {
        if memory == 0 {
            return access(self.masm);
        }
        let slot = self.env.offsets.memory(memory);
        self.masm.switch_memory_base(Some(slot));
        access(self.masm);
        self.masm.switch_memory_base(None);
    }

    /// Emit the access `access` makes of `size` bytes at `addr` (`Reg` or
    /// `Imm`) through `memarg`: its bounds check if the memory layout needs
    /// one ([`Self::check_bounds`]), then the access as
    /// [`Self::on_memory`] brackets it.
    pub(super) fn at_memarg(
        &mut self,
        memarg: &MemArg,
        addr: Operand,
        size: u32,
        access: impl FnOnce(&mut M),
    ) {
        match memarg.target {
            MemArgTarget::Memory(memory) => {
                self.check_bounds(memory, addr, memarg.offset, size);
                self.on_memory(memory, access)
            }
            // Array targets belong to multibyte array access (GC arrays),
            // which Flint does not enable: the parser reads the flag bit
            // only when it is on.
            MemArgTarget::Array(_) => unreachable!("multibyte array access is not enabled"),
        }
    }

    /// The explicit bounds check of an access of `size` bytes at `addr`
    /// (an i32, or an i64 in a 64-bit memory) plus `offset` in `memory`,
    /// when the layout's mapping cannot catch it by a fault: a register
    /// index is checked unless every address it can form is covered (never,
    /// for an i64), a constant one unless its own address is.
    fn check_bounds(&mut self, memory: u32, addr: Operand, offset: u64, size: u32) {
        let layout = self.env.memory;
        let memory64 = self.env.offsets.memory64(memory);
        // `offset + size`, or `None` if it wraps (then nothing is in
        // bounds: the end compared is 2^64 - 1, beyond any length).
        let static_end = offset.checked_add(size as u64);
        let (index, end) = match addr {
            Operand::Reg(r) if memory64 => match static_end {
                Some(end) => (Some(r), end),
                None => (None, u64::MAX),
            },
            Operand::Reg(r) if layout.needs_check(offset, size) => (Some(r), offset + size as u64),
            Operand::Reg(_) => return,
            Operand::Imm(a) => {
                let a = match memory64 {
                    true => a as u64,
                    false => a as u32 as u64,
                };
                let end = static_end.and_then(|e| e.checked_add(a));
                let small = a <= u32::MAX as u64 && offset <= u32::MAX as u64;
                match end {
                    Some(end) if small && layout.guards(end) => return,
                    Some(end) => (None, end),
                    None => (None, u64::MAX),
                }
            }
            Operand::Frame(_) => unreachable!("memory addresses are Reg or Imm"),
        };
        // Memory 0's `MemoryDef` pointer is in the header.
        let slot = match memory {
            0 => vmctx::MEMORY,
            n => self.env.offsets.memory(n),
        };
        self.masm.bounds_check(index, memory64, end, slot);
    }

    /// The type of `memory`'s addresses and page counts: i64 for a 64-bit
    /// memory, i32 otherwise.
    fn index_type(&self, memory: u32) -> ValType {
        match self.env.offsets.memory64(memory) {
            true => I64,
            false => I32,
        }
    }

    fn load(&mut self, kind: LoadKind, ty: ValType, memarg: MemArg) {
        // The address is an i32, or an i64 in a 64-bit memory.
        let (index_ty, addr) = self.pop();
        let addr = self.reg_or_imm(index_ty, addr);
        // The address register can take the loaded value.
        let dst = match addr {
            Operand::Reg(r) if RegClass::of(ty) == RegClass::Int => r,
            _ => self.alloc_reg(RegClass::of(ty)),
        };
        let offset = memarg.offset as u32;
        let size = kind.bytes();
        self.at_memarg(&memarg, addr, size, |masm| {
            masm.load(kind, dst, addr, offset)
        });
        if addr != Operand::Reg(dst) {
            self.release(addr);
        }
        self.push_reg(ty, dst);
    }

    fn store(&mut self, kind: StoreKind, memarg: MemArg) {
        let (ty, value) = self.pop();
        let value = self.reg_or_imm(ty, value);
        let (index_ty, addr) = self.pop();
        let addr = self.reg_or_imm(index_ty, addr);
        let offset = memarg.offset as u32;
        let size = kind.bytes();
        self.at_memarg(&memarg, addr, size, |masm| {
            masm.store(kind, value, addr, offset)
        });
        self.release(value);
        self.release(addr);
    }

    pub(super) fn memory_size(&mut self, memory: u32) {
        let dst = self.alloc_reg(RegClass::Int);
        // Memory 0's `MemoryDef` pointer is in the header too.
        let slot = match memory {
            0 => vmctx::MEMORY,
            n => self.env.offsets.memory(n),
        };
        self.masm.memory_size(dst, slot);
        // The page count is below 2^48: the same register serves an i64.
        self.push_reg(self.index_type(memory), dst);
    }

    /// `memory.grow`: the builtin takes the delta as a u64 (an i32's is
    /// its low half; the builtin knows the memory's index type) and
    /// returns the old size or -1 at the memory's index type.
    pub(super) fn memory_grow(&mut self, memory: u32) {
        let ty = self.index_type(memory);
        let (_, delta) = self.pop();
        let delta = self.reg_or_imm(ty, delta);
        self.spill_registers();
        let arg = match delta {
            Operand::Reg(r) => BuiltinArg::Reg(r),
            Operand::Imm(v) if ty == I64 => BuiltinArg::Imm(v),
            Operand::Imm(v) => BuiltinArg::Imm(v as u32 as i64),
            Operand::Frame(_) => unreachable!("reg_or_imm"),
        };
        let memory = BuiltinArg::Imm(memory as i64);
        self.masm
            .call_builtin(vmctx::BUILTIN_MEMORY_GROW, &[arg, memory]);
        self.release(delta);
        self.take_result(ty);
    }

    // Loads, stores and the bulk memory operators.
    lowerings! { self;
        // Bulk memory: calls into the runtime, which checks bounds
        // before writing anything.
        visit_memory_copy(dst_mem: u32, src_mem: u32) => {
            let memories = [dst_mem as i64, src_mem as i64];
            self.call_runtime(vmctx::BUILTIN_MEMORY_COPY, &memories, 3, None, OOB)
        };
        visit_memory_fill(mem: u32) => {
            self.call_runtime(vmctx::BUILTIN_MEMORY_FILL, &[mem as i64], 3, None, OOB)
        };
        visit_memory_init(data_index: u32, mem: u32) => {
            let immediates = [mem as i64, data_index as i64];
            self.call_runtime(vmctx::BUILTIN_MEMORY_INIT, &immediates, 3, None, OOB)
        };
        visit_data_drop(data_index: u32) => self.call_runtime(
            vmctx::BUILTIN_DATA_DROP,
            &[data_index as i64],
            0,
            None,
            None,
        );
        visit_i32_load(memarg: MemArg) => self.load(LoadKind::I32, I32, memarg);
        visit_i64_load(memarg: MemArg) => self.load(LoadKind::I64, I64, memarg);
        visit_f32_load(memarg: MemArg) => self.load(LoadKind::F32, F32, memarg);
        visit_f64_load(memarg: MemArg) => self.load(LoadKind::F64, F64, memarg);
        visit_i32_load8_s(memarg: MemArg) => self.load(LoadKind::I32_8S, I32, memarg);
        visit_i32_load8_u(memarg: MemArg) => self.load(LoadKind::I32_8U, I32, memarg);
        visit_i32_load16_s(memarg: MemArg) => self.load(LoadKind::I32_16S, I32, memarg);
        visit_i32_load16_u(memarg: MemArg) => self.load(LoadKind::I32_16U, I32, memarg);
        visit_i64_load8_s(memarg: MemArg) => self.load(LoadKind::I64_8S, I64, memarg);
        visit_i64_load8_u(memarg: MemArg) => self.load(LoadKind::I64_8U, I64, memarg);
        visit_i64_load16_s(memarg: MemArg) => self.load(LoadKind::I64_16S, I64, memarg);
        visit_i64_load16_u(memarg: MemArg) => self.load(LoadKind::I64_16U, I64, memarg);
        visit_i64_load32_s(memarg: MemArg) => self.load(LoadKind::I64_32S, I64, memarg);
        visit_i64_load32_u(memarg: MemArg) => self.load(LoadKind::I64_32U, I64, memarg);
        visit_i32_store(memarg: MemArg) => self.store(StoreKind::I32, memarg);
        visit_i64_store(memarg: MemArg) => self.store(StoreKind::I64, memarg);
        visit_f32_store(memarg: MemArg) => self.store(StoreKind::F32, memarg);
        visit_f64_store(memarg: MemArg) => self.store(StoreKind::F64, memarg);
        visit_i32_store8(memarg: MemArg) => {
            self.store(StoreKind::Int8, memarg)
        };
        visit_i64_store8(memarg: MemArg) => {
            self.store(StoreKind::Int8, memarg)
        };
        visit_i32_store16(memarg: MemArg) => {
            self.store(StoreKind::Int16, memarg)
        };
        visit_i64_store16(memarg: MemArg) => {
            self.store(StoreKind::Int16, memarg)
        };
        visit_i64_store32(memarg: MemArg) => self.store(StoreKind::Int32, memarg);
        visit_v128_load(memarg: MemArg) => self.load(LoadKind::V128, V128, memarg);
        visit_v128_store(memarg: MemArg) => self.store(StoreKind::V128, memarg);
    }
}
