//! Host functions: Rust closures callable from wasm.
//!
//! A host function has two parts. Its definition, [`HostFuncDef`], is the
//! type and the closure; it knows no store, so one `Linker` (or
//! `InstancePre`) shares it, behind an `Arc`, with every store it
//! instantiates into. Its presence in a store, [`HostFuncData`], is what
//! wasm calls: to wasm a host function is a `{ code, vmctx }` pair like any
//! other. Its `code` is the shared host-call stub (`compiler::host_stub`),
//! compiled once per process; its `vmctx` is this function's own small
//! context, whose header matches an instance vmctx's layout where the stub
//! looks: the stack limit (the store's), the `call_host` builtin, and in
//! the `INSTANCE` slot a pointer back to the `HostFuncData`.
//!
//! The closure is stored type-erased: it takes the store as a raw
//! `*mut StoreOpaque`, and the generic wrapper made where `T` is known
//! ([`HostFuncDef::new`]) turns that back into the `Caller<'_, T>` the
//! user's closure expects.

use super::caller::Caller;
use super::instance::Instance;
use super::store::{StoreId, StoreInner, StoreOpaque};
use crate::api::builtins;
use crate::error::Result;
use crate::masm::NativeMasm;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::signals::{self, CodeRegistration};
use crate::runtime::vmctx;
use crate::types::{FuncType, Val};
use std::cell::Cell;
use std::sync::{Arc, OnceLock};

/// The cells of a host function's context: the vmctx header's prefix the
/// stub and `call_host` read.
const HOST_CONTEXT_CELLS: usize = vmctx::cell(vmctx::HOST_CONTEXT_SIZE);

/// A host closure with the store erased (see the module docs): the store,
/// the calling instance (none when the host calls it), the arguments, and
/// room for the results.
pub(crate) type HostCallback =
    dyn Fn(*mut StoreOpaque, Option<Instance>, &[Val], &mut [Val]) -> Result<()> + Send + Sync;

/// A host function's type and code, independent of any store.
pub(crate) struct HostFuncDef {
    pub ty: FuncType,
    /// The process-wide signature id of `ty` (`call_indirect`'s check),
    /// looked up once rather than at each instantiation.
    pub sig_id: u32,
    pub callback: Box<HostCallback>,
}

impl HostFuncDef {
    /// The definition of `f`, for stores whose host state is `T`.
    pub fn new<T: 'static>(
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Arc<HostFuncDef> {
        let callback = move |store: *mut StoreOpaque, caller, args: &[Val], results: &mut [Val]| {
            // SAFETY: a `HostFuncDef<T>` is only put in stores of `T`
            // (`Linker<T>`, `Func::new` on a store of `T`), so `store`, the
            // first field of a `StoreInner<T>` (`repr(C)`), points to one.
            // It is borrowed for this call: by the host's `Func::call`, or by
            // the wasm call in progress, which does not touch the store while
            // the host function runs.
            let inner = unsafe { &mut *(store as *mut StoreInner<T>) };
            f(Caller::new(inner, caller), args, results)
        };
        Arc::new(HostFuncDef {
            sig_id: crate::engine::signature_id(&ty),
            ty,
            callback: Box::new(callback),
        })
    }
}

/// A host function placed in a store.
pub(crate) struct HostFuncData {
    pub def: Arc<HostFuncDef>,
    /// The store it belongs to (read back from a `funcref`).
    pub store: StoreId,
    /// The context wasm calls this function with (see module docs).
    ctx: [Cell<u64>; HOST_CONTEXT_CELLS],
    /// What a `funcref` to this function points to.
    func_ref: vmctx::FuncRef,
}

impl HostFuncData {
    /// Put `def` in `store`; the address of its `FuncRef` (what a `Func`
    /// handle holds).
    pub fn new_in(store: &mut StoreOpaque, def: Arc<HostFuncDef>) -> usize {
        let sig_id = def.sig_id;
        let mut f = Box::new(HostFuncData {
            def,
            store: store.id,
            ctx: std::array::from_fn(|_| Cell::new(0)),
            func_ref: vmctx::FuncRef {
                code: host_stub(),
                vmctx: std::ptr::null_mut(),
                type_id: sig_id,
                index: 0,
            },
        });
        f.func_ref.vmctx = f.ctx.as_ptr() as *mut u8;
        let back = &*f as *const HostFuncData as u64;
        let word = |offset: u32| &f.ctx[vmctx::cell(offset)];
        word(vmctx::STACK_LIMIT).set(store.context.stack_limit.as_ptr() as u64);
        word(vmctx::BUILTIN_CALL_HOST).set(builtins::call_host as *const () as u64);
        word(vmctx::INSTANCE).set(back);
        let raw = f.func_ref_address();
        store.host_funcs.push(f);
        raw
    }
}

impl HostFuncData {
    /// The address of this function's `FuncRef` (what a `Func` holds).
    pub fn func_ref_address(&self) -> usize {
        &self.func_ref as *const vmctx::FuncRef as usize
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
        // No code map: backtraces leave the stub's frames out.
        let registration = signals::register_code(
            code.as_ptr() as usize,
            code.len(),
            assembled.trap_sites.into(),
            None,
        );
        Stub {
            code,
            _registration: registration,
        }
    });
    stub.code.as_ptr()
}
