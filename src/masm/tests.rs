//! Execution tests for the native backend (`NativeMasm`): each test
//! assembles small functions through the `MacroAssembler` seam only, runs
//! them, and compares with Rust's reference semantics. Nothing here names an
//! ISA: registers are picked from the backend's allocatable lists and result
//! registers, so the same tests hold every backend to the contract.
//!
//! The code runs through the real runtime path: it is mapped by
//! `CodeMemory`, its trap sites are registered with the signal handler, and
//! it is entered through the real entry trampoline (`activation::call_wasm`).
//! Around it sits only a fake vmctx and a one-page linear memory followed by
//! a guard page. That way the trap paths (checks, boundaries, exact
//! trap-site offsets) are executed, not just inspected: a fault at an offset
//! that is not a recorded trap site is not turned into a trap at all.
//!
//! Byte-level checks of one backend's encodings live with that backend.

use super::*;
use crate::runtime::activation::call_wasm;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::mmap::{Mmap, Protection};
use crate::runtime::signals::{self, CodeRegistration};
use crate::runtime::vmctx::{
    cell, FuncRef, MemoryDef, TableDef, HEADER_SIZE, MEMORY, MEMORY_BASE, STACK_LIMIT,
};
use std::cell::Cell;

/// The backend under test: whichever one Flint runs on.
pub(super) type M = crate::masm::NativeMasm;

// ---- Harness -------------------------------------------------------------

/// Frame size used by every test function: room for locals from
/// [`LOCAL_0`] down and an 8-slot outgoing area at `[sp]`.
const FRAME: u32 = 128;
/// The first frame slot free for a function's own use: the one below the
/// vmctx slot.
pub(super) const LOCAL_0: i32 = VMCTX_SLOT_OFFSET - 8;
pub(super) const PAGE: usize = 65536;
/// Argument slots every test call passes (unused ones are zero).
const ARG_SLOTS: usize = 8;

/// Compiled test code, executable and registered with the trap handler.
pub(super) struct Jit {
    // Unregistered before the code is unmapped (fields drop in order).
    _registration: CodeRegistration,
    code: CodeMemory,
    sites: Vec<TrapSite>,
}

impl Jit {
    fn new(asm: Assembled) -> Jit {
        let code = CodeMemory::new(&asm.code).unwrap();
        let registration = signals::register_code(
            code.as_ptr() as usize,
            code.len(),
            asm.trap_sites.clone().into(),
            None,
        );
        Jit {
            code,
            sites: asm.trap_sites,
            _registration: registration,
        }
    }

    /// Run the function at `entry` with the given argument slots; returns
    /// the integer and float result registers.
    pub(super) fn call(
        &self,
        env: &mut Env,
        entry: usize,
        args: &[u64],
    ) -> Result<[u64; 2], TrapCode> {
        let mut values = [0u64; ARG_SLOTS];
        values[..args.len()].copy_from_slice(args);
        // SAFETY: `entry` is a function emitted by the test with the wasm
        // convention, and `env` provides every vmctx field it reads.
        let result = unsafe {
            call_wasm(
                env.vmctx.as_mut_ptr() as *mut u8,
                self.code.as_ptr().add(entry),
                &mut values,
                1 << 20,
                &env.stack_limit,
            )
        };
        result.map(|r| [r[0], r[1]]).map_err(|trap| trap.code)
    }
}

/// A fake instance: vmctx, stack limit, one page of memory + a guard page.
pub(super) struct Env {
    vmctx: Vec<u64>,
    /// The store's stack-limit cell that `call_wasm` writes at each entry
    /// and the vmctx's `STACK_LIMIT` slot points to. Boxed: its address is
    /// in the vmctx.
    stack_limit: Box<Cell<usize>>,
    /// One read/write page, then a guard page.
    map: Mmap,
    _memdef: Box<MemoryDef>,
}

/// Free vmctx slots for tests (byte offsets), past the fixed header.
const SLOT_A: u32 = HEADER_SIZE;
const SLOT_B: u32 = SLOT_A + 8;
const SLOT_C: u32 = SLOT_B + 8;
const SLOT_D: u32 = SLOT_C + 8;

impl Env {
    pub(super) fn new() -> Env {
        let map = Mmap::anonymous(2 * PAGE, Protection::ReadWrite).unwrap();
        // SAFETY: nothing uses the fresh mapping yet.
        unsafe { map.protect(PAGE..2 * PAGE, Protection::None).unwrap() };
        let memdef = Box::new(MemoryDef {
            base: map.as_ptr(),
            length: PAGE as u64,
        });
        let stack_limit = Box::new(Cell::new(usize::MAX));
        let mut vmctx = vec![0u64; cell(SLOT_D) + 1];
        vmctx[(STACK_LIMIT / 8) as usize] = stack_limit.as_ptr() as u64;
        vmctx[(MEMORY_BASE / 8) as usize] = map.as_ptr() as u64;
        vmctx[(MEMORY / 8) as usize] = &*memdef as *const MemoryDef as u64;
        Env {
            vmctx,
            stack_limit,
            map,
            _memdef: memdef,
        }
    }

    /// The accessible page of linear memory.
    pub(super) fn mem(&mut self) -> &mut [u8] {
        // SAFETY: the first PAGE bytes of the mapping are read/write and
        // owned by `self`, which the borrow keeps alive.
        unsafe { std::slice::from_raw_parts_mut(self.map.as_ptr(), PAGE) }
    }

    fn set(&mut self, offset: u32, v: u64) {
        self.vmctx[cell(offset)] = v;
    }
}

/// Assemble a module; `build` emits functions with [`func`] and returns
/// the entry offset of the one to call.
fn module(build: impl FnOnce(&mut M) -> usize) -> (Jit, usize) {
    module_with(M::new(CpuFeatures::host().into()), build)
}

/// [`module`] with an assembler configured by the test.
fn module_with(mut m: M, build: impl FnOnce(&mut M) -> usize) -> (Jit, usize) {
    let entry = build(&mut m);
    (Jit::new(m.finish().unwrap()), entry)
}

/// Emit one function around `body`; returns its entry offset.
fn func(m: &mut M, label: Label, body: impl FnOnce(&mut M)) -> usize {
    let entry = m.function_start(label);
    let setup = m.prologue(STACK_LIMIT);
    body(m);
    m.epilogue();
    m.function_end();
    m.patch_frame_size(setup, FRAME);
    entry
}

/// A module with a single function.
pub(super) fn single(body: impl FnOnce(&mut M)) -> (Jit, usize) {
    single_for(CpuFeatures::host(), body)
}

/// [`single`], compiled for at most `features` of the host's.
pub(super) fn single_for(features: CpuFeatures, body: impl FnOnce(&mut M)) -> (Jit, usize) {
    single_with(features.into(), body)
}

/// [`single`], compiled with `options` (their features narrowed to the
/// host's).
pub(super) fn single_with(mut options: CodegenOptions, body: impl FnOnce(&mut M)) -> (Jit, usize) {
    options.features = options.features.intersection(CpuFeatures::host());
    module_with(M::new(options), |m| {
        let l = m.new_function_label();
        func(m, l, body)
    })
}

/// The CPU feature sets every lowering with a fallback is tested under:
/// all the host has, and the floor (every fallback taken).
pub(super) fn feature_sets() -> [CpuFeatures; 2] {
    [CpuFeatures::host(), CpuFeatures::minimum(M::TARGET)]
}

pub(super) fn run(jit: &(Jit, usize), args: &[u64]) -> Result<[u64; 2], TrapCode> {
    jit.0.call(&mut Env::new(), jit.1, args)
}

/// Frame operand of parameter `i`.
pub(super) fn param(i: i32) -> Operand {
    Operand::Frame(FIRST_ARG_OFFSET + 8 * i)
}

/// The `k`-th allocatable integer register. Every backend has at least 8,
/// so `k < 8`; higher indices are the registers the allocator reaches for
/// last, which on some ISAs need extra encoding bits (x64's REX prefixes).
#[allow(non_snake_case)]
pub(super) fn I(k: usize) -> Reg {
    M::INT_REGS[k]
}

/// The `k`-th allocatable float register; every backend has at least 14.
#[allow(non_snake_case)]
pub(super) fn F(k: usize) -> Reg {
    M::FLOAT_REGS[k]
}

