//! Typed calls in both directions: `TypedFunc<P, R>` calls wasm with Rust
//! values, and `IntoFunc` turns a Rust closure with typed parameters (and
//! optionally a `Caller` first) into a host function. Both are checked
//! against the function type once, up front.
//!
//! A typed call into wasm allocates nothing: the arguments are written
//! straight into a buffer on the host's stack, which is also where several
//! results come back, and a single result is read from the return
//! registers, as the calling convention leaves it.

use super::caller::Caller;
use super::externref::ExternRef;
use super::func::{Func, FuncTarget};
use super::host_func::HostFuncDef;
use super::refs::CallRoots;
use super::store::{AsContextMut, StoreOpaque};
use crate::error::{Error, Result};
use crate::masm::RegClass;
use crate::types::{FuncType, Val, ValType, V128};
use std::marker::PhantomData;
use std::sync::Arc;

/// A Rust type that is a wasm value type: `i32`, `u32`, `i64`, `u64`,
/// `f32`, `f64`, [`V128`] (or `u128`), `Option<Func>` (`funcref`) and
/// `Option<ExternRef>` (`externref`).
pub trait WasmTy: Sized + Send + 'static {
    /// The wasm type.
    const TY: ValType;
    /// As a dynamically typed value.
    fn into_val(self) -> Val;
    /// From a dynamically typed value of type [`WasmTy::TY`].
    fn from_val(v: Val) -> Self;
}

macro_rules! wasm_ty {
    ($t:ty, $vt:ident, $from:expr, $into:expr) => {
        impl WasmTy for $t {
            const TY: ValType = ValType::$vt;
            fn into_val(self) -> Val {
                ($into)(self)
            }
            fn from_val(v: Val) -> Self {
                ($from)(v)
            }
        }
    };
}

wasm_ty!(i32, I32, |v: Val| v.unwrap_i32(), Val::I32);
wasm_ty!(u32, I32, |v: Val| v.unwrap_i32() as u32, |x: u32| Val::I32(
    x as i32
));
wasm_ty!(i64, I64, |v: Val| v.unwrap_i64(), Val::I64);
wasm_ty!(u64, I64, |v: Val| v.unwrap_i64() as u64, |x: u64| Val::I64(
    x as i64
));
wasm_ty!(f32, F32, |v: Val| v.unwrap_f32(), Val::from_f32);
wasm_ty!(f64, F64, |v: Val| v.unwrap_f64(), Val::from_f64);
// A v128 as one integer, lane 0 in the lowest bits.
wasm_ty!(u128, V128, |v: Val| v.unwrap_v128(), Val::V128);
wasm_ty!(
    V128,
    V128,
    |v: Val| V128::from(v.unwrap_v128()),
    |x: V128| { Val::V128(x.as_u128()) }
);
wasm_ty!(
    Option<Func>,
    FuncRef,
    |v: Val| match v {
        Val::FuncRef(f) => f,
        _ => None,
    },
    Val::FuncRef
);
wasm_ty!(
    Option<ExternRef>,
    ExternRef,
    |v: Val| match v {
        Val::ExternRef(r) => r,
        _ => None,
    },
    Val::ExternRef
);

/// Where a typed call writes its arguments: the argument area, and the
/// store they must belong to.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub struct ArgSlots<'a> {
    store: &'a StoreOpaque,
    slots: &'a mut [u64],
    at: usize,
}

impl ArgSlots<'_> {
    /// Write one argument into its slots; references are checked to be of
    /// this store and rooted for the call.
    fn push<A: WasmTy>(&mut self, a: A) -> Result<()> {
        let v = a.into_val();
        v.check_store(self.store)?;
        CallRoots::root(&v);
        let bits = v.to_u128();
        self.slots[self.at] = bits as u64;
        if A::TY == ValType::V128 {
            self.slots[self.at + 1] = (bits >> 64) as u64;
        }
        self.at += A::TY.slots();
        Ok(())
    }
}

/// Read one of several results from the argument area.
fn read_at<A: WasmTy>(values: &[u64], at: &mut usize) -> A {
    let v = Val::read_slots(A::TY, &values[*at..]);
    *at += A::TY.slots();
    A::from_val(v)
}

/// Read a single result from the return registers.
fn read_single<A: WasmTy>(registers: &[u64; 3]) -> A {
    A::from_val(match RegClass::of(A::TY) {
        RegClass::Int => Val::from_bits(A::TY, registers[0]),
        RegClass::Float => Val::read_slots(A::TY, &registers[1..]),
    })
}

