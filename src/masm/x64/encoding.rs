//! One encoder for the instruction shapes the hot lowerings emit: an
//! opcode with a ModRM register operand and a register or memory operand,
//! and an optional immediate (`mov`, the ALU operations, `test`, the
//! loads and stores of every width and class).
//!
//! dynasm expands every instruction with run-time operands into encoding
//! code of its own, at each place it is written. The lowerings that run
//! for nearly every operator (frame stores, frame and memory loads,
//! linear-memory stores, arithmetic) name one instruction per value type,
//! displacement size and base register, and had grown to tens of
//! kilobytes of machine code each: together more than the instruction
//! cache, which the compiler then missed about ten times per wasm operator
//! it compiled. Encoding them here instead, from a few bytes of data per
//! instruction, keeps the compiler's hot path small, gathers each
//! instruction in a local buffer appended with one store, and emits a REX
//! prefix only where the instruction needs one (dynasm emits one for every
//! run-time register).
//!
//! The rules are the manual's (Intel SDM vol. 2, 2.1-2.2): legacy prefix,
//! REX, opcode, ModRM, SIB, displacement, immediate. Two base registers
//! are special in ModRM: rsp/r12 need a SIB byte, and rbp/r13 cannot go
//! without a displacement (that encoding means rip-relative).

use super::X64Masm;
use crate::types::ValType;

pub(super) const RSP: u8 = 4;
pub(super) const RBP: u8 = 5;
/// The pinned base of linear memory 0.
pub(super) const R15: u8 = 15;

/// The register-or-memory operand of a ModRM instruction.
#[derive(Copy, Clone, Debug)]
pub(super) enum Rm {
    Reg(u8),
    /// `[base + index + disp]`; the index (scale 1) cannot be rsp.
    Mem {
        base: u8,
        index: Option<u8>,
        disp: i32,
    },
}

impl Rm {
    /// `[rbp + disp]`: a frame slot.
    pub const fn frame(disp: i32) -> Rm {
        Rm::Mem {
            base: RBP,
            index: None,
            disp,
        }
    }

    /// `[rsp + disp]`: an outgoing argument slot.
    pub const fn outgoing(disp: i32) -> Rm {
        Rm::Mem {
            base: RSP,
            index: None,
            disp,
        }
    }
}

/// An instruction's fixed part: a mandatory prefix, REX.W and the opcode
/// bytes.
#[derive(Copy, Clone, Debug)]
pub(super) struct Opcode {
    /// 0x66, 0xf2 or 0xf3, or 0 for none.
    prefix: u8,
    /// REX.W: 64-bit operand size.
    w: bool,
    /// The ModRM register is a byte register: spl, bpl, sil and dil exist
    /// only with a REX prefix (without one, 4-7 mean ah, ch, dh, bh).
    byte_reg: bool,
    bytes: [u8; 2],
    len: u8,
}

impl Opcode {
    /// A one-byte opcode.
    pub const fn new(op: u8) -> Opcode {
        Opcode {
            prefix: 0,
            w: false,
            byte_reg: false,
            bytes: [op, 0],
            len: 1,
        }
    }

    /// A two-byte opcode from the 0x0f map.
    pub const fn ext(op: u8) -> Opcode {
        Opcode {
            bytes: [0x0f, op],
            len: 2,
            ..Opcode::new(0)
        }
    }

    /// With REX.W when `w` (the 64-bit form).
    pub const fn w_if(self, w: bool) -> Opcode {
        Opcode { w, ..self }
    }

    /// The 64-bit form.
    pub const fn w(self) -> Opcode {
        self.w_if(true)
    }

    pub const fn prefix(self, prefix: u8) -> Opcode {
        Opcode { prefix, ..self }
    }

    pub const fn byte_reg(self) -> Opcode {
        Opcode {
            byte_reg: true,
            ..self
        }
    }
}

/// `mov`, `movss`, `movsd` or `movdqu` of a whole `ty` value from memory
/// into a register of its class.
pub(super) const fn load_opcode(ty: ValType) -> Opcode {
    match ty {
        ValType::I32 => Opcode::new(0x8b),
        ValType::I64 | ValType::FuncRef | ValType::ExternRef => Opcode::new(0x8b).w(),
        ValType::F32 => Opcode::ext(0x10).prefix(0xf3),
        ValType::F64 => Opcode::ext(0x10).prefix(0xf2),
        ValType::V128 => Opcode::ext(0x6f).prefix(0xf3),
    }
}

