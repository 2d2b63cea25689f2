//! The AArch64 host-to-wasm entry trampoline.
//!
//! The same bridge as on x64 (see [`crate::masm::Isa::entry_trampoline`]):
//! from the C ABI to Flint's convention (arguments in stack slots, pinned
//! x28/x27, every allocatable register caller-saved), and the one place a
//! trap unwinds to. AAPCS64 makes the callee save x19-x28, the frame
//! pointer and link register, and the low halves of v8-v15 (d8-d15); wasm
//! code uses all of them, so the trampoline saves them all.
//!
//! Frame after the prologue (addresses grow upwards):
//!
//! ```text
//!   [x29 + 8]     saved x30 (the return address into the host)
//!   [x29]         saved x29
//!   [x29 - 80]    x19 .. x28, in pairs
//!   [x29 - 144]   d8 .. d15, in pairs
//!   [x29 - 160]   `values` pointer, `nslots`
//!   [x29 - 176]   `registers` pointer, padding  <- sp == *unwind_sp
//!   [sp]          outgoing area, nslots*8 rounded up to 16
//! ```
//!
//! At `unwind` the signal handler has set SP to the recorded value and x0
//! to the trap code; x29 is whatever the trapping wasm code left in it, so
//! the restore sequence is SP-relative only. The normal return path resets
//! SP to the same point and shares it.

use crate::masm::EntryTrampoline;
use crate::runtime::vmctx::MEMORY_BASE;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// Distance from the trampoline's x29 down to the unwind SP.
const UNWIND_SP_FROM_FP: u32 = 176;

/// Assemble the trampoline: `extern "C" fn(vmctx: x0, code: x1, values: x2,
/// nslots: x3, unwind_sp: x4, registers: x5) -> u32`.
pub fn entry_trampoline() -> EntryTrampoline {
    let mut a = dynasmrt::VecAssembler::<dynasmrt::aarch64::Aarch64Relocation>::new(0);
    let entry = a.offset().0;
    dynasm!(a
        ; .arch aarch64
        ; stp x29, x30, [sp, #-16]!
        ; mov x29, sp
        ; stp x19, x20, [sp, #-16]!
        ; stp x21, x22, [sp, #-16]!
        ; stp x23, x24, [sp, #-16]!
        ; stp x25, x26, [sp, #-16]!
        ; stp x27, x28, [sp, #-16]!
        ; stp d8, d9, [sp, #-16]!
        ; stp d10, d11, [sp, #-16]!
        ; stp d12, d13, [sp, #-16]!
        ; stp d14, d15, [sp, #-16]!
        ; stp x2, x3, [sp, #-16]!
        ; stp x5, xzr, [sp, #-16]!
        // The signal handler resets SP to this value to unwind.
        ; mov x16, sp
        ; str x16, [x4]
        // Reserve the outgoing area: (nslots * 8 + 15) & !15 bytes.
        ; lsl x16, x3, #3
        ; add x16, x16, #15
        ; and x16, x16, #0xffff_ffff_ffff_fff0
        ; sub sp, sp, x16
        // Copy argument i from values[i] to [sp + 8*i].
        ; cbz x3, >copied
        ; mov x17, xzr
        ; copy:
        ; ldr x16, [x2, x17, lsl #3]
        ; str x16, [sp, x17, lsl #3]
        ; add x17, x17, #1
        ; cmp x17, x3
        ; b.lo <copy
        ; copied:
        // Pinned registers, then the wasm function itself.
        ; mov x28, x0
        ; ldr x27, [x28, #MEMORY_BASE]
        ; blr x1
        // The result registers, then the outgoing slots back to `values`.
        ; ldur x5, [x29, #-176]
        ; str x0, [x5]
        ; stur q0, [x5, #8]
        ; ldp x2, x3, [x29, #-160]
        ; cbz x3, >back
        ; mov x17, xzr
        ; out:
        ; ldr x16, [sp, x17, lsl #3]
        ; str x16, [x2, x17, lsl #3]
        ; add x17, x17, #1
        ; cmp x17, x3
        ; b.lo <out
        ; back:
        ; mov w0, wzr
        ; sub sp, x29, #UNWIND_SP_FROM_FP
        ; b ->restore
    );
    let unwind = a.offset().0;
    dynasm!(a
        ; .arch aarch64
        ; ->restore:
        ; add sp, sp, #32
        ; ldp d14, d15, [sp], #16
        ; ldp d12, d13, [sp], #16
        ; ldp d10, d11, [sp], #16
        ; ldp d8, d9, [sp], #16
        ; ldp x27, x28, [sp], #16
        ; ldp x25, x26, [sp], #16
        ; ldp x23, x24, [sp], #16
        ; ldp x21, x22, [sp], #16
        ; ldp x19, x20, [sp], #16
        ; ldp x29, x30, [sp], #16
        ; ret
    );
    let code = a.finalize().expect("entry trampoline labels resolve");
    EntryTrampoline {
        code,
        entry,
        unwind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_inside_the_code() {
        let t = entry_trampoline();
        assert_eq!(t.entry, 0);
        assert!(t.unwind > t.entry && t.unwind < t.code.len());
        // `unwind` starts with `add sp, sp, #32` (0x910083ff).
        assert_eq!(
            &t.code[t.unwind..t.unwind + 4],
            &0x9100_83ffu32.to_le_bytes()
        );
    }
}