/// Parameter lists: `()`, a single value, or a tuple of up to 16.
pub trait WasmParams: Send {
    /// The parameter types.
    fn types() -> Vec<ValType>;
    /// As dynamically typed values.
    fn into_vals(self) -> Vec<Val>;
    #[doc(hidden)]
    fn write(self, out: &mut ArgSlots<'_>) -> Result<()>;
}

/// Result lists: `()`, a single value, or a tuple of up to 16.
pub trait WasmResults: Sized {
    /// The result types.
    fn types() -> Vec<ValType>;
    /// From dynamically typed values of [`WasmResults::types`].
    fn from_vals(vals: &[Val]) -> Self;
    /// Write into dynamically typed result slots.
    fn store(self, out: &mut [Val]);
    #[doc(hidden)]
    fn read(registers: &[u64; 3], values: &[u64]) -> Self;
}

impl<A: WasmTy> WasmParams for A {
    fn types() -> Vec<ValType> {
        vec![A::TY]
    }
    fn into_vals(self) -> Vec<Val> {
        vec![self.into_val()]
    }
    fn write(self, out: &mut ArgSlots<'_>) -> Result<()> {
        out.push(self)
    }
}

impl<A: WasmTy> WasmResults for A {
    fn types() -> Vec<ValType> {
        vec![A::TY]
    }
    fn from_vals(vals: &[Val]) -> Self {
        A::from_val(vals[0].clone())
    }
    fn store(self, out: &mut [Val]) {
        out[0] = self.into_val();
    }
    fn read(registers: &[u64; 3], _: &[u64]) -> Self {
        read_single(registers)
    }
}

/// Invoke the macro `$m` once per list of up to 16 parameter names, for
/// the traits implemented per tuple length.
macro_rules! for_each_arity {
    ($m:ident) => {
        $m!();
        $m!(A1);
        $m!(A1 A2);
        $m!(A1 A2 A3);
        $m!(A1 A2 A3 A4);
        $m!(A1 A2 A3 A4 A5);
        $m!(A1 A2 A3 A4 A5 A6);
        $m!(A1 A2 A3 A4 A5 A6 A7);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14 A15);
        $m!(A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14 A15 A16);
    };
}

macro_rules! tuples {
    ($($n:ident)*) => {
        #[allow(non_snake_case, unused_variables, unused_mut, clippy::unused_unit)]
        impl<$($n: WasmTy),*> WasmParams for ($($n,)*) {
            fn types() -> Vec<ValType> { vec![$($n::TY),*] }
            fn into_vals(self) -> Vec<Val> { let ($($n,)*) = self; vec![$($n.into_val()),*] }
            fn write(self, out: &mut ArgSlots<'_>) -> Result<()> {
                let ($($n,)*) = self;
                $(out.push($n)?;)*
                Ok(())
            }
        }

        #[allow(non_snake_case, unused_variables, unused_mut, clippy::unused_unit)]
        impl<$($n: WasmTy),*> WasmResults for ($($n,)*) {
            fn types() -> Vec<ValType> { vec![$($n::TY),*] }
            fn from_vals(vals: &[Val]) -> Self {
                let mut it = vals.iter();
                ($($n::from_val(it.next().expect("checked arity").clone()),)*)
            }
            fn store(self, out: &mut [Val]) {
                let ($($n,)*) = self;
                let mut it = out.iter_mut();
                $(*it.next().expect("checked arity") = $n.into_val();)*
            }
            fn read(registers: &[u64; 3], values: &[u64]) -> Self {
                // One result comes back in a register, several in the
                // argument area (the calling convention in `crate::masm`).
                let count = <[&str]>::len(&[$(stringify!($n)),*]);
                let mut at = 0;
                if count == 1 {
                    ($(read_single::<$n>(registers),)*)
                } else {
                    ($(read_at::<$n>(values, &mut at),)*)
                }
            }
        }
    };
}

for_each_arity!(tuples);

/// What a host closure may return: results ([`WasmResults`]), or a
/// `Result` of them with any error type.
pub trait WasmRet {
    /// The results.
    type Results: WasmResults;
    #[doc(hidden)]
    fn into_result(self) -> Result<Self::Results>;
}

impl<R: WasmResults> WasmRet for R {
    type Results = R;
    fn into_result(self) -> Result<R> {
        Ok(self)
    }
}

