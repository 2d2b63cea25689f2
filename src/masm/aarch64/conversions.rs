//! Conversions between integer and float types, and reinterpretations.
//!
//! Most are one instruction: `scvtf`/`ucvtf` convert any integer width with
//! correct rounding (including u64, which x64 has to emulate), `fcvt`
//! changes float width, `fmov` moves bits between register files, `sxtw`
//! and the W-register `mov` extend.
//!
//! The saturating truncations are exactly `fcvtzs`/`fcvtzu`. The trapping
//! truncations are the exception. `fcvtzs`/`fcvtzu` saturate
//! instead of trapping, so wasm's traps are explicit range checks before
//! the conversion: NaN (`fcmp x, x` is unordered) traps with
//! `InvalidConversionToInteger`, and a value outside the open interval
//! (`lo`, `hi`) with `IntegerOverflow`. The bounds are the first values
//! whose truncation no longer fits, all exactly representable; when the
//! lowest valid value is itself a power of two (`-2^31` for i32 from f32,
//! `-2^63` for i64) the lower bound is inclusive instead.

use dynasmrt::DynasmApi;

use super::{a64, A64Masm, Cond, V31};
use crate::masm::Conversion;
use crate::trap::TrapCode;

/// The valid range of a truncation, as float bit patterns of the source
/// width: `lo` exclusive (or inclusive when `lo_inclusive`), `hi` exclusive.
struct Range {
    lo: f64,
    lo_inclusive: bool,
    hi: f64,
}

fn range(op: Conversion) -> Range {
    use Conversion::*;
    const P31: f64 = 2147483648.0;
    const P32: f64 = 4294967296.0;
    const P63: f64 = 9223372036854775808.0;
    const P64: f64 = 18446744073709551616.0;
    let (lo, lo_inclusive, hi) = match op {
        // -2^31 - 1 is not an f32; the next f32 below -2^31 already fails.
        I32TruncF32S => (-P31, true, P31),
        I32TruncF64S => (-P31 - 1.0, false, P31),
        I32TruncF32U | I32TruncF64U => (-1.0, false, P32),
        I64TruncF32S | I64TruncF64S => (-P63, true, P63),
        I64TruncF32U | I64TruncF64U => (-1.0, false, P64),
        _ => unreachable!("not a trapping truncation: {op:?}"),
    };
    Range {
        lo,
        lo_inclusive,
        hi,
    }
}

