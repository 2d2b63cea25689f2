//! Explicit bounds checks of linear-memory accesses, for memory layouts
//! whose guard region does not cover every address an access can form
//! (`runtime::linear_memory`; the compiler core decides which accesses).
//!
//! The check is emitted right before the access and needs two scratch
//! registers, r11 for the `MemoryDef` and rax for the end of the access:
//!
//! ```text
//!   mov r11, [r14 + slot]          ; the memory's MemoryDef
//!   lea rax, [index + end]         ; end = offset + size, exact in 64 bits
//!   cmp rax, [r11 + length]
//!   ja  oob                        ; the function's shared trap stub
//! ```
//!
//! The i32 index is already zero-extended in its register, so `lea` forms
//! the exact sum; an `end` that does not fit a displacement goes through
//! rax first. A 64-bit index (memory64) can wrap the sum, so it adds
//! with `add` and traps on the carry too. A constant index is folded into
//! `end` by the core and compared with the length directly.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{X64Masm, MEMORY_LENGTH, RAX};
use crate::masm::Reg;
use crate::trap::TrapCode;

impl X64Masm {
    pub(super) fn emit_bounds_check(
        &mut self,
        index: Option<Reg>,
        index64: bool,
        end: u64,
        memory_slot: u32,
    ) {
        let oob = self.trap_label(TrapCode::MemoryOutOfBounds);
        let slot = memory_slot as i32;
        dynasm_disp!(self, slot ; mov r11, QWORD [r14 + slot]);
        let Some(index) = index else {
            // A constant address: out of bounds if length < end.
            match i32::try_from(end) {
                Ok(e) => dynasm!(self.asm
                    ; cmp QWORD [BYTE r11 + MEMORY_LENGTH], e
                    ; jb =>oob
                ),
                Err(_) => {
                    self.load_imm(true, RAX, end as i64);
                    dynasm!(self.asm
                        ; cmp QWORD [BYTE r11 + MEMORY_LENGTH], rax
                        ; jb =>oob
                    );
                }
            }
            return;
        };
        let i = index.hw;
        match i32::try_from(end) {
            // At most 2^32 - 1 + 2^31 - 1: no wrap.
            Ok(e) if !index64 => dynasm_disp!(self, e ; lea rax, [Rq(i) + e]),
            Ok(e) => dynasm!(self.asm
                ; mov rax, Rq(i)
                ; add rax, e
                ; jc =>oob
            ),
            Err(_) => {
                self.load_imm(true, RAX, end as i64);
                dynasm!(self.asm ; add rax, Rq(i));
                if index64 {
                    dynasm!(self.asm ; jc =>oob);
                }
            }
        }
        dynasm!(self.asm
            ; cmp rax, QWORD [BYTE r11 + MEMORY_LENGTH]
            ; ja =>oob
        );
    }
}
