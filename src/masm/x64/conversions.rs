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
            I32WrapI64 | I64ExtendI32U => dynasm!(self.asm ; mov Rd(d), Rd(s)),
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
            I32TruncF32S => self.truncate(false, false, true, -2147483904.0, 2147483648.0, d, s),
            I32TruncF64S => self.truncate(true, false, true, -2147483649.0, 2147483648.0, d, s),
            I32TruncF32U => self.truncate(false, false, false, -1.0, 4294967296.0, d, s),
            I32TruncF64U => self.truncate(true, false, false, -1.0, 4294967296.0, d, s),
            I64TruncF32S => self.truncate(false, true, true, -9223373136366403584.0, TWO_63, d, s),
            I64TruncF64S => self.truncate(true, true, true, -9223372036854777856.0, TWO_63, d, s),
            I64TruncF32U => self.truncate(false, true, false, -1.0, 18446744073709551616.0, d, s),
            I64TruncF64U => self.truncate(true, true, false, -1.0, 18446744073709551616.0, d, s),
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

    /// Trapping float -> int truncation: `NaN` traps with
    /// `InvalidConversionToInteger`, anything outside `(lo, hi)` with
    /// `IntegerOverflow`, and the rest converts.
    #[allow(clippy::too_many_arguments)]
    fn truncate(&mut self, w: bool, to64: bool, signed: bool, lo: f64, hi: f64, d: u8, s: u8) {
        let invalid = self.trap_label(TrapCode::InvalidConversionToInteger);
        let overflow = self.trap_label(TrapCode::IntegerOverflow);
        sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(s));
        dynasm!(self.asm ; jp =>invalid);
        self.float_const(w, XMM15, lo);
        sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(XMM15));
        dynasm!(self.asm ; jbe =>overflow);
        self.float_const(w, XMM15, hi);
        sse!(self, w, ucomiss / ucomisd, Rx(s), Rx(XMM15));
        dynasm!(self.asm ; jae =>overflow);
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
    }
}
