//! `Func`: a function, defined in wasm or by the host, callable from both.

use super::caller::Caller;
use super::instance::InstanceData;
use super::refs::CallRoots;
use crate::api::host_func::{host_stub, HostFunc};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::RegClass;
use crate::runtime::{activation, vmctx};
use crate::trap::Trap;
use crate::types::{FuncType, Val};
use std::rc::Rc;

#[derive(Clone)]
pub struct Func {
    pub(crate) kind: FuncKind,
}

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Func({})", self.func_type())
    }
}

#[derive(Clone)]
pub(crate) enum FuncKind {
    /// Defined function `index` (module-wide index) of an instance.
    Wasm {
        instance: Rc<InstanceData>,
        index: u32,
    },
    Host(Rc<HostFunc>),
}

impl Func {
    /// A host function with a dynamic signature.
    pub fn new(
        engine: &Engine,
        ty: FuncType,
        f: impl Fn(&[Val], &mut [Val]) -> Result<(), Trap> + 'static,
    ) -> Func {
        Func::new_with_caller(engine, ty, move |_, args, results| f(args, results))
    }

    /// A host function with a dynamic signature that can see its caller
    /// (for example to read and write the calling instance's memory).
    pub fn new_with_caller(
        engine: &Engine,
        ty: FuncType,
        f: impl Fn(&Caller<'_>, &[Val], &mut [Val]) -> Result<(), Trap> + 'static,
    ) -> Func {
        let sig_id = engine.signature_id(&ty);
        Func {
            kind: FuncKind::Host(HostFunc::new(ty, sig_id, Box::new(f))),
        }
    }

    /// A host function from a typed closure, e.g. `|a: i32, b: i32| a + b`.
    pub fn wrap<P, R>(engine: &Engine, f: impl super::typed::IntoFunc<P, R>) -> Func {
        f.into_func(engine)
    }

    pub fn ty(&self) -> FuncType {
        self.func_type().clone()
    }

    fn func_type(&self) -> &FuncType {
        match &self.kind {
            FuncKind::Wasm { instance, index } => instance.module.inner.func_type(*index),
            FuncKind::Host(h) => &h.ty,
        }
    }

    /// Call with dynamically typed arguments.
    pub fn call(&self, args: &[Val]) -> Result<Vec<Val>> {
        let ty = self.func_type();
        if args.len() != ty.params().len()
            || args.iter().zip(ty.params()).any(|(a, &t)| a.ty() != t)
        {
            let given: Vec<String> = args.iter().map(|a| a.ty().to_string()).collect();
            return Err(Error::Usage(format!(
                "function of type {ty} called with arguments ({})",
                given.join(" ")
            )));
        }
        match &self.kind {
            FuncKind::Host(h) => {
                let mut results: Vec<Val> =
                    ty.results().iter().map(|&t| Val::default_for(t)).collect();
                (h.callback)(&Caller::none(), args, &mut results)?;
                // The callback may store values of any type; the caller
                // (`TypedFunc` above all) relies on the declared ones. The
                // same error as when wasm calls it (`builtins::call_host`).
                if let Some((r, &t)) = results.iter().zip(ty.results()).find(|(r, &t)| r.ty() != t)
                {
                    return Err(Error::Trap(Trap::host(format!(
                        "host function returned {} for a result of type {t}",
                        r.ty()
                    ))));
                }
                Ok(results)
            }
            FuncKind::Wasm { instance, index } => {
                let slots = crate::masm::slots_for(ty) as usize;
                // References passed in stay alive for the call (wasm that
                // keeps one stores it in a table or global, which root it).
                let _roots = CallRoots::enter();
                args.iter().for_each(CallRoots::root);
                let mut values: Vec<u64> = Vec::with_capacity(slots);
                args.iter().for_each(|a| a.write_slots(&mut values));
                values.resize(slots, 0);
                let max_stack = instance.module.inner.engine.config().max_wasm_stack;
                let code = instance.module.inner.func_code(*index);
                // SAFETY: `code` is a function of this instance's module,
                // compiled for the signature just checked (`values` has a
                // slot for each parameter and result), and `vmctx` is the
                // instance's own, alive for the call (we hold the instance).
                let registers = unsafe {
                    activation::call_wasm(instance.vmctx_ptr(), code, &mut values, max_stack)
                }?;
                Ok(match ty.results() {
                    &[t] => match RegClass::of(t) {
                        RegClass::Int => vec![Val::from_bits(t, registers[0])],
                        RegClass::Float => vec![Val::read_slots(t, &registers[1..])],
                    },
                    results => {
                        let mut slot = 0;
                        results
                            .iter()
                            .map(|&t| {
                                let v = Val::read_slots(t, &values[slot..]);
                                slot += t.slots();
                                v
                            })
                            .collect()
                    }
                })
            }
        }
    }

    /// A typed view of this function; fails if the types differ.
    pub fn typed<P: super::typed::WasmParams, R: super::typed::WasmResults>(
        &self,
    ) -> Result<super::typed::TypedFunc<P, R>> {
        super::typed::TypedFunc::new(self.clone())
    }

    /// The raw reference JIT code calls through.
    pub(crate) fn func_ref(&self) -> vmctx::FuncRef {
        match &self.kind {
            FuncKind::Wasm { instance, index } => vmctx::FuncRef {
                code: instance.module.inner.func_code(*index),
                vmctx: instance.vmctx_ptr(),
                type_id: instance.module.inner.func_sig_id(*index),
                index: *index,
            },
            FuncKind::Host(h) => vmctx::FuncRef {
                code: host_stub(),
                vmctx: h.ctx_ptr(),
                type_id: h.sig_id,
                index: 0,
            },
        }
    }

    /// The `funcref` wasm sees: the address of this function's `FuncRef`,
    /// in its instance's vmctx or in the host function.
    pub(crate) fn to_raw(&self) -> u64 {
        match &self.kind {
            FuncKind::Wasm { instance, index } => {
                let offset = instance.module.inner.offsets.func_ref(*index);
                instance.vmctx_ptr() as u64 + offset as u64
            }
            FuncKind::Host(h) => h.func_ref_ptr() as u64,
        }
    }

    /// Whether two handles are the same function.
    pub fn ptr_eq(a: &Func, b: &Func) -> bool {
        a.to_raw() == b.to_raw()
    }

    /// Whether this is a function of the instance with this vmctx.
    pub(crate) fn belongs_to(&self, vmctx: *mut u8) -> bool {
        matches!(&self.kind, FuncKind::Wasm { instance, .. } if instance.vmctx_ptr() == vmctx)
    }

    /// The function behind a `funcref` (`None` for null).
    ///
    /// # Safety
    /// A nonzero `raw` must be the address of a live `FuncRef` record: one
    /// in the vmctx of a live instance, or of a live host function.
    pub(crate) unsafe fn from_raw(raw: u64) -> Option<Func> {
        if raw == 0 {
            return None;
        }
        // SAFETY: per the contract the record and the context it names are
        // alive, and the INSTANCE slot of that context points to the
        // `Rc`-managed `InstanceData` / `HostFunc` that owns it.
        unsafe {
            let r = &*(raw as *const vmctx::FuncRef);
            let back = *(r.vmctx.add(vmctx::INSTANCE as usize) as *const *const u8);
            if r.code == host_stub() {
                let p = back as *const HostFunc;
                Rc::increment_strong_count(p);
                Some(Func {
                    kind: FuncKind::Host(Rc::from_raw(p)),
                })
            } else {
                let p = back as *const InstanceData;
                Rc::increment_strong_count(p);
                Some(Func {
                    kind: FuncKind::Wasm {
                        instance: Rc::from_raw(p),
                        index: r.index,
                    },
                })
            }
        }
    }
}
