//! Conversions between the four value types.
//!
//! The hardware covers the signed cases directly (`cvtsi2ss`, `cvttss2si`);
//! everything unsigned or trapping needs help:
//!
//! * u32 -> float: an i32 register is zero-extended, so the 64-bit signed
//!   conversion of the whole register is exact.
//! * u64 -> float: values below 2^63 convert as signed. Above, halve the
//!   value and OR the dropped low bit back in as a "sticky" bit, convert,
//!   and double. The sticky bit keeps round-to-nearest-even correct: without
//!   it, a value just above a tie would round as if it were the tie.
//! * float -> int (trapping): `cvtt*` returns the "integer indefinite"
//!   value (MIN) for NaN and out-of-range inputs, which is also a valid
//!   result, so we check the input against the exact open interval of
//!   values whose truncation fits, before converting. NaN fails the parity
//!   check of `ucomis` first and gets its own trap code.
//! * float -> u32 uses the 64-bit signed conversion (the range fits);
//!   float -> u64 subtracts 2^63 from inputs >= 2^63, converts, and flips
//!   the top bit back.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::float::sse;
use super::{X64Masm, XMM14, XMM15};
use crate::masm::Conversion;
use crate::trap::TrapCode;

/// 2^63 as a float: the boundary of the signed 64-bit range.
const TWO_63: f64 = 9223372036854775808.0;

impl X64Masm {
    pub(super) fn emit_convert(&mut self, op: Conversion, d: u8, s: u8) {
        use Conversion::*;
        match op {
            I32WrapI64 | I64ExtendI32U => self.op32(0x89, s, super::Rm::Reg(d)),
            I64ExtendI32S => dynasm!(self.asm ; movsxd Rq(d), Rd(s)),
            I32ReinterpretF32 => dynasm!(self.asm ; movd Rd(d), Rx(s)),
            I64ReinterpretF64 => dynasm!(self.asm ; movq Rq(d), Rx(s)),
            F32ReinterpretI32 => dynasm!(self.asm ; movd Rx(d), Rd(s)),
            F64ReinterpretI64 => dynasm!(self.asm ; movq Rx(d), Rq(s)),
            // Hardware NaN handling: the result is a quiet NaN, as allowed.
            F32DemoteF64 => dynasm!(self.asm ; cvtsd2ss Rx(d), Rx(s)),
            F64PromoteF32 => dynasm!(self.asm ; cvtss2sd Rx(d), Rx(s)),

            // cvtsi2s* only writes the low lane; zeroing dst first breaks
            // the false dependency on its previous contents.
            F32ConvertI32S => dynasm!(self.asm ; xorps Rx(d), Rx(d) ; cvtsi2ss Rx(d), Rd(s)),
            F64ConvertI32S => dynasm!(self.asm ; xorps Rx(d), Rx(d) ; cvtsi2sd Rx(d), Rd(s)),
            F32ConvertI32U | F32ConvertI64S => {
                dynasm!(self.asm ; xorps Rx(d), Rx(d) ; cvtsi2ss Rx(d), Rq(s))
            }
            F64ConvertI32U | F64ConvertI64S => {
                dynasm!(self.asm ; xorps Rx(d), Rx(d) ; cvtsi2sd Rx(d), Rq(s))
            }
            F32ConvertI64U => self.convert_u64(false, d, s),
            F64ConvertI64U => self.convert_u64(true, d, s),

            // The open intervals (lo, hi) of inputs whose truncation fits.
            // The low bounds are the first representable value below
            // MIN - 1 (or -1 for unsigned); they differ between f32 and f64
            // because the spacing of representable values does.
            I32TruncF32S | I32TruncF64S | I32TruncF32U | I32TruncF64U | I64TruncF32S
            | I64TruncF64S | I64TruncF32U | I64TruncF64U | I32TruncSatF32S | I32TruncSatF64S
            | I32TruncSatF32U | I32TruncSatF64U | I64TruncSatF32S | I64TruncSatF64S
            | I64TruncSatF32U | I64TruncSatF64U => {
                let (w, to64, signed, lo, hi) = match op {
                    I32TruncF32S | I32TruncSatF32S => {
                        (false, false, true, -2147483904.0, 2147483648.0)
                    }
                    I32TruncF64S | I32TruncSatF64S => {
                        (true, false, true, -2147483649.0, 2147483648.0)
                    }
                    I32TruncF32U | I32TruncSatF32U => (false, false, false, -1.0, 4294967296.0),
                    I32TruncF64U | I32TruncSatF64U => (true, false, false, -1.0, 4294967296.0),
                    I64TruncF32S | I64TruncSatF32S => {
                        (false, true, true, -9223373136366403584.0, TWO_63)
                    }
                    I64TruncF64S | I64TruncSatF64S => {
                        (true, true, true, -9223372036854777856.0, TWO_63)
                    }
                    I64TruncF32U | I64TruncSatF32U => {
                        (false, true, false, -1.0, 18446744073709551616.0)
                    }
                    _ => (true, true, false, -1.0, 18446744073709551616.0),
                };
                let saturate = matches!(
                    op,
                    I32TruncSatF32S
                        | I32TruncSatF64S
                        | I32TruncSatF32U
                        | I32TruncSatF64U
                        | I64TruncSatF32S
                        | I64TruncSatF64S
                        | I64TruncSatF32U
                        | I64TruncSatF64U
                );
                self.truncate(
                    Truncation {
                        w,
                        to64,
                        signed,
                        lo,
                        hi,
                        saturate,
                    },
                    d,
                    s,
                );
            }

            I32Extend8S => dynasm!(self.asm ; movsx Rd(d), Rb(s)),
            I32Extend16S => dynasm!(self.asm ; movsx Rd(d), Rw(s)),
            I64Extend8S => dynasm!(self.asm ; movsx Rq(d), Rb(s)),
            I64Extend16S => dynasm!(self.asm ; movsx Rq(d), Rw(s)),
            I64Extend32S => dynasm!(self.asm ; movsxd Rq(d), Rd(s)),
        }
    }

