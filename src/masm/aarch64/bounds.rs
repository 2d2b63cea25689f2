//! Explicit bounds checks of linear-memory accesses, for memory layouts
//! whose guard region does not cover every address an access can form
//! (`runtime::linear_memory`; the compiler core decides which accesses).
//!
//! The check is emitted right before the access and uses the scratch
//! registers x16 (the `MemoryDef`, then the length) and x17 (the end of
//! the access):
//!
//! ```text
//!   ldr  x16, [x28, #slot]         ; the memory's MemoryDef
//!   ldr  x16, [x16, #length]
//!   mov  x17, #end                 ; end = offset + size
//!   add  x17, x17, Windex, uxtw    ; exact in 64 bits
//!   cmp  x17, x16
//!   b.hi oob                       ; the function's shared trap stub
//! ```
//!
//! The i32 index is added with `uxtw`, as the access adds it, so the check
//! and the access read the same 32 bits whatever the register's upper
//! half holds. A 64-bit index (memory64) can wrap the sum, so it adds with
//! `adds` (an `end` below 4096 as its immediate) and traps on the carry
//! too. A constant index is folded into `end` by the core.

use dynasmrt::DynasmApi;

use super::{a64, A64Masm, Cond, X16, X17};
use crate::masm::Reg;
use crate::runtime::vmctx::MEMORYDEF_LENGTH;
use crate::trap::TrapCode;

impl A64Masm {
    pub(super) fn emit_bounds_check(
        &mut self,
        index: Option<Reg>,
        index64: bool,
        end: u64,
        memory_slot: u32,
    ) {
        // At most: a large vmctx offset (4 + 1), the length (1), `end`
        // (4 + 1), the carry branch (1), the compare and branch (2).
        self.guard(14 * 4);
        let oob = self.trap_label(TrapCode::MemoryOutOfBounds);
        self.load_vmctx(X16, memory_slot);
        a64!(self.asm ; ldr x16, [x16, #MEMORYDEF_LENGTH]);
        match index {
            None => self.load_imm(true, X17, end as i64),
            Some(r) => {
                let i = r.hw;
                match u32::try_from(end) {
                    Ok(e) if e < 4096 && index64 => a64!(self.asm ; adds x17, XSP(i), #e),
                    _ if index64 => {
                        self.load_imm(true, X17, end as i64);
                        a64!(self.asm ; adds x17, x17, X(i));
                    }
                    // An i32 index is added with `uxtw`, as the access
                    // itself adds it (`memory`), so the check reads the
                    // same 32 bits the access uses.
                    _ => {
                        self.load_imm(true, X17, end as i64);
                        a64!(self.asm ; add x17, x17, W(i), uxtw);
                    }
                }
                if index64 {
                    self.branch(Cond::Hs, oob);
                }
            }
        }
        a64!(self.asm ; cmp x17, x16);
        self.branch(Cond::Hi, oob);
    }
}
