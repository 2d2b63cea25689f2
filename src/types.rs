//! WebAssembly value types, function types and runtime values as the
//! embedding API sees them.
//!
//! These mirror the spec's `valtype`, `functype` and `val`; they are kept
//! separate from wasmparser's types so the public API does not leak the
//! parser's version.

use crate::api::externref::ExternRef;
use crate::api::func::Func;
use std::fmt;

/// A value type (spec §2.3.4): the four numeric types, the vector type and
/// the two reference types of WebAssembly 2.0.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ValType {
    /// 32-bit integer.
    I32,
    /// 64-bit integer.
    I64,
    /// 32-bit IEEE float.
    F32,
    /// 64-bit IEEE float.
    F64,
    /// A 128-bit vector (the SIMD proposal, part of WebAssembly 2.0).
    V128,
    /// A reference to a function, or null.
    FuncRef,
    /// An opaque reference from the host, or null.
    ExternRef,
}

impl ValType {
    /// The one-element list of this type (a block type with one result),
    /// without allocating.
    pub(crate) fn as_slice(self) -> &'static [ValType] {
        use ValType::*;
        match self {
            I32 => &[I32],
            I64 => &[I64],
            F32 => &[F32],
            F64 => &[F64],
            V128 => &[V128],
            FuncRef => &[FuncRef],
            ExternRef => &[ExternRef],
        }
    }

    /// Whether values of this type live in floating-point registers.
    pub fn is_float(self) -> bool {
        matches!(self, ValType::F32 | ValType::F64)
    }

    /// Whether this is a 64-bit type (references are pointers). Only
    /// meaningful for the scalar types.
    pub fn is_64(self) -> bool {
        !matches!(self, ValType::I32 | ValType::F32)
    }

    /// How many 8-byte slots a value of this type fills in a frame, an
    /// argument area or a values buffer: 2 for a v128, 1 for the rest.
    pub fn slots(self) -> usize {
        if self == ValType::V128 {
            2
        } else {
            1
        }
    }

    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        matches!(self, ValType::FuncRef | ValType::ExternRef)
    }

    pub(crate) fn from_wasmparser(ty: wasmparser::ValType) -> Option<ValType> {
        match ty {
            wasmparser::ValType::I32 => Some(ValType::I32),
            wasmparser::ValType::I64 => Some(ValType::I64),
            wasmparser::ValType::F32 => Some(ValType::F32),
            wasmparser::ValType::F64 => Some(ValType::F64),
            wasmparser::ValType::V128 => Some(ValType::V128),
            wasmparser::ValType::Ref(r) => ValType::from_ref_type(r),
        }
    }

    pub(crate) fn from_ref_type(r: wasmparser::RefType) -> Option<ValType> {
        if r == wasmparser::RefType::FUNCREF {
            Some(ValType::FuncRef)
        } else if r == wasmparser::RefType::EXTERNREF {
            Some(ValType::ExternRef)
        } else {
            None
        }
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::V128 => "v128",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        })
    }
}

/// A 128-bit vector value, lane 0 in the least significant bits (the
/// typed-call form of `v128`; `Val::V128` holds the same bits).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct V128(u128);

impl V128 {
    /// The vector's bits.
    pub fn as_u128(self) -> u128 {
        self.0
    }
}

impl From<u128> for V128 {
    fn from(bits: u128) -> V128 {
        V128(bits)
    }
}

impl From<V128> for u128 {
    fn from(v: V128) -> u128 {
        v.0
    }
}

/// A function type: parameters and results.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncType {
    params: Box<[ValType]>,
    results: Box<[ValType]>,
}

impl FuncType {
    /// The type `params -> results`.
    pub fn new(
        params: impl IntoIterator<Item = ValType>,
        results: impl IntoIterator<Item = ValType>,
    ) -> FuncType {
        FuncType {
            params: params.into_iter().collect(),
            results: results.into_iter().collect(),
        }
    }

