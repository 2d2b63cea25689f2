//! The x86_64 host-to-wasm entry trampoline.
//!
//! The host cannot call JIT code directly: wasm functions take their
//! arguments in stack slots, expect the pinned vmctx (`r14`) and memory-base
//! (`r15`) registers to be set, and treat every allocatable register as
//! caller-saved. This trampoline bridges the SysV ABI to that convention
//! (see the contract on [`crate::masm::Isa::entry_trampoline`]), and is the
//! one place a trap unwinds to: the signal handler resumes at its `unwind`
//! point with SP reset to the value the trampoline recorded, discarding every
//! wasm frame in between (wasm frames hold no resources, so nothing needs to
//! run for them).
//!
//! Frame after the prologue (addresses grow upwards):
//!
//! ```text
//!   [rbp + 8]   return address into the host
//!   [rbp]       saved rbp
//!   [rbp - 8]   saved rbx
//!   [rbp - 16]  saved r12
//!   [rbp - 24]  saved r13
//!   [rbp - 32]  saved r14
//!   [rbp - 40]  saved r15
//!   [rbp - 48]  `values` pointer
//!   [rbp - 56]  `nslots`
//!   [rbp - 64]  `registers` pointer          <- rsp == *unwind_sp (16-aligned)
//!   [rsp]       outgoing area, nslots*8 rounded up to 16
//! ```
//!
//! The arguments needed after the call live in stack slots, not registers:
//! wasm code may clobber any allocatable register (SysV callee-saved ones
//! included), but it preserves `rbp` (its own frame pointer, pushed and
//! popped by every function).

use crate::masm::EntryTrampoline;
use crate::runtime::vmctx::MEMORY_BASE;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// Distance from the trampoline's `rbp` to the unwind SP: five saved
/// registers and three saved arguments.
const UNWIND_SP_FROM_RBP: i32 = 64;

/// Assemble the trampoline: `extern "C" fn(vmctx: rdi, code: rsi,
/// values: rdx, nslots: rcx, unwind_sp: r8, registers: r9) -> u32`.
pub fn entry_trampoline() -> EntryTrampoline {
    let mut a = dynasmrt::VecAssembler::<dynasmrt::x64::X64Relocation>::new(0);
    let entry = a.offset().0;
    dynasm!(a
        ; .arch x64
        // Save the callee-saved registers. After `push rbp` rsp is 16-aligned
        // (the call pushed 8 bytes onto an aligned stack); five more pushes
        // plus the `values` slot keep it aligned.
        ; push rbp
        ; mov rbp, rsp
        ; push rbx
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; push rdx
        ; push rcx
        ; push r9
        // The signal handler resets rsp to this value to unwind.
        ; mov [r8], rsp
        // Reserve the outgoing area: (nslots * 8 + 15) & !15 bytes.
        ; lea rax, [rcx * 8 + 15]
        ; and rax, -16
        ; sub rsp, rax
        // Copy argument i from values[i] to [rsp + 8*i].
        ; xor eax, eax
        ; test rcx, rcx
        ; jz >copied
        ; copy:
        ; mov r9, [rdx + rax * 8]
        ; mov [rsp + rax * 8], r9
        ; add rax, 1
        ; cmp rax, rcx
        ; jb <copy
        ; copied:
        // Pinned registers, then the wasm function itself.
        ; mov r14, rdi
        ; mov r15, [r14 + MEMORY_BASE as i32]
        ; call rsi
        // The result registers, then the outgoing slots back to `values`.
        ; mov rdx, [rbp - 64]
        ; mov [rdx], rax
        ; movdqu [rdx + 8], xmm0
        ; mov rdx, [rbp - 48]
        ; mov rcx, [rbp - 56]
        ; xor eax, eax
        ; test rcx, rcx
        ; jz >back
        ; out:
        ; mov r9, [rsp + rax * 8]
        ; mov [rdx + rax * 8], r9
        ; add rax, 1
        ; cmp rax, rcx
        ; jb <out
        ; back:
        ; xor eax, eax
        ; lea rsp, [rbp - UNWIND_SP_FROM_RBP]
        ; jmp ->restore
    );
    let unwind = a.offset().0;
    dynasm!(a
        ; .arch x64
        // Reached from the signal handler with rsp == *unwind_sp and
        // rax == trap code. rbp is whatever the trapping wasm code left in
        // it, so restore everything relative to rsp.
        ; ->restore:
        ; add rsp, 24
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbx
        ; pop rbp
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
        // `unwind` starts with `add rsp, 24` (48 83 c4 18).
        assert_eq!(&t.code[t.unwind..t.unwind + 4], &[0x48, 0x83, 0xc4, 0x18]);
    }
}
