//! Linear-memory loads and stores.
//!
//! As on x64, bounds are not checked here (smaller memory layouts get an
//! explicit check before the access, `bounds.rs`): by default the memory
//! sits in an 8 GiB reservation where everything past the accessible
//! length faults, and the signal handler turns a fault at a recorded
//! access into `MemoryOutOfBounds`. So each access records its trap site
//! at exactly the load or store instruction, after any address arithmetic.
//!
//! The effective address is `x27 + zext(addr) + offset`. A64 has no single
//! addressing mode with both an index register and a displacement, so:
//!
//! * offset 0: `[x27, Waddr, uxtw]`, one instruction;
//! * an offset the load's immediate field holds (scaled 12 bits or unscaled
//!   9 bits): `add x16, x27, Waddr, uxtw` then `[x16, #offset]`;
//! * any other offset: x17 = offset, `add x17, x17, Waddr, uxtw`, then
//!   `[x27, x17]`;
//! * a constant address folds `addr + offset` (at most 2^33) into one of the
//!   same forms with x27 as the base.

use dynasmrt::DynasmApi;

use super::{a64, ldst, A64Masm, Addr, MEMBASE, X15, X16, X17, ZR};
use crate::masm::{LoadKind, Operand, StoreKind};
use crate::trap::TrapCode;

impl A64Masm {
    /// The operand for an access of `size` bytes at `zext(addr) + offset`.
    pub(super) fn memory_addr(&mut self, addr: Operand, offset: u32, size: u32) -> Addr {
        match addr {
            Operand::Reg(r) if offset == 0 => Addr::IndexUxtw(MEMBASE, r.hw),
            Operand::Reg(r) => {
                let off = offset as i64;
                let direct = (off % size as i64 == 0 && off / (size as i64) < 4096) || off < 256;
                if direct {
                    a64!(self.asm ; add x16, x27, W(r.hw), uxtw);
                    self.addr(X16, off, size, X17)
                } else {
                    self.load_imm(true, X17, off);
                    a64!(self.asm ; add x17, x17, W(r.hw), uxtw);
                    Addr::Index(MEMBASE, X17)
                }
            }
            Operand::Imm(a) => {
                let ea = (a as u32 as u64 + offset as u64) as i64;
                self.addr(MEMBASE, ea, size, X17)
            }
            Operand::Frame(_) => unreachable!("memory addresses are Reg or Imm"),
        }
    }

    pub(super) fn emit_load(&mut self, kind: LoadKind, d: u8, addr: Operand, offset: u32) {
        use LoadKind::*;
        let size = kind.bytes();
        let a = self.memory_addr(addr, offset, size);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        // The unsigned narrow loads write the W register, which zero-extends
        // to 64 bits: they serve i32 and i64 alike.
        match kind {
            I32 | I64_32U => ldst!(self, ldr / ldur, W(d), a),
            I64 => ldst!(self, ldr / ldur, X(d), a),
            F32 => ldst!(self, ldr / ldur, S(d), a),
            F64 => ldst!(self, ldr / ldur, D(d), a),
            V128 => ldst!(self, ldr / ldur, Q(d), a),
            I32_8S => ldst!(self, ldrsb / ldursb, W(d), a),
            I64_8S => ldst!(self, ldrsb / ldursb, X(d), a),
            I32_8U | I64_8U => ldst!(self, ldrb / ldurb, W(d), a),
            I32_16S => ldst!(self, ldrsh / ldursh, W(d), a),
            I64_16S => ldst!(self, ldrsh / ldursh, X(d), a),
            I32_16U | I64_16U => ldst!(self, ldrh / ldurh, W(d), a),
            I64_32S => ldst!(self, ldrsw / ldursw, X(d), a),
        }
    }

    pub(super) fn emit_store(&mut self, kind: StoreKind, src: Operand, addr: Operand, offset: u32) {
        use StoreKind::*;
        let size = kind.bytes();
        // The value first: address arithmetic uses x16/x17, so an immediate
        // value lives in x15 (zero needs no register at all).
        let v = match src {
            Operand::Reg(r) => r.hw,
            Operand::Imm(0) => ZR,
            Operand::Imm(v) => {
                self.load_imm(size == 8, X15, v);
                X15
            }
            Operand::Frame(_) => unreachable!("stored values are Reg or Imm"),
        };
        let from_int_reg = !matches!(src, Operand::Reg(_));
        let a = self.memory_addr(addr, offset, size);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        match kind {
            F32 if !from_int_reg => ldst!(self, str / stur, S(v), a),
            F64 if !from_int_reg => ldst!(self, str / stur, D(v), a),
            V128 if !from_int_reg => ldst!(self, str / stur, Q(v), a),
            V128 => unreachable!("v128 constants are materialised with vec_const"),
            I32 | Int32 | F32 => ldst!(self, str / stur, W(v), a),
            I64 | F64 => ldst!(self, str / stur, X(v), a),
            Int8 => ldst!(self, strb / sturb, W(v), a),
            Int16 => ldst!(self, strh / sturh, W(v), a),
        }
    }
}