    /// The parameter types.
    pub fn params(&self) -> &[ValType] {
        &self.params
    }

    /// The result types.
    pub fn results(&self) -> &[ValType] {
        &self.results
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, tys: &[ValType]| -> fmt::Result {
            for (i, t) in tys.iter().enumerate() {
                if i > 0 {
                    f.write_str(" ")?;
                }
                write!(f, "{t}")?;
            }
            Ok(())
        };
        f.write_str("(func (param ")?;
        list(f, &self.params)?;
        f.write_str(") (result ")?;
        list(f, &self.results)?;
        f.write_str("))")
    }
}

/// A runtime value. Floats are carried as raw bits so NaN payloads survive
/// the round trip through the API unchanged (the spec tests check them).
/// References compare by identity.
#[derive(Clone, Debug)]
pub enum Val {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// The bits of an `f32`.
    F32(u32),
    /// The bits of an `f64`.
    F64(u64),
    /// A vector's 128 bits; lane 0 is the least significant.
    V128(u128),
    /// A function reference (`None` is null).
    FuncRef(Option<Func>),
    /// A host reference (`None` is null).
    ExternRef(Option<ExternRef>),
}

impl PartialEq for Val {
    fn eq(&self, other: &Val) -> bool {
        match (self, other) {
            (Val::I32(a), Val::I32(b)) => a == b,
            (Val::I64(a), Val::I64(b)) => a == b,
            (Val::F32(a), Val::F32(b)) => a == b,
            (Val::F64(a), Val::F64(b)) => a == b,
            (Val::V128(a), Val::V128(b)) => a == b,
            (Val::FuncRef(a), Val::FuncRef(b)) => match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
            (Val::ExternRef(a), Val::ExternRef(b)) => match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => ExternRef::ptr_eq(a, b),
                _ => false,
            },
            _ => false,
        }
    }
}

