//! Linear-memory loads and stores.
//!
//! Bounds are not checked here: with the default layout the memory is an
//! 8 GiB reservation in which everything past the accessible length is
//! inaccessible, so any `base + u32 address + u32 offset` either hits the
//! memory or faults (smaller layouts get an explicit check before the
//! access, `bounds.rs`). The
//! signal handler turns the fault into `MemoryOutOfBounds` by looking up
//! the faulting instruction's offset, which is why each access records a
//! trap site at *exactly* the accessing instruction, after any address
//! arithmetic.
//!
//! The effective address is `[r15 + zext(addr) + offset]`. x64's
//! displacement is a signed 32-bit field, so an offset of 2^31 or more
//! cannot be a displacement and is added in r11 instead.

use dynasmrt::{dynasm, DynasmApi};

use super::encoding::{load_opcode, store_opcode, Imm, Opcode, Rm, R15};
use super::{imm32, X64Masm, R11, RAX};
use crate::masm::{LoadKind, Operand, Reg, StoreKind};
use crate::trap::TrapCode;
use crate::types::ValType;

/// A lowered address, relative to the memory base in r15.
#[derive(Copy, Clone)]
pub(super) enum Mem {
    /// `[r15 + index + disp]`.
    Index(u8, i32),
    /// `[r15 + disp]`: a constant address.
    Abs(i32),
}

impl Mem {
    /// The operand as the encoder takes it.
    fn rm(self) -> Rm {
        let (index, disp) = match self {
            Mem::Index(i, disp) => (Some(i), disp),
            Mem::Abs(disp) => (None, disp),
        };
        Rm::Mem {
            base: R15,
            index,
            disp,
        }
    }
}

/// The instruction that loads each kind into a register. Zero-extending
/// loads use the 32-bit destination: writing a 32-bit register clears the
/// upper half, which serves both i32 and i64.
const fn load_kind_opcode(kind: LoadKind) -> Opcode {
    use LoadKind::*;
    match kind {
        I32 | I64_32U => load_opcode(ValType::I32),
        I64 => load_opcode(ValType::I64),
        F32 => load_opcode(ValType::F32),
        F64 => load_opcode(ValType::F64),
        V128 => load_opcode(ValType::V128),
        // movsx / movzx from a byte or a word.
        I32_8S => Opcode::ext(0xbe),
        I32_8U | I64_8U => Opcode::ext(0xb6),
        I32_16S => Opcode::ext(0xbf),
        I32_16U | I64_16U => Opcode::ext(0xb7),
        I64_8S => Opcode::ext(0xbe).w(),
        I64_16S => Opcode::ext(0xbf).w(),
        // movsxd
        I64_32S => Opcode::new(0x63).w(),
    }
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
        let m = self.address(addr, offset);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        self.modrm(load_kind_opcode(kind), d, m.rm(), Imm::None);
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
        let m = self.address(addr, offset).rm();
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        match src {
            Operand::Reg(r) => {
                let op = match kind {
                    I32 | Int32 => store_opcode(ValType::I32),
                    I64 => store_opcode(ValType::I64),
                    F32 => store_opcode(ValType::F32),
                    F64 => store_opcode(ValType::F64),
                    V128 => store_opcode(ValType::V128),
                    Int8 => Opcode::new(0x88).byte_reg(),
                    Int16 => Opcode::new(0x89).prefix(0x66),
                };
                self.modrm(op, r.hw, m, Imm::None);
            }
            // `mov r/m, imm` (0xc6 /0 for a byte, 0xc7 /0 otherwise; the
            // 64-bit form sign-extends its imm32).
            Operand::Imm(v) => {
                let (op, imm) = match kind {
                    I32 | Int32 | F32 => (Opcode::new(0xc7), Imm::I32(v as i32)),
                    I64 | F64 => (Opcode::new(0xc7).w(), Imm::I32(v as i32)),
                    Int8 => (Opcode::new(0xc6), Imm::I8(v as i8)),
                    Int16 => (Opcode::new(0xc7).prefix(0x66), Imm::I16(v as i16)),
                    V128 => unreachable!("v128 constants are materialised with vec_const"),
                };
                self.modrm(op, 0, m, imm);
            }
            Operand::Frame(_) => unreachable!("stored values are Reg or Imm"),
        }
    }
}
