//! Host functions: Rust closures callable from wasm.
//!
//! To wasm a host function is a `{ code, vmctx }` pair like any other. Its
//! `code` is the shared host-call stub (`compiler::host_stub`), compiled once
//! per process; its `vmctx` is this function's own small context, whose
//! header matches an instance vmctx's layout where the stub looks: the stack
//! limit, the memory base (none), the `call_host` builtin, and in the
//! `INSTANCE` slot a pointer back to the `HostFunc`.

use crate::api::builtins;
use crate::api::caller::Caller;
use crate::masm::{NativeMasm, TrapSite};
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::signals::{self, CodeRegistration};
use crate::runtime::{activation, vmctx};
use crate::trap::Trap;
use crate::types::{FuncType, Val};
use std::cell::Cell;
use std::sync::{Arc, OnceLock};

/// The cells of a host function's context: the vmctx header's prefix the
/// stub and `call_host` read.
const HOST_CONTEXT_CELLS: usize = vmctx::cell(vmctx::HOST_CONTEXT_SIZE);

pub(crate) type HostCallback = dyn Fn(&Caller<'_>, &[Val], &mut [Val]) -> Result<(), Trap>;

pub(crate) struct HostFunc {
    pub ty: FuncType,
    pub sig_id: u32,
    pub callback: Box<HostCallback>,
    /// The context wasm calls this function with (see module docs).
    ctx: Box<[Cell<u64>; HOST_CONTEXT_CELLS]>,
    /// What a `funcref` to this function points to.
    func_ref: vmctx::FuncRef,
}

impl HostFunc {
    pub fn new(ty: FuncType, sig_id: u32, callback: Box<HostCallback>) -> std::rc::Rc<HostFunc> {
        let ctx: Box<[Cell<u64>; HOST_CONTEXT_CELLS]> =
            Box::new(std::array::from_fn(|_| Cell::new(0)));
        let func_ref = vmctx::FuncRef {
            code: host_stub(),
            vmctx: ctx.as_ptr() as *mut u8,
            type_id: sig_id,
            index: 0,
        };
        let f = std::rc::Rc::new(HostFunc {
            ty,
            sig_id,
            callback,
            ctx,
            func_ref,
        });
        let word = |offset: u32| &f.ctx[vmctx::cell(offset)];
        word(vmctx::STACK_LIMIT).set(activation::stack_limit_ptr() as u64);
        word(vmctx::BUILTIN_CALL_HOST).set(builtins::call_host as *const () as u64);
        word(vmctx::INSTANCE).set(std::rc::Rc::as_ptr(&f) as u64);
        f
    }

    pub fn ctx_ptr(&self) -> *mut u8 {
        self.ctx.as_ptr() as *mut u8
    }

    pub fn func_ref_ptr(&self) -> *const vmctx::FuncRef {
        &self.func_ref
    }
}

struct Stub {
    // Unregistered before the code is unmapped (fields drop in order).
    _registration: CodeRegistration,
    code: CodeMemory,
}

/// The process-wide host-call stub.
pub(crate) fn host_stub() -> *const u8 {
    static STUB: OnceLock<Stub> = OnceLock::new();
    let stub = STUB.get_or_init(|| {
        let assembled = crate::compiler::host_stub::emit::<NativeMasm>();
        let code = CodeMemory::new(&assembled.code).expect("cannot map the host-call stub");
        let sites: Arc<[TrapSite]> = assembled.trap_sites.into();
        // No code map: backtraces leave the stub's frames out.
        let registration = signals::register_code(code.as_ptr() as usize, code.len(), sites, None);
        Stub {
            code,
            _registration: registration,
        }
    });
    stub.code.as_ptr()
}