impl Val {
    /// The value's type.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::V128(_) => ValType::V128,
            Val::FuncRef(_) => ValType::FuncRef,
            Val::ExternRef(_) => ValType::ExternRef,
        }
    }

    /// The zero value of a type (the initial value of locals, spec §4.4.8):
    /// null for references.
    pub fn default_for(ty: ValType) -> Val {
        match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::V128 => Val::V128(0),
            ValType::FuncRef => Val::FuncRef(None),
            ValType::ExternRef => Val::ExternRef(None),
        }
    }

    /// An `f32` value.
    pub fn from_f32(v: f32) -> Val {
        Val::F32(v.to_bits())
    }

    /// An `f64` value.
    pub fn from_f64(v: f64) -> Val {
        Val::F64(v.to_bits())
    }

    /// The `i32`; panics on another type.
    pub fn unwrap_i32(&self) -> i32 {
        match self {
            Val::I32(v) => *v,
            other => panic!("expected i32, found {other:?}"),
        }
    }

    /// The `i64`; panics on another type.
    pub fn unwrap_i64(&self) -> i64 {
        match self {
            Val::I64(v) => *v,
            other => panic!("expected i64, found {other:?}"),
        }
    }

    /// The `f32`; panics on another type.
    pub fn unwrap_f32(&self) -> f32 {
        match self {
            Val::F32(v) => f32::from_bits(*v),
            other => panic!("expected f32, found {other:?}"),
        }
    }

    /// The `f64`; panics on another type.
    pub fn unwrap_f64(&self) -> f64 {
        match self {
            Val::F64(v) => f64::from_bits(*v),
            other => panic!("expected f64, found {other:?}"),
        }
    }

    /// The `v128`'s bits; panics on another type.
    pub fn unwrap_v128(&self) -> u128 {
        match self {
            Val::V128(v) => *v,
            other => panic!("expected v128, found {other:?}"),
        }
    }

    /// The value as the 64-bit slot JIT code and the runtime exchange:
    /// 32-bit values are zero-extended, a reference is its pointer (0 for
    /// null), a v128 gives its low half (use [`Val::write_slots`] for a
    /// value of any type). Whoever hands a reference to wasm must also keep
    /// it alive (see `api::refs`).
    pub(crate) fn to_bits(&self) -> u64 {
        self.to_u128() as u64
    }

    /// All the value's bits (see [`Val::to_bits`]).
    pub(crate) fn to_u128(&self) -> u128 {
        match self {
            Val::I32(v) => *v as u32 as u128,
            Val::I64(v) => *v as u64 as u128,
            Val::F32(v) => *v as u128,
            Val::F64(v) => *v as u128,
            Val::V128(v) => *v,
            Val::FuncRef(f) => f.as_ref().map_or(0, |f| f.to_raw()) as u128,
            Val::ExternRef(r) => r.as_ref().map_or(0, |r| r.to_raw()) as u128,
        }
    }

    /// Fails if the value is a function of another store than `store`
    /// (wasm must never see a reference into a store it does not run in).
    pub(crate) fn check_store(&self, store: &crate::api::store::StoreOpaque) -> crate::Result<()> {
        match self {
            Val::FuncRef(Some(f)) => store.check(f.store, "Func"),
            _ => Ok(()),
        }
    }

    /// Append the value's [`ValType::slots`] 8-byte slots, low half first.
    pub(crate) fn write_slots(&self, out: &mut Vec<u64>) {
        let bits = self.to_u128();
        out.push(bits as u64);
        if self.ty() == ValType::V128 {
            out.push((bits >> 64) as u64);
        }
    }

    /// The value of type `ty` whose slots start at `slots[0]` (the inverse
    /// of [`Val::write_slots`]; same contract as [`Val::from_bits`]).
    pub(crate) fn read_slots(ty: ValType, slots: &[u64]) -> Val {
        let high = if ty == ValType::V128 { slots[1] } else { 0 };
        Val::from_u128(ty, (high as u128) << 64 | slots[0] as u128)
    }

    /// The inverse of [`Val::to_bits`]. A reference must come from wasm
    /// code or the runtime, which only ever hold live references.
    pub(crate) fn from_bits(ty: ValType, bits: u64) -> Val {
        Val::from_u128(ty, bits as u128)
    }

    /// The inverse of [`Val::to_u128`], with [`Val::from_bits`]' contract.
    pub(crate) fn from_u128(ty: ValType, bits: u128) -> Val {
        let low = bits as u64;
        match ty {
            ValType::I32 => Val::I32(low as u32 as i32),
            ValType::I64 => Val::I64(low as i64),
            ValType::F32 => Val::F32(low as u32),
            ValType::F64 => Val::F64(low),
            ValType::V128 => Val::V128(bits),
            // SAFETY: per the contract, a nonzero reference points to a live
            // function record / host reference that something keeps alive.
            ValType::FuncRef => Val::FuncRef(unsafe { Func::from_raw(low) }),
            // SAFETY: as above.
            ValType::ExternRef => Val::ExternRef(unsafe { ExternRef::from_raw(low) }),
        }
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::I32(v) => write!(f, "{v}"),
            Val::I64(v) => write!(f, "{v}"),
            Val::F32(v) => write!(f, "{}", f32::from_bits(*v)),
            Val::F64(v) => write!(f, "{}", f64::from_bits(*v)),
            Val::V128(v) => write!(f, "{v:#034x}"),
            Val::FuncRef(None) | Val::ExternRef(None) => f.write_str("null"),
            Val::FuncRef(Some(_)) => f.write_str("funcref"),
            Val::ExternRef(Some(_)) => f.write_str("externref"),
        }
    }
}

impl From<i32> for Val {
    fn from(v: i32) -> Val {
        Val::I32(v)
    }
}
impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::I64(v)
    }
}
impl From<f32> for Val {
    fn from(v: f32) -> Val {
        Val::from_f32(v)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::from_f64(v)
    }
}
impl From<u128> for Val {
    fn from(v: u128) -> Val {
        Val::V128(v)
    }
}

