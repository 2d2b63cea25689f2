//! The host-call stub: how wasm code calls a Rust closure.
//!
//! A host function looks like any other function to wasm: a `{ code, vmctx }`
//! pair. Its `code` is this one stub, shared by every host function; its
//! `vmctx` is a small context whose header has the same layout as an
//! instance's (see `api::host_func`). The stub passes the calling wasm
//! function's vmctx (so the closure can reach the caller's memory) and the
//! address of its incoming arguments — the caller's outgoing area, sized for
//! `max(params, results)` slots — to the `call_host` builtin, which runs the
//! closure and writes results back into the same slots. The stub then loads
//! slot 0 into both result registers (the caller reads the one its type
//! needs; slots 0 and 1 into the float one, for a v128), so a single stub
//! serves every signature.

use super::frame::Frame;
use crate::masm::{Assembled, BuiltinArg, CpuFeatures, MacroAssembler, Operand, FIRST_ARG_OFFSET};
use crate::runtime::vmctx;
use crate::trap::TrapCode;
use crate::types::ValType;

pub fn emit<M: MacroAssembler>() -> Assembled {
    // Shared by every engine, whatever its features: it uses none.
    let mut masm = M::new(CpuFeatures::minimum(M::TARGET));
    let entry = masm.new_label();
    masm.function_start(entry);
    let setup = masm.prologue(vmctx::STACK_LIMIT);
    masm.call_builtin(
        vmctx::BUILTIN_CALL_HOST,
        &[
            BuiltinArg::FrameAddr(FIRST_ARG_OFFSET),
            BuiltinArg::CallerVmctx,
        ],
    );
    let ok = masm.new_label();
    masm.branch_if(M::INT_RESULT, false, ok);
    masm.trap(TrapCode::HostError);
    masm.bind(ok);
    let slot0 = Operand::Frame(FIRST_ARG_OFFSET);
    masm.mov(ValType::I64, M::INT_RESULT, slot0);
    // All 128 bits, for a v128 result (the area holds two slots then; for
    // a narrower signature the upper half reads the caller's frame above
    // the area, harmlessly).
    masm.mov(ValType::V128, M::FLOAT_RESULT, slot0);
    masm.epilogue();
    masm.function_end();
    // The stub's frame holds nothing but the vmctx slot: no locals, no
    // spills, and the builtin call passes everything in registers.
    masm.patch_frame_size(setup, Frame::new(&[], &[], 0).size());
    // A fixed, tiny piece of code: its relocations always resolve.
    masm.finish().expect("host-call stub assembles")
}
