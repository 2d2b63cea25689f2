//! Linear-memory loads and stores.
//!
//! Bounds are not checked in code: the memory is an 8 GiB reservation in
//! which everything past the accessible length is inaccessible, so any
//! `base + u32 address + u32 offset` either hits the memory or faults. The
//! signal handler turns the fault into `MemoryOutOfBounds` by looking up
//! the faulting instruction's offset, which is why each access records a
//! trap site at *exactly* the accessing instruction, after any address
//! arithmetic.
//!
//! The effective address is `[r15 + zext(addr) + offset]`. x64's
//! displacement is a signed 32-bit field, so an offset of 2^31 or more
//! cannot be a displacement and is added in r11 instead.

use dynasmrt::{dynasm, DynasmApi};

use super::{imm32, X64Masm, R11, RAX};
use crate::masm::{LoadKind, Operand, Reg, StoreKind};
use crate::trap::TrapCode;

/// A lowered address, relative to the memory base in r15.
#[derive(Copy, Clone)]
pub(super) enum Mem {
    /// `[r15 + index + disp]`.
    Index(u8, i32),
    /// `[r15 + disp]`: a constant address.
    Abs(i32),
}

/// Emit one instruction with the memory operand `$size [mem]` in place of
/// the `@` in the operand list, in both addressing forms. A trailing
/// `imm expr` is an immediate source.
macro_rules! at {
    ($s:ident, $m:expr, $op:ident @ $size:ident, imm $e:expr) => {
        match $m {
            Mem::Index(i, disp) => dynasm_disp!($s, disp ; $op $size [r15 + Rq(i) + disp], $e),
            Mem::Abs(disp) => dynasm_disp!($s, disp ; $op $size [r15 + disp], $e),
        }
    };
    ($s:ident, $m:expr, $op:ident $($a:ident($r:expr),)? @ $size:ident $(, $b:ident($q:expr))?) => {
        match $m {
            Mem::Index(i, disp) => {
                dynasm_disp!($s, disp ; $op $($a($r),)? $size [r15 + Rq(i) + disp] $(, $b($q))?)
            }
            Mem::Abs(disp) => dynasm_disp!($s, disp ; $op $($a($r),)? $size [r15 + disp] $(, $b($q))?),
        }
    };
}

impl X64Masm {
    /// Lower `addr + offset` (the wasm effective address) to a memory
    /// operand; any arithmetic it needs comes before the access.
    pub(super) fn address(&mut self, addr: Operand, offset: u32) -> Mem {
        match addr {
            Operand::Reg(r) => match i32::try_from(offset) {
                Ok(disp) => Mem::Index(r.hw, disp),
                Err(_) => {
                    // `mov r11d, imm32` zero-extends the full u32 offset.
                    dynasm!(self.asm
                        ; mov r11d, offset as i32
                        ; add r11, Rq(r.hw)
                    );
                    Mem::Index(R11, 0)
                }
            },
            Operand::Imm(a) => {
                let effective = a as u32 as u64 + offset as u64;
                match i32::try_from(effective) {
                    Ok(disp) => Mem::Abs(disp),
                    Err(_) => {
                        self.load_imm(true, R11, effective as i64);
                        Mem::Index(R11, 0)
                    }
                }
            }
            Operand::Frame(_) => unreachable!("memory addresses are Reg or Imm"),
        }
    }

    pub(super) fn emit_load(&mut self, kind: LoadKind, d: u8, addr: Operand, offset: u32) {
        use LoadKind::*;
        let m = self.address(addr, offset);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        // Zero-extending loads use the 32-bit destination: writing a 32-bit
        // register clears the upper half, which serves both i32 and i64.
        match kind {
            I32 | I64_32U => at!(self, m, mov Rd(d), @ DWORD),
            I64 => at!(self, m, mov Rq(d), @ QWORD),
            F32 => at!(self, m, movss Rx(d), @ DWORD),
            F64 => at!(self, m, movsd Rx(d), @ QWORD),
            V128 => at!(self, m, movdqu Rx(d), @ OWORD),
            I32_8S => at!(self, m, movsx Rd(d), @ BYTE),
            I32_8U | I64_8U => at!(self, m, movzx Rd(d), @ BYTE),
            I32_16S => at!(self, m, movsx Rd(d), @ WORD),
            I32_16U | I64_16U => at!(self, m, movzx Rd(d), @ WORD),
            I64_8S => at!(self, m, movsx Rq(d), @ BYTE),
            I64_16S => at!(self, m, movsx Rq(d), @ WORD),
            I64_32S => at!(self, m, movsxd Rq(d), @ DWORD),
        }
    }

    pub(super) fn emit_store(&mut self, kind: StoreKind, src: Operand, addr: Operand, offset: u32) {
        use StoreKind::*;
        // A 64-bit immediate that does not fit imm32 goes through rax
        // first (even an f64's bits: an integer store writes the same
        // bytes), so the access stays one instruction.
        let (kind, src) = match (kind, src) {
            (I64 | F64, Operand::Imm(v)) if imm32(v).is_none() => {
                self.load_imm(true, RAX, v);
                (I64, Operand::Reg(Reg::int(RAX)))
            }
            _ => (kind, src),
        };
        let m = self.address(addr, offset);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        match src {
            Operand::Reg(r) => {
                let s = r.hw;
                match kind {
                    I32 | Int32 => at!(self, m, mov @ DWORD, Rd(s)),
                    I64 => at!(self, m, mov @ QWORD, Rq(s)),
                    Int8 => at!(self, m, mov @ BYTE, Rb(s)),
                    Int16 => at!(self, m, mov @ WORD, Rw(s)),
                    F32 => at!(self, m, movss @ DWORD, Rx(s)),
                    F64 => at!(self, m, movsd @ QWORD, Rx(s)),
                    V128 => at!(self, m, movdqu @ OWORD, Rx(s)),
                }
            }
            Operand::Imm(v) => {
                let v = v as i32;
                match kind {
                    I32 | Int32 | F32 => at!(self, m, mov @ DWORD, imm v),
                    I64 | F64 => at!(self, m, mov @ QWORD, imm v),
                    Int8 => at!(self, m, mov @ BYTE, imm v as i8),
                    Int16 => at!(self, m, mov @ WORD, imm v as i16),
                    V128 => unreachable!("v128 constants are materialised with vec_const"),
                }
            }
            Operand::Frame(_) => unreachable!("stored values are Reg or Imm"),
        }
    }
}