/// The type of a global: its value type and whether it is mutable.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GlobalType {
    /// The value type.
    pub content: ValType,
    /// Whether `global.set` may change it.
    pub mutable: bool,
}

/// The type of a linear memory: its index type and limits in 64 KiB
/// pages. Limits are `u64` because a 64-bit memory (memory64) may declare
/// up to 2^48 pages; a 32-bit memory's are at most 65536.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MemoryType {
    /// The minimum (initial) size in 64 KiB pages.
    pub min: u64,
    /// The maximum size in pages, if any.
    pub max: Option<u64>,
    /// Whether addresses are `i64` (memory64) rather than `i32`: loads,
    /// stores and the bulk operators take i64 addresses, `memory.size`
    /// and `memory.grow` i64 page counts. Such a memory is always
    /// bounds-checked in code, as no guard region covers a 64-bit index.
    pub memory64: bool,
}

impl MemoryType {
    /// The most pages a 32-bit memory may declare: 4 GiB.
    pub const MAX_PAGES32: u64 = 1 << 16;
    /// The most pages a 64-bit memory may declare: 2^64 bytes.
    pub const MAX_PAGES64: u64 = 1 << 48;

    /// A 32-bit memory of `min` pages, with an optional maximum.
    pub fn new(min: u32, max: Option<u32>) -> MemoryType {
        MemoryType {
            min: min.into(),
            max: max.map(u64::from),
            memory64: false,
        }
    }

    /// A 64-bit memory (memory64) of `min` pages, with an optional
    /// maximum.
    pub fn new64(min: u64, max: Option<u64>) -> MemoryType {
        MemoryType {
            min,
            max,
            memory64: true,
        }
    }

    /// The most pages a memory of this index type may declare.
    pub fn max_pages(&self) -> u64 {
        if self.memory64 {
            MemoryType::MAX_PAGES64
        } else {
            MemoryType::MAX_PAGES32
        }
    }

    /// Whether the limits are valid for the index type: both within
    /// [`Self::max_pages`], and the minimum at most the maximum.
    pub fn is_valid(&self) -> bool {
        let limit = self.max_pages();
        self.min <= limit && self.max.is_none_or(|m| m <= limit && m >= self.min)
    }
}

/// The type of a table: its element (reference) type and limits in
/// elements.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TableType {
    /// The reference type of the elements.
    pub element: ValType,
    /// The minimum (initial) size in elements.
    pub min: u32,
    /// The maximum size in elements, if any.
    pub max: Option<u32>,
}

/// The type of anything a module imports or exports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternType {
    /// A function of this type.
    Func(FuncType),
    /// A global of this type.
    Global(GlobalType),
    /// A memory of this type.
    Memory(MemoryType),
    /// A table of this type.
    Table(TableType),
}

impl ExternType {
    /// The kind's name, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "function",
            ExternType::Global(_) => "global",
            ExternType::Memory(_) => "memory",
            ExternType::Table(_) => "table",
        }
    }
}

/// One import of a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportType {
    /// The module name it is imported from.
    pub module: String,
    /// The item's name in that module.
    pub name: String,
    /// What is imported.
    pub ty: ExternType,
}

/// One export of a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportType {
    /// The export's name.
    pub name: String,
    /// What is exported.
    pub ty: ExternType,
}

/// Limits subtyping (spec §4.5.3.7): an import with limits `actual` may
/// satisfy a declaration with limits `declared`.
pub(crate) fn limits_match<T: Ord>(actual: (T, Option<T>), declared: (T, Option<T>)) -> bool {
    actual.0 >= declared.0
        && match (actual.1, declared.1) {
            (_, None) => true,
            (Some(a), Some(d)) => a <= d,
            (None, Some(_)) => false,
        }
}