    /// Load the float constant `v` (exactly representable in the target
    /// width) into an xmm scratch register.
    fn float_const(&mut self, w: bool, xmm: u8, v: f64) {
        let bits = if w {
            v.to_bits() as i64
        } else {
            (v as f32).to_bits() as i64
        };
        self.load_float_bits(w, xmm, bits);
    }

    /// u64 -> f32/f64 with correct rounding (see the module comment).
    fn convert_u64(&mut self, w: bool, d: u8, s: u8) {
        dynasm!(self.asm
            ; xorps Rx(d), Rx(d)
            ; test Rq(s), Rq(s)
            ; js BYTE >big
        );
        sse!(self, w, cvtsi2ss / cvtsi2sd, Rx(d), Rq(s));
        dynasm!(self.asm
            ; jmp BYTE >done
            ; big:
            ; mov rax, Rq(s)
            ; mov ecx, Rd(s)
            ; shr rax, 1
            ; and ecx, 1
            ; or rax, rcx
        );
        sse!(self, w, cvtsi2ss / cvtsi2sd, Rx(d), rax);
        sse!(self, w, addss / addsd, Rx(d), Rx(d));
        dynasm!(self.asm ; done:);
    }

    /// Float -> int truncation. Trapping: `NaN` traps with
    /// `InvalidConversionToInteger`, anything outside `(lo, hi)` with
    /// `IntegerOverflow`. Saturating: the same checks select 0 or the
    /// nearest bound instead, out of line.
    fn truncate(&mut self, t: Truncation, d: u8, s: u8) {
        let Truncation {
            w,
            to64,
            signed,
            lo,
            hi,
            saturate,
        } = t;
        let (nan, below, above) = if saturate {
            let l = (
                self.asm.new_dynamic_label(),
                self.asm.new_dynamic_label(),
                self.asm.new_dynamic_label(),
            );
            (l.0, l.1, l.2)
        } else {
            let overflow = self.trap_label(TrapCode::IntegerOverflow);
            (
                self.trap_label(TrapCode::InvalidConversionToInteger),
                overflow,
                overflow,
            )
        };
        sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(s));
        dynasm!(self.asm ; jp =>nan);
        self.float_const(w, XMM15, lo);
        sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(XMM15));
        dynasm!(self.asm ; jbe =>below);
        self.float_const(w, XMM15, hi);
        sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(XMM15));
        dynasm!(self.asm ; jae =>above);
        match (to64, signed) {
            (false, true) => sse!(self, w, cvttss2si / cvttsd2si, Rd(d), Rx(s)),
            // Any value in (-1, 2^32) fits the signed 64-bit conversion,
            // whose result is then already zero-extended.
            (false, false) | (true, true) => sse!(self, w, cvttss2si / cvttsd2si, Rq(d), Rx(s)),
            (true, false) => {
                self.float_const(w, XMM15, TWO_63);
                sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(XMM15));
                dynasm!(self.asm ; jae BYTE >big);
                sse!(self, w, cvttss2si / cvttsd2si, Rq(d), Rx(s));
                dynasm!(self.asm ; jmp BYTE >done ; big:);
                dynasm!(self.asm ; movaps Rx(XMM14), Rx(s));
                sse!(self, w, subss / subsd, Rx(XMM14), Rx(XMM15));
                sse!(self, w, cvttss2si / cvttsd2si, Rq(d), Rx(XMM14));
                dynasm!(self.asm ; btc Rq(d), 63 ; done:);
            }
        }
        if saturate {
            let (min, max): (i64, i64) = match (to64, signed) {
                (false, true) => (i32::MIN as u32 as i64, i32::MAX as i64),
                (false, false) => (0, u32::MAX as i64),
                (true, true) => (i64::MIN, i64::MAX),
                (true, false) => (0, -1),
            };
            let end = self.asm.new_dynamic_label();
            dynasm!(self.asm ; jmp =>end ; =>nan);
            self.load_imm(to64, d, 0);
            dynasm!(self.asm ; jmp =>end ; =>below);
            self.load_imm(to64, d, min);
            dynasm!(self.asm ; jmp =>end ; =>above);
            self.load_imm(to64, d, max);
            dynasm!(self.asm ; =>end);
        }
    }
}

/// The shape of one float -> int truncation: source width, result width
/// and signedness, the open interval `(lo, hi)` of inputs whose truncation
/// fits, and whether out-of-range inputs saturate or trap.
struct Truncation {
    w: bool,
    to64: bool,
    signed: bool,
    lo: f64,
    hi: f64,
    saturate: bool,
}