/// Any error type: the wasm that called traps, and the host that called
/// into wasm gets the error back (`Error::downcast_ref`).
impl<R: WasmResults, E: std::error::Error + Send + Sync + 'static> WasmRet
    for std::result::Result<R, E>
{
    type Results = R;
    fn into_result(self) -> Result<R> {
        self.map_err(Error::host)
    }
}

/// A function whose type was checked against `P -> R`. `Copy`: a handle
/// like [`Func`], to be called with the store.
pub struct TypedFunc<P, R> {
    func: Func,
    /// The argument slots a call needs (`masm::slots_for` of the type).
    slots: usize,
    _ty: PhantomData<fn(P) -> R>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P, R> Copy for TypedFunc<P, R> {}

impl<P, R> std::fmt::Debug for TypedFunc<P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedFunc")
            .field("func", &self.func)
            .finish()
    }
}

/// Argument areas up to this many slots live on the host's stack.
const INLINE_SLOTS: usize = 16;

impl<P: WasmParams, R: WasmResults> TypedFunc<P, R> {
    pub(crate) fn new(func: Func, actual: &FuncType) -> Result<Self> {
        let expected = FuncType::new(P::types(), R::types());
        if expected != *actual {
            return Err(Error::Usage(format!(
                "function of type {actual} used as {expected}"
            )));
        }
        Ok(TypedFunc {
            func,
            slots: crate::masm::slots_for(actual) as usize,
            _ty: PhantomData,
        })
    }

    /// Call the function.
    pub fn call(&self, mut store: impl AsContextMut, params: P) -> Result<R> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        if let FuncTarget::Host(_) = self.func.target(store)? {
            let mut results: Vec<Val> = R::types().into_iter().map(Val::default_for).collect();
            self.func
                .call_in(store, &params.into_vals(), &mut results)?;
            return Ok(R::from_vals(&results));
        }
        let mut inline = [0u64; INLINE_SLOTS];
        let mut heap = Vec::new();
        let values = if self.slots <= INLINE_SLOTS {
            &mut inline[..self.slots]
        } else {
            heap.resize(self.slots, 0);
            &mut heap[..]
        };
        let _roots = CallRoots::enter();
        params.write(&mut ArgSlots {
            store,
            slots: values,
            at: 0,
        })?;
        let registers = self.func.call_raw(store, values)?;
        Ok(R::read(&registers, values))
    }

    /// The function, untyped.
    pub fn func(&self) -> &Func {
        &self.func
    }
}

/// A host function definition, made from a closure by [`IntoFunc`].
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub struct HostDef(pub(crate) Arc<HostFuncDef>);

/// A Rust closure usable as a host function in stores of `T`: `Fn(A1, A2,
/// ...) -> R` or `Fn(Caller<'_, T>, A1, A2, ...) -> R`, with up to 16
/// [`WasmTy`] parameters and a [`WasmRet`] result.
pub trait IntoFunc<T, Params, Results>: Send + Sync + 'static {
    #[doc(hidden)]
    fn into_def(self) -> HostDef;
}

macro_rules! into_func {
    ($($n:ident)*) => {
        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<T: 'static, F, $($n: WasmTy,)* R: WasmRet> IntoFunc<T, (Caller<'_, T>, $($n,)*), R> for F
        where
            F: Fn(Caller<'_, T>, $($n),*) -> R + Send + Sync + 'static,
        {
            fn into_def(self) -> HostDef {
                let ty = FuncType::new(vec![$($n::TY),*], R::Results::types());
                HostDef(HostFuncDef::new::<T>(ty, move |caller: Caller<'_, T>, args, results| {
                    let mut it = args.iter();
                    $(let $n = $n::from_val(it.next().expect("checked arity").clone());)*
                    (self)(caller, $($n),*).into_result()?.store(results);
                    Ok(())
                }))
            }
        }

        /// A closure without the `Caller` is one that ignores it.
        #[allow(non_snake_case)]
        impl<T: 'static, F, $($n: WasmTy,)* R: WasmRet> IntoFunc<T, ($($n,)*), R> for F
        where
            F: Fn($($n),*) -> R + Send + Sync + 'static,
        {
            fn into_def(self) -> HostDef {
                let with_caller = move |_: Caller<'_, T>, $($n: $n),*| (self)($($n),*);
                IntoFunc::<T, (Caller<'_, T>, $($n,)*), R>::into_def(with_caller)
            }
        }
    };
}

for_each_arity!(into_func);