/// The `k`-th allocatable integer register that is not `INT_RESULT` (`k < 7`).
/// On some ISAs the result register is itself allocatable (aarch64's x0),
/// on others it is a backend scratch (x64's rax); a value that must stay
/// live while a result is in `INT_RESULT` goes in one of these.
fn int_apart(k: usize) -> Reg {
    let r = M::INT_REGS.iter().copied().filter(|&r| r != RES).nth(k);
    r.expect("fewer allocatable registers than the contract promises")
}

/// As [`int_apart`], for `FLOAT_RESULT` (`k < 13`).
fn float_apart(k: usize) -> Reg {
    let r = M::FLOAT_REGS.iter().copied().filter(|&r| r != FRES).nth(k);
    r.expect("fewer allocatable registers than the contract promises")
}

pub(super) const RES: Reg = M::INT_RESULT;
pub(super) const FRES: Reg = M::FLOAT_RESULT;

pub(super) fn int_of(ty: ValType, r: [u64; 2]) -> u64 {
    if ty == ValType::I32 {
        assert_eq!(r[0] >> 32, 0, "i32 result not zero-extended: {:#x}", r[0]);
    }
    r[0]
}

// ---- Integer -------------------------------------------------------------

const I32S: &[i32] = &[
    0,
    1,
    -1,
    2,
    7,
    -7,
    31,
    32,
    33,
    63,
    64,
    100,
    -100,
    0x1234_5678,
    i32::MIN,
    i32::MAX,
    i32::MIN + 1,
    0x8000_0001u32 as i32,
    0x0F0F_0F0F,
];
const I64S: &[i64] = &[
    0,
    1,
    -1,
    2,
    7,
    -7,
    31,
    32,
    33,
    63,
    64,
    65,
    -100,
    0x1234_5678_9ABC_DEF0,
    i64::MIN,
    i64::MAX,
    i64::MIN + 1,
    0xFFFF_FFFF,
    0x1_0000_0000,
    i32::MIN as i64,
    i32::MAX as i64 + 1,
];

/// Reference semantics; `None` where wasm traps.
fn int_ref(op: IntBinOp, ty: ValType, a: u64, b: u64) -> Option<u64> {
    use IntBinOp::*;
    if ty == ValType::I32 {
        let (x, y) = (a as u32, b as u32);
        let (sx, sy) = (x as i32, y as i32);
        let r = match op {
            Add => x.wrapping_add(y),
            Sub => x.wrapping_sub(y),
            Mul => x.wrapping_mul(y),
            And => x & y,
            Or => x | y,
            Xor => x ^ y,
            Shl => x.wrapping_shl(y),
            ShrS => sx.wrapping_shr(y) as u32,
            ShrU => x.wrapping_shr(y),
            Rotl => x.rotate_left(y % 32),
            Rotr => x.rotate_right(y % 32),
            DivS => sx.checked_div(sy)? as u32,
            DivU => x.checked_div(y)?,
            RemS => {
                if sy == 0 {
                    return None;
                }
                sx.wrapping_rem(sy) as u32
            }
            RemU => x.checked_rem(y)?,
        };
        Some(r as u64)
    } else {
        let (x, y) = (a, b);
        let (sx, sy) = (x as i64, y as i64);
        Some(match op {
            Add => x.wrapping_add(y),
            Sub => x.wrapping_sub(y),
            Mul => x.wrapping_mul(y),
            And => x & y,
            Or => x | y,
            Xor => x ^ y,
            Shl => x.wrapping_shl(y as u32),
            ShrS => sx.wrapping_shr(y as u32) as u64,
            ShrU => x.wrapping_shr(y as u32),
            Rotl => x.rotate_left((y % 64) as u32),
            Rotr => x.rotate_right((y % 64) as u32),
            DivS => sx.checked_div(sy)? as u64,
            DivU => x.checked_div(y)?,
            RemS => {
                if sy == 0 {
                    return None;
                }
                sx.wrapping_rem(sy) as u64
            }
            RemU => x.checked_rem(y)?,
        })
    }
}

const INT_OPS: [IntBinOp; 15] = {
    use IntBinOp::*;
    [
        Add, Sub, Mul, And, Or, Xor, Shl, ShrS, ShrU, Rotl, Rotr, DivS, DivU, RemS, RemU,
    ]
};

fn values(ty: ValType) -> Vec<u64> {
    if ty == ValType::I32 {
        I32S.iter().map(|&v| v as u32 as u64).collect()
    } else {
        I64S.iter().map(|&v| v as u64).collect()
    }
}

/// The trap a zero divisor / overflow should produce.
fn expected_trap(op: IntBinOp, b: u64) -> TrapCode {
    if b == 0
        && matches!(
            op,
            IntBinOp::DivS | IntBinOp::DivU | IntBinOp::RemS | IntBinOp::RemU
        )
    {
        TrapCode::IntegerDivideByZero
    } else {
        TrapCode::IntegerOverflow
    }
}

#[test]
fn int_binops_all_operand_forms() {
    for ty in [ValType::I32, ValType::I64] {
        let vals = values(ty);
        for op in INT_OPS {
            // rhs in a register, dst distinct from lhs (the last
            // allocatable registers: on x64 r12/r13, the REX.B encodings).
            let reg = single(|m| {
                m.mov(ty, I(6), param(0));
                m.mov(ty, I(1), param(1));
                m.int_binop(op, ty, I(7), I(6), Operand::Reg(I(1)));
                m.mov(ValType::I64, RES, Operand::Reg(I(7)));
            });
            // rhs in a frame slot, dst == lhs.
            let frame = single(|m| {
                m.mov(ty, I(0), param(0));
                m.int_binop(op, ty, I(0), I(0), param(1));
                m.mov(ValType::I64, RES, Operand::Reg(I(0)));
            });
            for &a in &vals {
                for &b in &vals {
                    let want = int_ref(op, ty, a, b).ok_or(expected_trap(op, b));
                    for f in [&reg, &frame] {
                        let got = run(f, &[a, b]).map(|r| int_of(ty, r));
                        assert_eq!(got, want, "{op:?} {ty} {a:#x} {b:#x}");
                    }
                }
            }
            // rhs as an immediate (an i32 immediate is sign-extended in
            // the i64, as the contract says).
            for &b in &vals {
                let imm = if ty == ValType::I32 {
                    b as u32 as i32 as i64
                } else {
                    b as i64
                };
                let f = single(|m| {
                    m.mov(ty, I(3), param(0));
                    m.int_binop(op, ty, I(4), I(3), Operand::Imm(imm));
                    m.mov(ValType::I64, RES, Operand::Reg(I(4)));
                });
                for &a in &vals {
                    let want = int_ref(op, ty, a, b).ok_or(expected_trap(op, b));
                    let got = run(&f, &[a]).map(|r| int_of(ty, r));
                    assert_eq!(got, want, "{op:?} {ty} {a:#x} imm {b:#x}");
                }
            }
        }
    }
}

