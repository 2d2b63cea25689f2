//! Typed calls in both directions: `TypedFunc<P, R>` calls wasm with Rust
//! values, and `IntoFunc` turns a Rust closure with typed parameters into a
//! host `Func`. Both are checked against the function type once, up front.

use super::func::Func;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::trap::Trap;
use crate::types::{FuncType, Val, ValType};
use std::marker::PhantomData;

/// A Rust type that is a wasm value type.
pub trait WasmTy: Copy + 'static {
    const TY: ValType;
    fn from_val(v: Val) -> Self;
    fn into_val(self) -> Val;
}

macro_rules! wasm_ty {
    ($t:ty, $vt:ident, $from:expr, $into:expr) => {
        impl WasmTy for $t {
            const TY: ValType = ValType::$vt;
            fn from_val(v: Val) -> Self {
                ($from)(v)
            }
            fn into_val(self) -> Val {
                ($into)(self)
            }
        }
    };
}
wasm_ty!(i32, I32, |v: Val| v.unwrap_i32(), Val::I32);
wasm_ty!(i64, I64, |v: Val| v.unwrap_i64(), Val::I64);
wasm_ty!(f32, F32, |v: Val| v.unwrap_f32(), Val::from_f32);
wasm_ty!(f64, F64, |v: Val| v.unwrap_f64(), Val::from_f64);
// A v128 as one integer, lane 0 in the lowest bits.
wasm_ty!(u128, V128, |v: Val| v.unwrap_v128(), Val::V128);

/// Parameter lists: `()`, a single value, or a tuple.
pub trait WasmParams {
    fn types() -> Vec<ValType>;
    fn into_vals(self) -> Vec<Val>;
}

/// Result lists: `()`, a single value, or a tuple; host closures may also
/// return `Result<_, Trap>`.
pub trait WasmResults {
    fn types() -> Vec<ValType>;
    fn from_vals(vals: &[Val]) -> Self;
    /// Write host results, or report the host's trap.
    fn store(self, out: &mut [Val]) -> Result<(), Trap>;
}

macro_rules! tuples {
    ($($n:ident)*) => {
        #[allow(non_snake_case, unused_variables, unused_mut, clippy::unused_unit)]
        impl<$($n: WasmTy),*> WasmParams for ($($n,)*) {
            fn types() -> Vec<ValType> { vec![$($n::TY),*] }
            fn into_vals(self) -> Vec<Val> { let ($($n,)*) = self; vec![$($n.into_val()),*] }
        }
        #[allow(non_snake_case, unused_variables, unused_mut, clippy::unused_unit)]
        impl<$($n: WasmTy),*> WasmResults for ($($n,)*) {
            fn types() -> Vec<ValType> { vec![$($n::TY),*] }
            fn from_vals(vals: &[Val]) -> Self {
                let mut it = vals.iter();
                ($($n::from_val(it.next().expect("checked arity").clone()),)*)
            }
            fn store(self, out: &mut [Val]) -> Result<(), Trap> {
                let ($($n,)*) = self;
                let mut it = out.iter_mut();
                $(*it.next().expect("checked arity") = $n.into_val();)*
                Ok(())
            }
        }
    };
}
tuples!();
tuples!(A);
tuples!(A B);
tuples!(A B C);
tuples!(A B C D);
tuples!(A B C D E);
tuples!(A B C D E F);
tuples!(A B C D E F G);
tuples!(A B C D E F G H);

macro_rules! single {
    ($($t:ty)*) => {$(
        impl WasmParams for $t {
            fn types() -> Vec<ValType> { vec![<$t as WasmTy>::TY] }
            fn into_vals(self) -> Vec<Val> { vec![self.into_val()] }
        }
        impl WasmResults for $t {
            fn types() -> Vec<ValType> { vec![<$t as WasmTy>::TY] }
            fn from_vals(vals: &[Val]) -> Self { <$t as WasmTy>::from_val(vals[0].clone()) }
            fn store(self, out: &mut [Val]) -> Result<(), Trap> { out[0] = self.into_val(); Ok(()) }
        }
        impl WasmResults for Result<$t, Trap> {
            fn types() -> Vec<ValType> { vec![<$t as WasmTy>::TY] }
            fn from_vals(vals: &[Val]) -> Self { Ok(<$t as WasmTy>::from_val(vals[0].clone())) }
            fn store(self, out: &mut [Val]) -> Result<(), Trap> { self?.store(out) }
        }
    )*};
}
single!(i32 i64 f32 f64 u128);

impl WasmResults for Result<(), Trap> {
    fn types() -> Vec<ValType> {
        Vec::new()
    }
    fn from_vals(_: &[Val]) -> Self {
        Ok(())
    }
    fn store(self, _: &mut [Val]) -> Result<(), Trap> {
        self
    }
}

/// A function whose type was checked against `P -> R`.
pub struct TypedFunc<P, R> {
    func: Func,
    _ty: PhantomData<fn(P) -> R>,
}

impl<P: WasmParams, R: WasmResults> TypedFunc<P, R> {
    pub(crate) fn new(func: Func) -> Result<Self> {
        let expected = FuncType::new(P::types(), R::types());
        let actual = func.ty();
        if expected != actual {
            return Err(Error::Usage(format!(
                "function of type {actual} used as {expected}"
            )));
        }
        Ok(TypedFunc {
            func,
            _ty: PhantomData,
        })
    }

    pub fn call(&self, params: P) -> Result<R> {
        let results = self.func.call(&params.into_vals())?;
        Ok(R::from_vals(&results))
    }

    pub fn func(&self) -> &Func {
        &self.func
    }
}

/// A Rust closure usable as a host function.
pub trait IntoFunc<P, R> {
    fn into_func(self, engine: &Engine) -> Func;
}

macro_rules! into_func {
    ($($n:ident)*) => {
        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<Func_, $($n: WasmTy,)* R: WasmResults> IntoFunc<($($n,)*), R> for Func_
        where
            Func_: Fn($($n),*) -> R + 'static,
        {
            fn into_func(self, engine: &Engine) -> Func {
                let ty = FuncType::new(vec![$($n::TY),*], R::types());
                Func::new(engine, ty, move |args, results| {
                    let mut it = args.iter();
                    $(let $n = $n::from_val(it.next().expect("checked arity").clone());)*
                    (self)($($n),*).store(results)
                })
            }
        }
    };
}
into_func!();
into_func!(A);
into_func!(A B);
into_func!(A B C);
into_func!(A B C D);
into_func!(A B C D E);
into_func!(A B C D E F);
into_func!(A B C D E F G);
into_func!(A B C D E F G H);