impl A64Masm {
    pub(super) fn emit_convert(&mut self, op: Conversion, d: u8, s: u8) {
        use Conversion::*;
        match op {
            I32WrapI64 | I64ExtendI32U => a64!(self.asm ; mov W(d), W(s)),
            I64ExtendI32S => a64!(self.asm ; sxtw X(d), W(s)),
            I32TruncF32S | I32TruncF32U | I32TruncF64S | I32TruncF64U | I64TruncF32S
            | I64TruncF32U | I64TruncF64S | I64TruncF64U => {
                self.check_truncation(op, s);
                match op {
                    I32TruncF32S => a64!(self.asm ; fcvtzs W(d), S(s)),
                    I32TruncF32U => a64!(self.asm ; fcvtzu W(d), S(s)),
                    I32TruncF64S => a64!(self.asm ; fcvtzs W(d), D(s)),
                    I32TruncF64U => a64!(self.asm ; fcvtzu W(d), D(s)),
                    I64TruncF32S => a64!(self.asm ; fcvtzs X(d), S(s)),
                    I64TruncF32U => a64!(self.asm ; fcvtzu X(d), S(s)),
                    I64TruncF64S => a64!(self.asm ; fcvtzs X(d), D(s)),
                    _ => a64!(self.asm ; fcvtzu X(d), D(s)),
                }
            }
            F32ConvertI32S => a64!(self.asm ; scvtf S(d), W(s)),
            F32ConvertI32U => a64!(self.asm ; ucvtf S(d), W(s)),
            F32ConvertI64S => a64!(self.asm ; scvtf S(d), X(s)),
            F32ConvertI64U => a64!(self.asm ; ucvtf S(d), X(s)),
            F64ConvertI32S => a64!(self.asm ; scvtf D(d), W(s)),
            F64ConvertI32U => a64!(self.asm ; ucvtf D(d), W(s)),
            F64ConvertI64S => a64!(self.asm ; scvtf D(d), X(s)),
            F64ConvertI64U => a64!(self.asm ; ucvtf D(d), X(s)),
            F32DemoteF64 => a64!(self.asm ; fcvt S(d), D(s)),
            F64PromoteF32 => a64!(self.asm ; fcvt D(d), S(s)),
            I32ReinterpretF32 => a64!(self.asm ; fmov W(d), S(s)),
            I64ReinterpretF64 => a64!(self.asm ; fmov X(d), D(s)),
            F32ReinterpretI32 => a64!(self.asm ; fmov S(d), W(s)),
            F64ReinterpretI64 => a64!(self.asm ; fmov D(d), X(s)),
            I32Extend8S => a64!(self.asm ; sxtb W(d), W(s)),
            I32Extend16S => a64!(self.asm ; sxth W(d), W(s)),
            I64Extend8S => a64!(self.asm ; sxtb X(d), W(s)),
            I64Extend16S => a64!(self.asm ; sxth X(d), W(s)),
            I64Extend32S => a64!(self.asm ; sxtw X(d), W(s)),
            // fcvtz* already are wasm's saturating truncations: NaN gives
            // 0 and out-of-range inputs the nearest bound.
            I32TruncSatF32S => a64!(self.asm ; fcvtzs W(d), S(s)),
            I32TruncSatF32U => a64!(self.asm ; fcvtzu W(d), S(s)),
            I32TruncSatF64S => a64!(self.asm ; fcvtzs W(d), D(s)),
            I32TruncSatF64U => a64!(self.asm ; fcvtzu W(d), D(s)),
            I64TruncSatF32S => a64!(self.asm ; fcvtzs X(d), S(s)),
            I64TruncSatF32U => a64!(self.asm ; fcvtzu X(d), S(s)),
            I64TruncSatF64S => a64!(self.asm ; fcvtzs X(d), D(s)),
            I64TruncSatF64U => a64!(self.asm ; fcvtzu X(d), D(s)),
        }
    }

    /// Trap unless `s` truncates to a value the conversion's result holds.
    fn check_truncation(&mut self, op: Conversion, s: u8) {
        let w64 = op.signature().0.is_64();
        let r = range(op);
        let invalid = self.trap_label(TrapCode::InvalidConversionToInteger);
        let overflow = self.trap_label(TrapCode::IntegerOverflow);
        self.float_compare(w64, s, s);
        self.branch(Cond::Vs, invalid);
        // NaN is excluded from here on, so the signed conditions are plain
        // ordered comparisons.
        self.load_float_const(w64, V31, r.lo);
        self.float_compare(w64, s, V31);
        let below = if r.lo_inclusive { Cond::Lt } else { Cond::Le };
        self.branch(below, overflow);
        self.load_float_const(w64, V31, r.hi);
        self.float_compare(w64, s, V31);
        self.branch(Cond::Ge, overflow);
    }

    fn float_compare(&mut self, w64: bool, l: u8, r: u8) {
        if w64 {
            a64!(self.asm ; fcmp D(l), D(r));
        } else {
            a64!(self.asm ; fcmp S(l), S(r));
        }
    }

    /// Load an exactly representable constant in the source width.
    fn load_float_const(&mut self, w64: bool, dst: u8, v: f64) {
        let bits = if w64 {
            v.to_bits() as i64
        } else {
            (v as f32).to_bits() as i64
        };
        self.load_float_bits(w64, dst, bits);
    }
}