#[test]
fn int_unops_and_compares() {
    use IntCmp::*;
    for ty in [ValType::I32, ValType::I64] {
        let vals = values(ty);
        let ops = [IntUnOp::Clz, IntUnOp::Ctz, IntUnOp::Popcnt, IntUnOp::Eqz];
        for (op, features) in ops
            .into_iter()
            .flat_map(|op| feature_sets().map(|f| (op, f)))
        {
            // In place (dst == src) and into another register.
            let f = single_for(features, |m| {
                m.mov(ty, I(2), param(0));
                m.int_unop(op, ty, I(3), I(2));
                m.int_unop(op, ty, I(2), I(2));
                // Both results (at most 64) in one: in place | other << 32.
                m.int_binop(IntBinOp::Shl, ValType::I64, I(3), I(3), Operand::Imm(32));
                m.int_binop(IntBinOp::Or, ValType::I64, I(2), I(2), Operand::Reg(I(3)));
                m.mov(ValType::I64, RES, Operand::Reg(I(2)));
            });
            for &a in &vals {
                let want = match (op, ty == ValType::I32) {
                    (IntUnOp::Clz, true) => (a as u32).leading_zeros() as u64,
                    (IntUnOp::Ctz, true) => (a as u32).trailing_zeros() as u64,
                    (IntUnOp::Popcnt, true) => (a as u32).count_ones() as u64,
                    (IntUnOp::Clz, false) => a.leading_zeros() as u64,
                    (IntUnOp::Ctz, false) => a.trailing_zeros() as u64,
                    (IntUnOp::Popcnt, false) => a.count_ones() as u64,
                    (IntUnOp::Eqz, _) => (a == 0) as u64,
                };
                assert_eq!(
                    run(&f, &[a]).unwrap()[0],
                    want | want << 32,
                    "{op:?} {ty} {a:#x} with {features}"
                );
            }
        }
        for cmp in [Eq, Ne, LtS, LtU, GtS, GtU, LeS, LeU, GeS, GeU] {
            let reference = |a: u64, b: u64| -> u64 {
                let (sa, sb) = if ty == ValType::I32 {
                    (a as u32 as i32 as i64, b as u32 as i32 as i64)
                } else {
                    (a as i64, b as i64)
                };
                (match cmp {
                    Eq => a == b,
                    Ne => a != b,
                    LtS => sa < sb,
                    LtU => a < b,
                    GtS => sa > sb,
                    GtU => a > b,
                    LeS => sa <= sb,
                    LeU => a <= b,
                    GeS => sa >= sb,
                    GeU => a >= b,
                }) as u64
            };
            let reg = single(|m| {
                m.mov(ty, I(0), param(0));
                m.mov(ty, I(5), param(1));
                m.int_cmp(cmp, ty, I(0), I(0), Operand::Reg(I(5)));
                m.mov(ValType::I64, RES, Operand::Reg(I(0)));
            });
            let frame = single(|m| {
                m.mov(ty, I(0), param(0));
                m.int_cmp(cmp, ty, I(1), I(0), param(1));
                m.mov(ValType::I64, RES, Operand::Reg(I(1)));
            });
            // The fused compare-and-branch must agree with the compare:
            // RES = 1 on the taken path, 0 on the fallthrough.
            let branch = |rhs: Operand| {
                single(move |m| {
                    let (yes, end) = (m.new_label(), m.new_label());
                    m.mov(ty, I(0), param(0));
                    if rhs == Operand::Reg(I(5)) {
                        m.mov(ty, I(5), param(1));
                    }
                    m.branch_cmp(cmp, ty, I(0), rhs, yes);
                    m.mov(ValType::I64, RES, Operand::Imm(0));
                    m.jump(end);
                    m.bind(yes);
                    m.mov(ValType::I64, RES, Operand::Imm(1));
                    m.bind(end);
                })
            };
            let (br_reg, br_frame) = (branch(Operand::Reg(I(5))), branch(param(1)));
            for &a in &vals {
                for &b in &vals {
                    for f in [&reg, &frame, &br_reg, &br_frame] {
                        assert_eq!(run(f, &[a, b]).unwrap()[0], reference(a, b), "{cmp:?} {ty}");
                    }
                }
            }
            for &b in &vals[..8] {
                let imm = if ty == ValType::I32 {
                    b as u32 as i32 as i64
                } else {
                    b as i64
                };
                let f = single(|m| {
                    m.mov(ty, I(0), param(0));
                    m.int_cmp(cmp, ty, I(1), I(0), Operand::Imm(imm));
                    m.mov(ValType::I64, RES, Operand::Reg(I(1)));
                });
                let br_imm = branch(Operand::Imm(imm));
                for &a in &vals {
                    assert_eq!(run(&f, &[a]).unwrap()[0], reference(a, b), "{cmp:?} imm");
                    assert_eq!(
                        run(&br_imm, &[a]).unwrap()[0],
                        reference(a, b),
                        "{cmp:?} br imm"
                    );
                }
            }
        }
    }
}

#[test]
fn div_trap_sites_are_recorded() {
    let f = single(|m| {
        m.mov(ValType::I32, I(0), param(0));
        m.mov(ValType::I32, I(1), param(1));
        m.int_binop(IntBinOp::DivS, ValType::I32, I(0), I(0), Operand::Reg(I(1)));
    });
    let codes: Vec<_> = f.0.sites.iter().filter_map(|s| s.code()).collect();
    assert!(codes.contains(&TrapCode::IntegerDivideByZero));
    assert!(codes.contains(&TrapCode::IntegerOverflow));
    assert!(codes.contains(&TrapCode::StackOverflow));
    assert!(f.0.sites.windows(2).all(|w| w[0].offset < w[1].offset));
    // Every site lies inside the code. (That each stub site is the ISA's
    // trap instruction is checked byte for byte by each backend's own
    // tests; executing the stubs is what `int_binops_all_operand_forms`
    // does.)
    let len = f.0.code.len();
    assert!(f.0.sites.iter().all(|s| (s.offset as usize) < len));
}

// ---- Float ---------------------------------------------------------------

const F64S: &[f64] = &[
    0.0,
    -0.0,
    0.5,
    -0.5,
    1.5,
    2.5,
    -2.5,
    1.0,
    -1.0,
    3.7,
    -3.7,
    1e300,
    -1e-300,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    f64::MIN_POSITIVE,
    4503599627370497.0,
];

fn float_bits(ty: ValType) -> Vec<u64> {
    let mut v: Vec<u64> = if ty == ValType::F32 {
        F64S.iter().map(|&x| (x as f32).to_bits() as u64).collect()
    } else {
        F64S.iter().map(|&x| x.to_bits()).collect()
    };
    // A negative NaN with a payload: sign-bit ops must keep the payload.
    v.push(if ty == ValType::F32 {
        0xFFA0_0001
    } else {
        0xFFF4_0000_0000_0001
    });
    v
}

/// Apply `f` to both operands as f64 (exact for f32 inputs) and round the
/// result back to the type. Correct for +, -, *, /, sqrt (double rounding
/// is innocuous for these in f32 via f64).
fn fref(ty: ValType, a: u64, b: u64, f: impl Fn(f64, f64) -> f64) -> u64 {
    if ty == ValType::F32 {
        let r = f(
            f32::from_bits(a as u32) as f64,
            f32::from_bits(b as u32) as f64,
        );
        (r as f32).to_bits() as u64
    } else {
        f(f64::from_bits(a), f64::from_bits(b)).to_bits()
    }
}

fn is_nan(ty: ValType, bits: u64) -> bool {
    if ty == ValType::F32 {
        f32::from_bits(bits as u32).is_nan()
    } else {
        f64::from_bits(bits).is_nan()
    }
}

fn wasm_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == 0.0 && b == 0.0 {
        if a.is_sign_negative() {
            a
        } else {
            b
        }
    } else {
        a.min(b)
    }
}

fn wasm_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == 0.0 && b == 0.0 {
        if a.is_sign_positive() {
            a
        } else {
            b
        }
    } else {
        a.max(b)
    }
}