/// The same moves from a register into memory.
pub(super) const fn store_opcode(ty: ValType) -> Opcode {
    match ty {
        ValType::I32 => Opcode::new(0x89),
        ValType::I64 | ValType::FuncRef | ValType::ExternRef => Opcode::new(0x89).w(),
        ValType::F32 => Opcode::ext(0x11).prefix(0xf3),
        ValType::F64 => Opcode::ext(0x11).prefix(0xf2),
        ValType::V128 => Opcode::ext(0x7f).prefix(0xf3),
    }
}

/// The immediate that ends an instruction, if any.
#[derive(Copy, Clone, Debug)]
pub(super) enum Imm {
    None,
    I8(i8),
    I16(i16),
    I32(i32),
}

/// The bytes of one instruction (at most 15), gathered in a buffer the
/// code buffer takes with one copy.
struct Insn {
    bytes: [u8; 16],
    len: usize,
}

impl Insn {
    #[inline(always)]
    fn put(&mut self, byte: u8) {
        // The mask proves the index in bounds; no instruction is longer.
        self.bytes[self.len & 15] = byte;
        self.len += 1;
    }

    #[inline(always)]
    fn put_u16(&mut self, value: u16) {
        let [a, b] = value.to_le_bytes();
        self.put(a);
        self.put(b);
    }

    #[inline(always)]
    fn put_u32(&mut self, value: u32) {
        let [a, b, c, d] = value.to_le_bytes();
        self.put(a);
        self.put(b);
        self.put(c);
        self.put(d);
    }
}

impl X64Masm {
    /// Emit `op` with ModRM.reg = `reg` (a register, or an opcode
    /// extension), ModRM.rm = `rm`, then `imm`.
    #[inline(always)]
    pub(super) fn modrm(&mut self, op: Opcode, reg: u8, rm: Rm, imm: Imm) {
        let mut insn = Insn {
            bytes: [0; 16],
            len: 0,
        };
        if op.prefix != 0 {
            insn.put(op.prefix);
        }
        let (x, b) = match rm {
            Rm::Reg(r) => (0, r >> 3),
            Rm::Mem { base, index, .. } => (index.map_or(0, |i| i >> 3), base >> 3),
        };
        let rex = (op.w as u8) << 3 | (reg >> 3) << 2 | x << 1 | b;
        if rex != 0 || (op.byte_reg && (4..8).contains(&reg)) {
            insn.put(0x40 | rex);
        }
        insn.put(op.bytes[0]);
        if op.len == 2 {
            insn.put(op.bytes[1]);
        }
        let reg = (reg & 7) << 3;
        match rm {
            Rm::Reg(r) => insn.put(0xc0 | reg | (r & 7)),
            Rm::Mem { base, index, disp } => {
                // mod 00: no displacement (not available with rbp/r13),
                // 01: disp8, 10: disp32.
                let (mode, disp8) = match i8::try_from(disp) {
                    Ok(0) if base & 7 != RBP => (0x00, None),
                    Ok(d) => (0x40, Some(d)),
                    Err(_) => (0x80, None),
                };
                match index {
                    // rm 100 selects a SIB byte, which rsp/r12 need.
                    None if base & 7 != RSP => insn.put(mode | reg | (base & 7)),
                    None => {
                        insn.put(mode | reg | 4);
                        insn.put(0x24);
                    }
                    Some(i) => {
                        debug_assert!(i != RSP, "rsp cannot be an index");
                        insn.put(mode | reg | 4);
                        insn.put((i & 7) << 3 | (base & 7));
                    }
                }
                match (mode, disp8) {
                    (0x40, Some(d)) => insn.put(d as u8),
                    (0x80, _) => insn.put_u32(disp as u32),
                    _ => {}
                }
            }
        }
        match imm {
            Imm::None => {}
            Imm::I8(v) => insn.put(v as u8),
            Imm::I16(v) => insn.put_u16(v as u16),
            Imm::I32(v) => insn.put_u32(v as u32),
        }
        self.asm.push_insn(&insn.bytes, insn.len);
    }
}
