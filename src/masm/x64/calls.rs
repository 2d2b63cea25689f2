//! Calls: to imported functions, through tables, and to Rust builtins.
//!
//! Wasm-to-wasm calls use Flint's own convention (arguments in the caller's
//! outgoing area at `[rsp + 8*i]`, everything caller-saved), so a call is
//! just `call`. The work is in switching instances: an imported function or
//! a table element carries its own vmctx, which must be in r14 (with its
//! memory base in r15) while it runs. Afterwards ours is reloaded from the
//! frame slot `[rbp - 8]` (`VMCTX_SLOT_OFFSET`) rather than kept in a
//! callee-saved register, since the callee is free to use r14/r15 for its
//! own instance.
//!
//! Builtins are ordinary `extern "C"` Rust functions, called with the
//! System V ABI. rsp is 16-byte aligned at every call site by construction
//! of the frame, so nothing needs adjusting.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{disp8, X64Masm, MEMORY_BASE8, R8, R9, RCX, RDX, RSI, VMCTX_SLOT};
use crate::masm::BuiltinArg;
use crate::runtime::vmctx::{
    FUNCREF_CODE, FUNCREF_TYPE_ID, FUNCREF_VMCTX, IMPORT_CODE, IMPORT_VMCTX, TABLEDEF_ELEMENTS,
    TABLEDEF_LEN, TABLE_ELEMENT_SIZE,
};
use crate::trap::TrapCode;

/// System V integer argument registers after the implicit vmctx in rdi.
const BUILTIN_ARGS: [u8; 5] = [RSI, RDX, RCX, R8, R9];

// `call_indirect`'s loads, as disp8 displacements (see `disp8`).
const TABLE_LEN: i8 = disp8(TABLEDEF_LEN as i64);
const FUNC_TYPE_ID: i8 = disp8(FUNCREF_TYPE_ID as i64);
const FUNC_VMCTX: i8 = disp8(FUNCREF_VMCTX as i64);
// The fields read with no displacement at all (`[rax]`, one byte shorter
// than `[rax + 0]`), and the element size the SIB scale of `[rax + i*8]`
// spells as a literal.
const _: () = assert!(TABLEDEF_ELEMENTS == 0 && FUNCREF_CODE == 0 && TABLE_ELEMENT_SIZE == 8);

impl X64Masm {
    /// Restore this function's vmctx and memory base after a call that may
    /// have switched instance.
    fn restore_instance(&mut self) {
        dynasm!(self.asm
            ; mov r14, QWORD [BYTE rbp + VMCTX_SLOT]
            ; mov r15, QWORD [BYTE r14 + MEMORY_BASE8]
        );
    }

    pub(super) fn emit_call_import(&mut self, record: u32) {
        let code = (record + IMPORT_CODE) as i32;
        let vmctx = (record + IMPORT_VMCTX) as i32;
        dynasm_disp!(self, code ; mov rax, QWORD [r14 + code]);
        dynasm_disp!(self, vmctx ; mov r14, QWORD [r14 + vmctx]);
        dynasm!(self.asm
            ; mov r15, QWORD [BYTE r14 + MEMORY_BASE8]
            ; call rax
        );
        self.traps.record_return(self.asm.offset().0);
        self.restore_instance();
    }

    pub(super) fn emit_call_indirect(&mut self, table_offset: u32, type_id_offset: u32, index: u8) {
        let oob = self.trap_label(TrapCode::TableOutOfBounds);
        let null = self.trap_label(TrapCode::UninitializedElement);
        let mismatch = self.trap_label(TrapCode::IndirectCallTypeMismatch);
        // rax = &TableDef; the index is a zero-extended i32, so a 64-bit
        // compare against the u64 length is the unsigned i32 check.
        let table = table_offset as i32;
        dynasm_disp!(self, table ; mov rax, QWORD [r14 + table]);
        dynasm!(self.asm
            ; cmp Rq(index), QWORD [BYTE rax + TABLE_LEN]
            ; jae =>oob
            // rax = elements[index], the address of a FuncRef or 0.
            ; mov rax, QWORD [rax]
            ; mov rax, QWORD [rax + Rq(index) * 8]
            ; test rax, rax
            ; jz =>null
        );
        // The expected id is the vmctx's, not an immediate: ids are
        // process-wide, so code that is loaded from an artifact must not
        // embed one. The index has been used up, so it can hold it.
        let expected = type_id_offset as i32;
        dynasm_disp!(self, expected ; mov Rd(index), DWORD [r14 + expected]);
        dynasm!(self.asm
            ; cmp DWORD [BYTE rax + FUNC_TYPE_ID], Rd(index)
            ; jne =>mismatch
            ; mov r14, QWORD [BYTE rax + FUNC_VMCTX]
            ; mov r15, QWORD [BYTE r14 + MEMORY_BASE8]
            ; call QWORD [rax]
        );
        self.traps.record_return(self.asm.offset().0);
        self.restore_instance();
    }

    pub(super) fn emit_call_builtin(&mut self, fn_offset: u32, args: &[BuiltinArg]) {
        assert!(
            args.len() <= BUILTIN_ARGS.len(),
            "too many builtin arguments"
        );
        // The one register argument moves first: its source may be another
        // argument register (or rdi), which the other moves would clobber.
        // Immediates and frame addresses read no allocatable register.
        for (arg, &to) in args.iter().zip(&BUILTIN_ARGS) {
            if let BuiltinArg::Reg(r) = *arg {
                self.mov_int(true, to, r.hw);
            }
        }
        for (arg, &to) in args.iter().zip(&BUILTIN_ARGS) {
            match *arg {
                BuiltinArg::Reg(_) => {}
                BuiltinArg::Imm(v) => self.load_imm(true, to, v),
                BuiltinArg::FrameAddr(off) => {
                    dynasm_disp!(self, off ; lea Rq(to), [rbp + off])
                }
                BuiltinArg::OutgoingArea => dynasm!(self.asm ; mov Rq(to), rsp),
                BuiltinArg::CallerVmctx => dynasm!(self.asm
                    ; mov Rq(to), QWORD [rbp]
                    ; mov Rq(to), QWORD [BYTE Rq(to) + VMCTX_SLOT]
                ),
            }
        }
        let func = fn_offset as i32;
        dynasm!(self.asm ; mov rdi, r14);
        dynasm_disp!(self, func ; call QWORD [r14 + func]);
        self.traps.record_return(self.asm.offset().0);
        // r14 is callee-saved in System V; the memory base is reloaded in
        // case the builtin changed it (memory.grow never moves it today,
        // but nothing should depend on that here).
        dynasm!(self.asm ; mov r15, QWORD [BYTE r14 + MEMORY_BASE8]);
    }
}