#[test]
fn float_binops() {
    use FloatBinOp::*;
    for ty in [ValType::F32, ValType::F64] {
        let vals = float_bits(ty);
        let sign = if ty == ValType::F32 {
            1u64 << 31
        } else {
            1u64 << 63
        };
        let mask = if ty == ValType::F32 {
            0xFFFF_FFFF
        } else {
            u64::MAX
        };
        for op in [Add, Sub, Mul, Div, Min, Max, Copysign] {
            let distinct = single(|m| {
                m.mov(ty, F(1), param(0));
                m.mov(ty, F(13), param(1));
                m.float_binop(op, ty, F(12), F(1), F(13));
                m.mov(ty, FRES, Operand::Reg(F(12)));
            });
            let same = single(|m| {
                m.mov(ty, F(3), param(0));
                m.mov(ty, F(4), param(1));
                m.float_binop(op, ty, F(3), F(3), F(4));
                m.mov(ty, FRES, Operand::Reg(F(3)));
            });
            for &a in &vals {
                for &b in &vals {
                    let want = match op {
                        Add => fref(ty, a, b, |x, y| x + y),
                        Sub => fref(ty, a, b, |x, y| x - y),
                        Mul => fref(ty, a, b, |x, y| x * y),
                        Div => fref(ty, a, b, |x, y| x / y),
                        Min => fref(ty, a, b, wasm_min),
                        Max => fref(ty, a, b, wasm_max),
                        Copysign => (a & !sign) | (b & sign),
                    };
                    for f in [&distinct, &same] {
                        let got = run(f, &[a, b]).unwrap()[1] & mask;
                        if op != Copysign && is_nan(ty, want) {
                            assert!(is_nan(ty, got), "{op:?} {ty} {a:#x} {b:#x}: {got:#x}");
                        } else {
                            assert_eq!(got, want, "{op:?} {ty} {a:#x} {b:#x}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn float_unops() {
    use FloatUnOp::*;
    for ty in [ValType::F32, ValType::F64] {
        let sign = if ty == ValType::F32 {
            1u64 << 31
        } else {
            1u64 << 63
        };
        let mask = if ty == ValType::F32 {
            0xFFFF_FFFF
        } else {
            u64::MAX
        };
        for op in [Abs, Neg, Sqrt, Ceil, Floor, Trunc, Nearest] {
            let f = single(|m| {
                m.mov(ty, F(7), param(0));
                m.float_unop(op, ty, F(9), F(7));
                m.mov(ty, FRES, Operand::Reg(F(9)));
            });
            for a in float_bits(ty) {
                let unary = |g: fn(f64) -> f64| fref(ty, a, 0, |x, _| g(x));
                let want = match op {
                    Abs => a & !sign,
                    Neg => a ^ sign,
                    Sqrt => unary(f64::sqrt),
                    Ceil => unary(f64::ceil),
                    Floor => unary(f64::floor),
                    Trunc => unary(f64::trunc),
                    Nearest => unary(f64::round_ties_even),
                };
                let got = run(&f, &[a]).unwrap()[1] & mask;
                if !matches!(op, Abs | Neg) && is_nan(ty, want) {
                    assert!(is_nan(ty, got), "{op:?} {ty} {a:#x}");
                } else {
                    assert_eq!(got, want, "{op:?} {ty} {a:#x}");
                }
            }
        }
    }
}

#[test]
fn float_compares() {
    use FloatCmp::*;
    for ty in [ValType::F32, ValType::F64] {
        let vals = float_bits(ty);
        let as_f64 = |b: u64| {
            if ty == ValType::F32 {
                f32::from_bits(b as u32) as f64
            } else {
                f64::from_bits(b)
            }
        };
        for cmp in [Eq, Ne, Lt, Gt, Le, Ge] {
            let f = single(|m| {
                m.mov(ty, F(2), param(0));
                m.mov(ty, F(5), param(1));
                m.float_cmp(cmp, ty, I(6), F(2), F(5));
                m.mov(ValType::I64, RES, Operand::Reg(I(6)));
            });
            for &a in &vals {
                for &b in &vals {
                    let (x, y) = (as_f64(a), as_f64(b));
                    let want = match cmp {
                        Eq => x == y,
                        Ne => x != y,
                        Lt => x < y,
                        Gt => x > y,
                        Le => x <= y,
                        Ge => x >= y,
                    } as u64;
                    assert_eq!(run(&f, &[a, b]).unwrap()[0], want, "{cmp:?} {x} {y}");
                }
            }
        }
    }
}

// ---- Conversions -----------------------------------------------------------

/// Reference conversion on slot bits; `Err` for the trapping cases.
fn convert_ref(op: Conversion, a: u64) -> Result<u64, TrapCode> {
    use Conversion::*;
    let f32v = f32::from_bits(a as u32) as f64;
    let f64v = f64::from_bits(a);
    // Truncation: trap unless the truncated value is within [lo, hi].
    let trunc = |x: f64, lo: f64, hi: f64| -> Result<f64, TrapCode> {
        if x.is_nan() {
            Err(TrapCode::InvalidConversionToInteger)
        } else if x.trunc() < lo || x.trunc() > hi {
            Err(TrapCode::IntegerOverflow)
        } else {
            Ok(x.trunc())
        }
    };
    let (i32r, u32r) = ((-2147483648.0, 2147483647.0), (0.0, 4294967295.0));
    // i64::MAX and u64::MAX are not floats: the ranges are half-open.
    let t64 = |x: f64, signed: bool| -> Result<u64, TrapCode> {
        if x.is_nan() {
            return Err(TrapCode::InvalidConversionToInteger);
        }
        let t = x.trunc();
        let ok = if signed {
            (-9223372036854775808.0..9223372036854775808.0).contains(&t)
        } else {
            (0.0..18446744073709551616.0).contains(&t)
        };
        if !ok {
            return Err(TrapCode::IntegerOverflow);
        }
        Ok(if signed { t as i64 as u64 } else { t as u64 })
    };
    Ok(match op {
        I32WrapI64 => a as u32 as u64,
        I64ExtendI32S => a as u32 as i32 as i64 as u64,
        I64ExtendI32U => a as u32 as u64,
        I32TruncF32S => trunc(f32v, i32r.0, i32r.1)? as i32 as u32 as u64,
        I32TruncF64S => trunc(f64v, i32r.0, i32r.1)? as i32 as u32 as u64,
        I32TruncF32U => trunc(f32v, u32r.0, u32r.1)? as u32 as u64,
        I32TruncF64U => trunc(f64v, u32r.0, u32r.1)? as u32 as u64,
        I64TruncF32S => t64(f32v, true)?,
        I64TruncF64S => t64(f64v, true)?,
        I64TruncF32U => t64(f32v, false)?,
        I64TruncF64U => t64(f64v, false)?,
        F32ConvertI32S => (a as u32 as i32 as f32).to_bits() as u64,
        F32ConvertI32U => (a as u32 as f32).to_bits() as u64,
        F32ConvertI64S => (a as i64 as f32).to_bits() as u64,
        F32ConvertI64U => (a as f32).to_bits() as u64,
        F64ConvertI32S => (a as u32 as i32 as f64).to_bits(),
        F64ConvertI32U => (a as u32 as f64).to_bits(),
        F64ConvertI64S => (a as i64 as f64).to_bits(),
        F64ConvertI64U => (a as f64).to_bits(),
        F32DemoteF64 => (f64v as f32).to_bits() as u64,
        F64PromoteF32 => (f32::from_bits(a as u32) as f64).to_bits(),
        I32ReinterpretF32 | F32ReinterpretI32 => a as u32 as u64,
        I64ReinterpretF64 | F64ReinterpretI64 => a,
        I32Extend8S => a as u8 as i8 as i32 as u32 as u64,
        I32Extend16S => a as u16 as i16 as i32 as u32 as u64,
        I64Extend8S => a as u8 as i8 as i64 as u64,
        I64Extend16S => a as u16 as i16 as i64 as u64,
        I64Extend32S => a as u32 as i32 as i64 as u64,
        // Rust's float-to-int `as` is exactly wasm's saturating truncation:
        // NaN gives 0, out-of-range values the nearest bound.
        I32TruncSatF32S => f32v as i32 as u32 as u64,
        I32TruncSatF64S => f64v as i32 as u32 as u64,
        I32TruncSatF32U => f32v as u32 as u64,
        I32TruncSatF64U => f64v as u32 as u64,
        I64TruncSatF32S => f32v as i64 as u64,
        I64TruncSatF64S => f64v as i64 as u64,
        I64TruncSatF32U => f32v as u64,
        I64TruncSatF64U => f64v as u64,
    })
}

/// A value and its immediate neighbours in the float's own spacing.
fn around32(x: f32) -> [u64; 3] {
    let b = x.to_bits();
    [b - 1, b, b + 1].map(|v| v as u64)
}

fn around64(x: f64) -> [u64; 3] {
    let b = x.to_bits();
    [b - 1, b, b + 1]
}

fn conversion_inputs(src: ValType) -> Vec<u64> {
    let mut v = Vec::new();
    match src {
        ValType::V128 | ValType::FuncRef | ValType::ExternRef => {
            unreachable!("no scalar conversion takes a reference or vector")
        }
        ValType::I32 => v.extend(values(ValType::I32)),
        ValType::I64 => {
            v.extend(values(ValType::I64));
            // u64 -> f32/f64 rounding cases: ties, sticky bits, near 2^64.
            v.extend([
                0xFFFF_FFFF_FFFF_FFFF,
                0x8000_0000_0000_0001,
                0x8000_0000_0000_0000,
                9007199791611905,
                0x8000_0080_0000_0000,
                0x8000_0080_0000_0001,
                0x8000_0000_0000_0400,
                0x8000_0000_0000_0401,
                0xFFFF_FF7F_FFFF_FFFF,
                0x0020_0000_0000_0001,
                0x7FFF_FFFF_FFFF_FDFF,
            ]);
        }
        ValType::F32 => {
            v.extend(float_bits(ValType::F32));
            for x in [
                2147483648.0f32,
                -2147483648.0,
                4294967296.0,
                9223372036854775808.0,
                -9223372036854775808.0,
                18446744073709551616.0,
                1.0,
                0.99,
                -0.99,
            ] {
                v.extend(around32(x));
            }
            v.extend([(-1.0f32).to_bits() as u64, (-0.75f32).to_bits() as u64]);
        }
        ValType::F64 => {
            v.extend(float_bits(ValType::F64));
            for x in [
                2147483648.0,
                -2147483649.0,
                -2147483648.0,
                2147483647.0,
                4294967296.0,
                4294967295.0,
                9223372036854775808.0,
                -9223372036854775808.0,
                18446744073709551616.0,
                1.0,
                0.99,
                -0.99,
            ] {
                v.extend(around64(x));
            }
            v.extend([
                (-1.0f64).to_bits(),
                (-0.5f64).to_bits(),
                2147483647.9f64.to_bits(),
            ]);
            v.extend([(-2147483648.9f64).to_bits(), 4294967295.9f64.to_bits()]);
        }
    }
    v
}

#[test]
fn conversions_including_traps() {
    for op in Conversion::ALL {
        let (src, dst) = op.signature();
        let (s, d) = (
            if src.is_float() { F(6) } else { I(5) },
            if dst.is_float() { F(11) } else { I(2) },
        );
        let f = single(|m| {
            m.mov(src, s, param(0));
            m.convert(op, d, s);
            // A 64-bit move, so an i32 result's upper half is observable.
            let wide = if dst.is_float() { dst } else { ValType::I64 };
            m.mov(
                wide,
                if dst.is_float() { FRES } else { RES },
                Operand::Reg(d),
            );
        });
        for a in conversion_inputs(src) {
            let want = convert_ref(op, a);
            let got = run(&f, &[a]).map(|r| match dst {
                ValType::V128 | ValType::FuncRef | ValType::ExternRef => {
                    unreachable!("no scalar conversion gives a reference or vector")
                }
                ValType::I32 => int_of(dst, r),
                ValType::I64 => r[0],
                ValType::F32 => r[1] & 0xFFFF_FFFF,
                ValType::F64 => r[1],
            });
            match (want, got) {
                (Ok(w), Ok(g)) if dst.is_float() && is_nan(dst, w) => {
                    assert!(is_nan(dst, g), "{op:?} {a:#x}")
                }
                _ => assert_eq!(got, want, "{op:?} {a:#x}"),
            }
        }
    }
}

// ---- Memory, frames, globals ------------------------------------------------

#[test]
fn loads_extend() {
    use LoadKind::*;
    let pattern: [u8; 8] = [0x81, 0xF2, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88];
    let cases: [(LoadKind, u64); 14] = [
        (I32, 0x8483_F281),
        (I64, 0x8887_8685_8483_F281),
        (F32, 0x8483_F281),
        (F64, 0x8887_8685_8483_F281),
        (I32_8S, 0xFFFF_FF81),
        (I32_8U, 0x81),
        (I32_16S, 0xFFFF_F281),
        (I32_16U, 0xF281),
        (I64_8S, 0xFFFF_FFFF_FFFF_FF81),
        (I64_8U, 0x81),
        (I64_16S, 0xFFFF_FFFF_FFFF_F281),
        (I64_16U, 0xF281),
        (I64_32S, 0xFFFF_FFFF_8483_F281),
        (I64_32U, 0x8483_F281),
    ];
    for (kind, want) in cases {
        let float = matches!(kind, F32 | F64);
        let dst = if float { F(0) } else { I(0) };
        // Into the result register; a 64-bit move for integers, so an i32
        // load's upper half is observable.
        let to_result = |m: &mut M| match kind {
            F32 => m.mov(ValType::F32, FRES, Operand::Reg(dst)),
            F64 => m.mov(ValType::F64, FRES, Operand::Reg(dst)),
            _ => m.mov(ValType::I64, RES, Operand::Reg(dst)),
        };
        // Register address (the last allocatable register: on x64 r13,
        // whose base encoding is a special case) plus offset, and a
        // constant address.
        let by_reg = single(|m| {
            m.mov(ValType::I32, I(7), param(0));
            m.load(kind, dst, Operand::Reg(I(7)), 3);
            to_result(m);
        });
        let by_imm = single(|m| {
            m.load(kind, dst, Operand::Imm(100), 5);
            to_result(m);
        });
        for (f, addr) in [(&by_reg, 102u64), (&by_imm, 0)] {
            let mut env = Env::new();
            env.mem()[105..113].copy_from_slice(&pattern);
            let r = f.0.call(&mut env, f.1, &[addr]).unwrap();
            let got = if float { r[1] } else { r[0] };
            let want = if kind == F32 {
                want & 0xFFFF_FFFF
            } else {
                want
            };
            let got = if kind == F32 { got & 0xFFFF_FFFF } else { got };
            assert_eq!(got, want, "{kind:?} at {addr}");
        }
    }
}

#[test]
fn stores_truncate() {
    use StoreKind::*;
    let stores: [(StoreKind, ValType, usize); 7] = [
        (StoreKind::I32, ValType::I32, 4),
        (StoreKind::I64, ValType::I64, 8),
        (StoreKind::F32, ValType::F32, 4),
        (StoreKind::F64, ValType::F64, 8),
        (Int8, ValType::I64, 1),
        (Int16, ValType::I32, 2),
        (Int32, ValType::I64, 4),
    ];
    let value: u64 = 0x1122_3344_5566_7788;
    for (kind, ty, n) in stores {
        let src = if ty.is_float() { F(8) } else { I(1) };
        let variants = [
            single(|m| {
                m.mov(ty, src, param(1));
                m.mov(ValType::I32, I(6), param(0));
                m.store(kind, Operand::Reg(src), Operand::Reg(I(6)), 1);
            }),
            single(|m| {
                let imm = if ty.is_64() {
                    value as i64
                } else {
                    value as u32 as i32 as i64
                };
                m.store(kind, Operand::Imm(imm), Operand::Imm(40), 1);
            }),
        ];
        for f in &variants {
            let mut env = Env::new();
            env.mem()[35..55].fill(0xEE);
            f.0.call(&mut env, f.1, &[40, value]).unwrap();
            let mut want = [0xEEu8; 20];
            want[6..6 + n].copy_from_slice(&value.to_le_bytes()[..n]);
            assert_eq!(&env.mem()[35..55], &want, "{kind:?}");
        }
    }
}

#[test]
fn switched_memory_base_reaches_another_memory() {
    // Memory 1: one page and a guard page of its own, its `MemoryDef`
    // pointed to by a vmctx slot as multi-memory's slots are.
    let other = Mmap::anonymous(2 * PAGE, Protection::ReadWrite).unwrap();
    // SAFETY: nothing uses the fresh mapping yet.
    unsafe { other.protect(PAGE..2 * PAGE, Protection::None).unwrap() };
    let def = Box::new(MemoryDef {
        base: other.as_ptr(),
        length: PAGE as u64,
    });
    // Load memory 1 at param 0, store it at 8 in memory 1, then (base put
    // back) load memory 0 at the same address: the sum tells which memory
    // each access reached.
    let f = single(|m| {
        m.mov(ValType::I32, I(4), param(0));
        m.switch_memory_base(Some(SLOT_A));
        m.load(LoadKind::I32, I(0), Operand::Reg(I(4)), 0);
        m.store(StoreKind::I32, Operand::Reg(I(0)), Operand::Imm(8), 0);
        m.switch_memory_base(None);
        m.load(LoadKind::I32, I(1), Operand::Reg(I(4)), 0);
        m.int_binop(IntBinOp::Add, ValType::I64, I(0), I(0), Operand::Reg(I(1)));
        m.mov(ValType::I64, RES, Operand::Reg(I(0)));
    });
    let mut env = Env::new();
    env.set(SLOT_A, &*def as *const MemoryDef as u64);
    env.mem()[200..204].copy_from_slice(&1000u32.to_le_bytes());
    // SAFETY: the first page of `other` is read/write and nothing else
    // touches it while the test writes it.
    let mem1 = unsafe { std::slice::from_raw_parts_mut(other.as_ptr(), PAGE) };
    mem1[200..204].copy_from_slice(&7u32.to_le_bytes());
    assert_eq!(f.0.call(&mut env, f.1, &[200]).unwrap()[0], 1007);
    // SAFETY: as above; the call has returned.
    let mem1 = unsafe { std::slice::from_raw_parts(other.as_ptr(), PAGE) };
    assert_eq!(&mem1[8..12], &7u32.to_le_bytes());
    assert_eq!(&env.mem()[8..12], &[0; 4], "memory 0 is untouched");
    // Memory 1's own guard page faults as a memory access.
    assert_eq!(
        f.0.call(&mut env, f.1, &[(PAGE - 2) as u64]),
        Err(TrapCode::MemoryOutOfBounds)
    );
}

#[test]
fn out_of_bounds_faults_at_the_recorded_site() {
    // The last in-bounds i32, then one byte too far, via every address
    // form, including offsets too large for the ISA's displacement field
    // (x64: a signed 32-bit disp).
    let f = single(|m| {
        m.mov(ValType::I32, I(4), param(0));
        m.load(LoadKind::I32, I(0), Operand::Reg(I(4)), 0);
        m.mov(ValType::I32, RES, Operand::Reg(I(0)));
    });
    assert!(run(&f, &[(PAGE - 4) as u64]).is_ok());
    assert_eq!(
        run(&f, &[(PAGE - 3) as u64]),
        Err(TrapCode::MemoryOutOfBounds)
    );
    let big = single(|m| {
        m.mov(ValType::I32, I(4), param(0));
        m.store(
            StoreKind::Int8,
            Operand::Imm(1),
            Operand::Reg(I(4)),
            0x8000_0000,
        );
    });
    // 0x8000_0000 + 0x8000_0000 - 2^32 would wrap if the add were 32-bit;
    // it must not: the full 33-bit sum is far out of bounds.
    assert_eq!(run(&big, &[0x8000_0000]), Err(TrapCode::MemoryOutOfBounds));
    let imm = single(|m| {
        m.load(LoadKind::I64_8U, I(0), Operand::Imm(-1), 0xFFFF_FFFF);
    });
    assert_eq!(run(&imm, &[]), Err(TrapCode::MemoryOutOfBounds));
    let small_imm = single(|m| {
        m.load(LoadKind::I32_8U, I(0), Operand::Imm(PAGE as i64 - 1), 0);
        m.load(LoadKind::I32_8U, I(0), Operand::Imm(PAGE as i64), 0);
    });
    assert_eq!(run(&small_imm, &[]), Err(TrapCode::MemoryOutOfBounds));
}

#[test]
fn frames_args_globals_and_memory_size() {
    let f = single(|m| {
        // Locals: store, copy, zero (small and looped), reload.
        m.store_frame(ValType::I64, LOCAL_0, Operand::Imm(0x1234_5678_9ABC));
        m.store_frame(ValType::I32, LOCAL_0 - 8, Operand::Imm(-5));
        m.copy_frame(ValType::I64, LOCAL_0 - 16, LOCAL_0);
        m.mov(ValType::I64, I(0), Operand::Frame(LOCAL_0 - 16));
        m.mov(ValType::I32, I(1), Operand::Frame(LOCAL_0 - 8));
        m.zero_frame(LOCAL_0 - 16, 8);
        m.mov(ValType::I64, I(2), Operand::Frame(LOCAL_0 - 16));
        // Float slots and immediates (in registers other than FLOAT_RESULT,
        // which the sum at the end writes).
        let (fs, fa, fb) = (float_apart(2), float_apart(3), float_apart(4));
        m.mov(ValType::F64, fs, Operand::Imm(2.5f64.to_bits() as i64));
        m.store_frame(ValType::F64, LOCAL_0 - 24, Operand::Reg(fs));
        m.mov(ValType::F64, fa, Operand::Frame(LOCAL_0 - 24));
        m.mov(ValType::F32, fb, Operand::Imm(0));
        // Outgoing args and result slots.
        m.store_arg(ValType::I64, 2, Operand::Reg(I(0)));
        m.store_arg(ValType::I32, 3, param(0));
        m.load_arg(ValType::I64, I(3), 2);
        m.load_arg(ValType::I32, I(4), 3);
        // Globals through their cells; memory.size.
        m.load_global(ValType::I64, I(5), SLOT_A);
        m.store_global(ValType::I64, Operand::Imm(i64::MIN + 7), SLOT_B);
        m.store_global(ValType::F64, Operand::Reg(fa), SLOT_C);
        m.memory_size(I(6), MEMORY);
        // Combine: everything must be as expected for the sum to match.
        for k in 1..7 {
            m.int_binop(IntBinOp::Add, ValType::I64, I(0), I(0), Operand::Reg(I(k)));
        }
        m.float_binop(FloatBinOp::Add, ValType::F64, FRES, fa, fb);
        // Last: INT_RESULT may be a scratch register other operations use.
        m.mov(ValType::I64, RES, Operand::Reg(I(0)));
    });
    let mut env = Env::new();
    let cells = [Box::new(1000u64), Box::new(0u64), Box::new(0u64)];
    for (slot, cell) in [SLOT_A, SLOT_B, SLOT_C].iter().zip(&cells) {
        env.set(*slot, &**cell as *const u64 as u64);
    }
    let r = f.0.call(&mut env, f.1, &[77]).unwrap();
    let x = 0x1234_5678_9ABCu64;
    // I(0) (the copied local) + I(1) (-5 as i32) + I(2) (zeroed)
    // + I(3) (the outgoing copy of I(0)) + I(4) (77) + I(5) (the global)
    // + I(6) (one page).
    let want = x + (-5i32 as u32 as u64) + x + 77 + 1000 + 1;
    assert_eq!(r[0], want);
    assert_eq!(f64::from_bits(r[1]), 2.5);
    assert_eq!(*cells[1], (i64::MIN + 7) as u64);
    assert_eq!(f64::from_bits(*cells[2]), 2.5);

    // A big zero_frame takes the loop path.
    let z = module(|m| {
        let (sum, slot) = (int_apart(0), int_apart(1));
        let l = m.new_function_label();
        let entry = m.function_start(l);
        let setup = m.prologue(STACK_LIMIT);
        for i in 0..40 {
            m.store_frame(ValType::I64, LOCAL_0 - 8 * i, Operand::Imm(-1));
        }
        m.zero_frame(LOCAL_0 - 8 * 39, 8 * 39);
        m.mov(ValType::I64, sum, Operand::Imm(0));
        for i in 0..40 {
            m.mov(ValType::I64, slot, Operand::Frame(LOCAL_0 - 8 * i));
            m.int_binop(IntBinOp::Add, ValType::I64, sum, sum, Operand::Reg(slot));
        }
        m.mov(ValType::I64, RES, Operand::Reg(sum));
        m.epilogue();
        m.function_end();
        m.patch_frame_size(setup, 352);
        entry
    });
    // Only the topmost slot (`LOCAL_0`) kept its -1.
    assert_eq!(run(&z, &[]).unwrap()[0], u64::MAX);
}

#[test]
fn int_immediates() {
    for v in [
        0i64,
        1,
        -1,
        0xFFFF_FFFF,
        0x1_0000_0000,
        i64::MIN,
        i32::MIN as i64,
        0x7FFF_FFFF,
    ] {
        for ty in [ValType::I32, ValType::I64] {
            let f = single(|m| m.mov(ty, RES, Operand::Imm(v)));
            let want = if ty == ValType::I32 {
                v as u32 as u64
            } else {
                v as u64
            };
            assert_eq!(run(&f, &[]).unwrap()[0], want);
        }
    }
}

// ---- Control flow ------------------------------------------------------------

#[test]
fn select_and_branches() {
    for ty in [ValType::I32, ValType::I64, ValType::F32, ValType::F64] {
        let (t, e) = if ty.is_float() {
            (F(1), F(2))
        } else {
            (I(0), I(7))
        };
        let f = single(|m| {
            m.mov(ty, t, param(1));
            m.mov(ty, e, param(2));
            m.mov(ValType::I32, I(1), param(0));
            m.select(ty, t, I(1), e);
            m.mov(ty, if ty.is_float() { FRES } else { RES }, Operand::Reg(t));
        });
        let slot = |r: [u64; 2]| if ty.is_float() { r[1] } else { r[0] };
        // The condition is an i32: upper garbage in the slot must not count.
        assert_eq!(
            slot(run(&f, &[0x1_0000_0000, 11, 22]).unwrap()) & 0xFFFF_FFFF,
            22
        );
        assert_eq!(
            slot(run(&f, &[0x8000_0000, 11, 22]).unwrap()) & 0xFFFF_FFFF,
            11
        );
    }
    let f = single(|m| {
        let (yes, end) = (m.new_label(), m.new_label());
        m.mov(ValType::I32, I(2), param(0));
        m.branch_if(I(2), true, yes);
        m.mov(ValType::I32, RES, Operand::Imm(10));
        m.jump(end);
        m.bind(yes);
        m.mov(ValType::I32, RES, Operand::Imm(20));
        m.bind(end);
    });
    assert_eq!(run(&f, &[0]).unwrap()[0], 10);
    assert_eq!(run(&f, &[5]).unwrap()[0], 20);
}

#[test]
fn jump_table_dispatch() {
    let f = single(|m| {
        let targets: Vec<Label> = (0..5).map(|_| m.new_label()).collect();
        let (default, end) = (m.new_label(), m.new_label());
        m.mov(ValType::I32, I(6), param(0));
        m.jump_table(I(6), &targets, default);
        for (i, &t) in targets.iter().enumerate() {
            m.bind(t);
            m.mov(ValType::I32, RES, Operand::Imm(100 + i as i64));
            m.jump(end);
        }
        m.bind(default);
        m.mov(ValType::I32, RES, Operand::Imm(999));
        m.bind(end);
    });
    for (i, want) in [(0, 100), (1, 101), (4, 104), (5, 999), (0xFFFF_FFFF, 999)] {
        assert_eq!(run(&f, &[i]).unwrap()[0], want);
    }
}

#[test]
fn unconditional_trap_and_stack_overflow() {
    let f = single(|m| m.trap(TrapCode::Unreachable));
    assert_eq!(run(&f, &[]), Err(TrapCode::Unreachable));
    let f = single(|m| m.mov(ValType::I32, RES, Operand::Imm(1)));
    let mut env = Env::new();
    let limit = usize::MAX;
    env.set(STACK_LIMIT, &limit as *const usize as u64);
    assert_eq!(f.0.call(&mut env, f.1, &[]), Err(TrapCode::StackOverflow));
}

// ---- Calls -------------------------------------------------------------------

/// `callee(a, b) = a - b * 2` in the wasm convention.
fn callee(m: &mut M, l: Label) -> usize {
    func(m, l, |m| {
        // Straight into INT_RESULT, which must not be the rhs.
        let (a, b) = (int_apart(0), int_apart(1));
        m.mov(ValType::I64, a, param(0));
        m.mov(ValType::I64, b, param(1));
        m.int_binop(IntBinOp::Shl, ValType::I64, b, b, Operand::Imm(1));
        m.int_binop(IntBinOp::Sub, ValType::I64, RES, a, Operand::Reg(b));
    })
}

#[test]
fn direct_import_and_indirect_calls() {
    let mut callee_entry = 0;
    let (jit, _) = module(|m| {
        let c = m.new_function_label();
        callee_entry = callee(m, c);
        0
    });
    let callee_addr = jit.code.as_ptr() as u64 + callee_entry as u64;
    // The callee runs with a different vmctx (whose memory byte 0 is 0):
    // the caller must restore its own (where it is 1).
    // The import record occupies SLOT_A and SLOT_B; the table is at SLOT_C,
    // the expected signature id at SLOT_D.
    let mut other = Env::new();
    let records = [
        FuncRef {
            code: callee_addr as *const u8,
            vmctx: other.vmctx.as_mut_ptr() as *mut u8,
            type_id: 7,
            index: 0,
        },
        FuncRef {
            code: callee_addr as *const u8,
            vmctx: std::ptr::null_mut(),
            type_id: 8,
            index: 0,
        },
    ];
    // Elements are references: addresses of records, 0 for null.
    let mut table = vec![
        &records[0] as *const FuncRef as u64,
        0,
        &records[1] as *const FuncRef as u64,
    ];
    let tabledef = TableDef {
        elements: table.as_mut_ptr(),
        len: 3,
    };

    let (jit2, entries) = {
        let mut entries = [0usize; 3];
        let (j, _) = module(|m| {
            let c = m.new_function_label();
            callee(m, c);
            let args = |m: &mut M| {
                m.store_arg(ValType::I64, 0, Operand::Imm(100));
                m.store_arg(ValType::I64, 1, param(0));
            };
            // Each caller checks that its pinned vmctx and memory base were
            // restored by loading memory[0]. The call's result is taken out
            // of INT_RESULT first, as the compiler does: INT_RESULT may be
            // a scratch register that the load uses.
            let check = |m: &mut M| {
                let (sum, byte) = (int_apart(0), int_apart(1));
                m.mov(ValType::I64, sum, Operand::Reg(RES));
                m.load(LoadKind::I32_8U, byte, Operand::Imm(0), 0);
                m.int_binop(IntBinOp::Add, ValType::I64, sum, sum, Operand::Reg(byte));
                m.mov(ValType::I64, RES, Operand::Reg(sum));
            };
            let l = m.new_function_label();
            entries[0] = func(m, l, |m| {
                args(m);
                m.call_direct(c);
                check(m);
            });
            let l = m.new_function_label();
            entries[1] = func(m, l, |m| {
                args(m);
                m.call_import(SLOT_A);
                check(m);
            });
            let l = m.new_function_label();
            entries[2] = func(m, l, |m| {
                args(m);
                m.mov(ValType::I32, I(4), param(1));
                m.call_indirect(SLOT_C, SLOT_D, I(4));
                check(m);
            });
            0
        });
        (j, entries)
    };
    let mut env = Env::new();
    env.mem()[0] = 1;
    // Both instances are of one store, whose one stack-limit cell (written
    // by `call_wasm` at entry) every vmctx of the store points to.
    other.set(STACK_LIMIT, env.stack_limit.as_ptr() as u64);
    env.set(SLOT_A, callee_addr);
    env.set(SLOT_B, other.vmctx.as_mut_ptr() as u64);
    env.set(SLOT_C, &tabledef as *const TableDef as u64);
    // The expected signature id, a u32 at SLOT_D (the cell's low half on
    // both little-endian ISAs).
    env.set(SLOT_D, 7);
    for e in entries {
        assert_eq!(
            jit2.call(&mut env, e, &[3, 0]).unwrap()[0],
            100 - 6 + 1,
            "entry {e}"
        );
    }
    let ind = entries[2];
    assert_eq!(
        jit2.call(&mut env, ind, &[3, 1]),
        Err(TrapCode::UninitializedElement)
    );
    assert_eq!(
        jit2.call(&mut env, ind, &[3, 2]),
        Err(TrapCode::IndirectCallTypeMismatch)
    );
    assert_eq!(
        jit2.call(&mut env, ind, &[3, 3]),
        Err(TrapCode::TableOutOfBounds)
    );
    assert_eq!(
        jit2.call(&mut env, ind, &[3, 0xFFFF_FFFF]),
        Err(TrapCode::TableOutOfBounds)
    );
    drop(jit);
}

extern "C" fn builtin(vmctx: *mut u64, a: u64, b: u64, c: u64, d: u64, e: u64) -> u64 {
    // SAFETY: only the test's JIT code calls this, with the test vmctx
    // (which has SLOT_B) and `d` the address of a live frame slot.
    unsafe {
        // The frame address argument points at a slot holding 5.
        assert_eq!(*(d as *const u64), 5);
        *vmctx.add(cell(SLOT_B)) = a;
    }
    a.wrapping_mul(3) ^ b ^ c ^ e
}

/// A builtin is a plain `extern "C"` Rust function, called with the
/// platform C ABI: the vmctx first, then five arguments, all of which fit
/// in argument registers on every supported ABI.
#[test]
fn builtin_calls_use_the_platform_c_abi() {
    // The register argument may be any allocatable register, at any
    // position (the frame address stays at 3): some of those registers are
    // the ABI's argument registers (x64: rdi, rsi, r8, r9), including the
    // vmctx's and ones the other arguments would overwrite, so every order
    // of moves must work.
    for (reg, pos) in (0..8).flat_map(|k| [0usize, 1, 2, 4].map(|pos| (I(k), pos))) {
        let f = single(|m| {
            m.mov(ValType::I64, reg, param(0));
            m.store_frame(ValType::I64, LOCAL_0, Operand::Imm(5));
            let mut args = [
                BuiltinArg::Imm(11),
                BuiltinArg::Imm(-1),
                BuiltinArg::Imm(0x1_0000_0000),
                BuiltinArg::FrameAddr(LOCAL_0),
                BuiltinArg::Imm(4),
            ];
            args[pos] = BuiltinArg::Reg(reg);
            m.call_builtin(SLOT_A, &args);
        });
        let mut env = Env::new();
        env.set(SLOT_A, builtin as *const () as u64);
        let x = 0xABCDu64;
        let mut v = [11u64, u64::MAX, 0x1_0000_0000, 0, 4];
        v[pos] = x;
        let want = v[0].wrapping_mul(3) ^ v[1] ^ v[2] ^ v[4];
        assert_eq!(
            f.0.call(&mut env, f.1, &[x]).unwrap()[0],
            want,
            "{reg:?} at {pos}"
        );
        assert_eq!(env.vmctx[cell(SLOT_B)], v[0]);
    }
}

/// aarch64's conditional branches reach only ±1 MiB. These tests shrink the
/// assumed reach to a few dozen instructions so that small functions need
/// every far form: islands of veneers for forward branches (to labels and
/// to trap stubs), and inverted-condition-over-`b` for backward ones. The
/// real reach is covered by `tests/large_function.rs`.
#[cfg(target_arch = "aarch64")]
mod far_branches {
    use super::*;

    const REACH: usize = 256;

    /// Emit `n` additions of 1 to `r`: straight-line code of known size.
    fn padding(m: &mut M, r: Reg, n: usize) {
        for _ in 0..n {
            m.int_binop(IntBinOp::Add, ValType::I32, r, r, Operand::Imm(1));
        }
    }

    /// Build one function with the short reach; returns it and the number
    /// of (islands, far backward branches) it needed.
    fn short_reach(body: impl FnOnce(&mut M)) -> ((Jit, usize), (usize, usize)) {
        let mut forms = (0, 0);
        let jit = module_with(M::with_branch_reach(REACH), |m| {
            let l = m.new_function_label();
            let entry = func(m, l, body);
            forms = m.far_branch_forms();
            entry
        });
        (jit, forms)
    }

    #[test]
    fn forward_branches_over_long_code_go_through_islands() {
        let (f, (islands, _)) = short_reach(|m| {
            let (skip, end) = (m.new_label(), m.new_label());
            m.mov(ValType::I32, I(0), param(0));
            m.mov(ValType::I32, I(1), Operand::Imm(0));
            m.branch_if(I(0), true, skip);
            padding(m, I(1), 200);
            m.mov(ValType::I32, RES, Operand::Reg(I(1)));
            m.jump(end);
            m.bind(skip);
            m.mov(ValType::I32, RES, Operand::Imm(777));
            m.bind(end);
        });
        assert!(islands >= 1, "expected an island, got {islands}");
        assert_eq!(run(&f, &[0]).unwrap()[0], 200);
        assert_eq!(run(&f, &[1]).unwrap()[0], 777);
    }

    #[test]
    fn backward_branches_beyond_reach_use_the_far_form() {
        let (f, (_, far_backward)) = short_reach(|m| {
            let top = m.new_label();
            m.mov(ValType::I32, I(1), Operand::Imm(0));
            m.mov(ValType::I32, I(2), param(0));
            m.bind(top);
            padding(m, I(1), 100);
            m.int_binop(IntBinOp::Sub, ValType::I32, I(2), I(2), Operand::Imm(1));
            m.branch_if(I(2), true, top);
            m.mov(ValType::I32, RES, Operand::Reg(I(1)));
        });
        assert_eq!(far_backward, 1);
        assert_eq!(run(&f, &[1]).unwrap()[0], 100);
        assert_eq!(run(&f, &[3]).unwrap()[0], 300);
    }

    #[test]
    fn trap_stubs_and_table_defaults_far_away() {
        let (f, (islands, _)) = short_reach(|m| {
            let targets: Vec<Label> = (0..3).map(|_| m.new_label()).collect();
            let (default, end) = (m.new_label(), m.new_label());
            // A division check near the start; its stub is emitted after
            // all the padding.
            m.mov(ValType::I32, I(0), Operand::Imm(100));
            m.mov(ValType::I32, I(3), param(0));
            m.int_binop(IntBinOp::DivU, ValType::I32, I(0), I(0), Operand::Reg(I(3)));
            m.mov(ValType::I32, I(1), Operand::Imm(0));
            m.mov(ValType::I32, I(4), param(1));
            m.jump_table(I(4), &targets, default);
            for (k, &t) in targets.iter().enumerate() {
                m.bind(t);
                padding(m, I(1), 40 * (k + 1));
                m.jump(end);
            }
            m.bind(default);
            padding(m, I(1), 5);
            m.bind(end);
            m.int_binop(IntBinOp::Add, ValType::I32, RES, I(0), Operand::Reg(I(1)));
        });
        assert!(islands >= 1, "expected islands, got {islands}");
        assert_eq!(run(&f, &[0, 0]), Err(TrapCode::IntegerDivideByZero));
        assert_eq!(run(&f, &[10, 0]).unwrap()[0], 10 + 40);
        assert_eq!(run(&f, &[10, 2]).unwrap()[0], 10 + 120);
        assert_eq!(run(&f, &[10, 3]).unwrap()[0], 10 + 5);
        assert_eq!(run(&f, &[10, 1 << 31]).unwrap()[0], 10 + 5);
    }
}

/// `bounds_check` passes exactly when `index + end <= length` in exact
/// arithmetic: for i32 indices (zero-extended, every form of `end`: an
/// immediate, a displacement, a materialised 33-bit value), for 64-bit
/// indices (memory64), whose sum must trap when it wraps, and for a
/// constant index folded into `end`. The memory is one page long.
#[test]
fn bounds_checks_compare_the_exact_end() {
    let len = PAGE as u64;
    let ends = [1, 8, 16, 4095, 4096, len, len + 1, 1 << 31, (1 << 32) + 8];
    let indices = [
        0,
        1,
        len - 16,
        len - 8,
        len - 1,
        len,
        u32::MAX as u64 - 7,
        u32::MAX as u64,
        1 << 32,
        u64::MAX - 7,
        u64::MAX,
    ];
    for index64 in [false, true] {
        for end in ends {
            let check = single(|m| {
                let ty = if index64 { ValType::I64 } else { ValType::I32 };
                m.mov(ty, I(7), param(0));
                m.bounds_check(Some(I(7)), index64, end, MEMORY);
                m.mov(ValType::I64, RES, Operand::Imm(1));
            });
            for index in indices {
                // An i32 index is the parameter's low half.
                let seen = if index64 { index } else { index as u32 as u64 };
                let fits = seen as u128 + end as u128 <= len as u128;
                let want = if fits {
                    Ok(1)
                } else {
                    Err(TrapCode::MemoryOutOfBounds)
                };
                let got = run(&check, &[index]).map(|r| r[0]);
                assert_eq!(got, want, "index {index:#x} (64-bit: {index64}) + {end:#x}");
            }
        }
    }
    for end in ends.into_iter().chain([len - 1, u64::MAX]) {
        let check = single(|m| {
            m.bounds_check(None, false, end, MEMORY);
            m.mov(ValType::I64, RES, Operand::Imm(1));
        });
        let want = if end <= len {
            Ok(1)
        } else {
            Err(TrapCode::MemoryOutOfBounds)
        };
        assert_eq!(
            run(&check, &[]).map(|r| r[0]),
            want,
            "constant end {end:#x}"
        );
    }
}
