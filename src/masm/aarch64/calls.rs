//! Calls: to imported functions, through tables, and to Rust builtins.
//!
//! Wasm-to-wasm calls use Flint's own convention (arguments in the caller's
//! outgoing area at `[sp + 8*i]`, everything caller-saved), so a call is
//! just `bl` (±128 MiB, enough for any module Flint accepts) or `blr`.
//! The link register needs no care: every prologue saves it with the frame
//! pointer. As on x64, the work is switching instances: an imported
//! function or a table element carries its own vmctx, which must be in x28
//! (with its memory base in x27) while it runs; afterwards ours is
//! reloaded from the frame slot `[fp - 8]` (`VMCTX_SLOT_OFFSET`).
//!
//! Builtins are ordinary `extern "C"` Rust functions, called with AAPCS64:
//! arguments in x0-x7, SP 16-byte aligned (true by construction of the
//! frame). x27 and x28 are callee-saved there, so they survive the call.

use dynasmrt::DynasmApi;

use super::{a64, ldst, A64Masm, Addr, Cond, FP, MEMBASE, SP, VMCTX, X15, X16, X17};
use crate::masm::{BuiltinArg, VMCTX_SLOT_OFFSET};
use crate::runtime::vmctx::{
    FUNCREF_CODE, FUNCREF_TYPE_ID, FUNCREF_VMCTX, IMPORT_CODE, IMPORT_VMCTX, MEMORY_BASE,
    TABLEDEF_ELEMENTS, TABLEDEF_LEN, TABLE_ELEMENT_SIZE,
};
use crate::trap::TrapCode;

/// AAPCS64 integer argument registers after the implicit vmctx in x0.
const BUILTIN_ARGS: [u8; 7] = [1, 2, 3, 4, 5, 6, 7];

// One `ldp` reads an import record's code and vmctx, so they must be
// adjacent and in that order; the element size is the literal shift of
// `[x16, index, lsl #3]`.
const _: () = assert!(IMPORT_VMCTX == IMPORT_CODE + 8 && TABLE_ELEMENT_SIZE == 1 << 3);

impl A64Masm {
    /// x27 = the memory base of the instance whose vmctx is in x28.
    fn load_memory_base(&mut self) {
        a64!(self.asm ; ldr X(MEMBASE), [XSP(VMCTX), #MEMORY_BASE]);
    }

    /// Restore this function's vmctx and memory base after a call that may
    /// have switched instance.
    fn restore_instance(&mut self) {
        a64!(self.asm ; ldur x28, [x29, #VMCTX_SLOT_OFFSET]);
        self.load_memory_base();
    }

    pub(super) fn emit_call_import(&mut self, record: u32) {
        // x17 = &record; one `ldp` reads { code, vmctx }.
        self.add_imm(X17, VMCTX, record as i64);
        a64!(self.asm ; ldp x16, x28, [x17, #IMPORT_CODE as i32]);
        self.load_memory_base();
        a64!(self.asm ; blr x16);
        self.traps.record_return(self.asm.offset().0);
        self.restore_instance();
    }

    pub(super) fn emit_call_indirect(&mut self, table_offset: u32, type_id_offset: u32, index: u8) {
        let oob = self.trap_label(TrapCode::TableOutOfBounds);
        let null = self.trap_label(TrapCode::UninitializedElement);
        let mismatch = self.trap_label(TrapCode::IndirectCallTypeMismatch);
        // x16 = &TableDef; the index is a zero-extended i32, so a 64-bit
        // compare against the u64 length is the unsigned i32 check.
        self.load_vmctx(X16, table_offset);
        a64!(self.asm
            ; ldr x17, [x16, #TABLEDEF_LEN]
            ; cmp X(index), x17
        );
        self.branch(Cond::Hs, oob);
        // x16 = elements[index], the address of a FuncRef or 0.
        a64!(self.asm
            ; ldr x16, [x16, #TABLEDEF_ELEMENTS]
            ; ldr x16, [x16, X(index), lsl #3]
        );
        self.branch(Cond::Zero64(X16), null);
        a64!(self.asm ; ldr x17, [x16, #FUNCREF_CODE]);
        a64!(self.asm ; ldr w15, [x16, #FUNCREF_TYPE_ID]);
        // The expected id is the vmctx's, not an immediate: ids are
        // process-wide, so code that is loaded from an artifact must not
        // embed one. The index has been used up, so it can hold it.
        let expected = self.addr(VMCTX, type_id_offset as i64, 4, index);
        ldst!(self, ldr / ldur, W(index), expected);
        a64!(self.asm ; cmp W(X15), W(index));
        self.branch(Cond::Ne, mismatch);
        a64!(self.asm ; ldr x28, [x16, #FUNCREF_VMCTX]);
        self.load_memory_base();
        a64!(self.asm ; blr x17);
        self.traps.record_return(self.asm.offset().0);
        self.restore_instance();
    }

    pub(super) fn emit_call_builtin(&mut self, fn_offset: u32, args: &[BuiltinArg]) {
        assert!(
            args.len() <= BUILTIN_ARGS.len(),
            "too many builtin arguments"
        );
        // The one register argument moves first: its source may be another
        // argument register (or x0), which the other moves would clobber.
        // Immediates and frame addresses read no allocatable register.
        for (arg, &to) in args.iter().zip(&BUILTIN_ARGS) {
            if let BuiltinArg::Reg(r) = *arg {
                if r.hw != to {
                    a64!(self.asm ; mov X(to), X(r.hw));
                }
            }
        }
        for (arg, &to) in args.iter().zip(&BUILTIN_ARGS) {
            match *arg {
                BuiltinArg::Reg(_) => {}
                BuiltinArg::Imm(v) => self.load_imm(true, to, v),
                BuiltinArg::FrameAddr(off) => self.add_imm(to, FP, off as i64),
                BuiltinArg::OutgoingArea => self.add_imm(to, SP, 0),
                BuiltinArg::CallerVmctx => a64!(self.asm
                    ; ldr X(to), [x29]
                    ; ldur X(to), [X(to), #VMCTX_SLOT_OFFSET]
                ),
            }
        }
        self.load_vmctx(X16, fn_offset);
        a64!(self.asm
            ; mov x0, x28
            ; blr x16
        );
        self.traps.record_return(self.asm.offset().0);
        // The memory base is reloaded in case the builtin changed it
        // (memory.grow never moves it today, but nothing should depend on
        // that here).
        self.load_memory_base();
    }
}
