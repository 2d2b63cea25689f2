//! Converting between command-line text and wasm values.
//!
//! Arguments of `flint run --invoke` are parsed according to the parameter
//! types of the invoked function, and results are printed so that feeding
//! the printed text back as an argument gives the exact same bits. That
//! round-trip property is what makes the CLI usable for differential
//! testing against other engines, so floats get particular care:
//!
//! * finite values print with Rust's shortest round-tripping notation
//!   (`{:?}`, e.g. `0.1`, `1e300`, `-0.0`);
//! * infinities print as `inf` / `-inf`;
//! * NaNs print in the wat text format's notation: `nan` for the canonical
//!   NaN, `nan:0x1234` when the payload differs, with a leading `-` if the
//!   sign bit is set. Wasm arithmetic may produce either sign (spec §4.3.3),
//!   and a plain `NaN` would lose which one it was.

use flint::{Val, ValType};

/// Parses one command-line argument as a value of type `ty`.
/// The error is a message for the user, without the `error: ` prefix.
pub fn parse_val(text: &str, ty: ValType) -> Result<Val, String> {
    match ty {
        ValType::I32 => parse_int(text, 32).map(|bits| Val::I32(bits as u32 as i32)),
        ValType::I64 => parse_int(text, 64).map(|bits| Val::I64(bits as i64)),
        ValType::F32 => parse_f32(text).map(Val::F32),
        ValType::F64 => parse_f64(text).map(Val::F64),
        // A vector as one 128-bit integer (lane 0 lowest), e.g. `0x...`.
        ValType::V128 => parse_v128(text).map(Val::V128),
        // A reference cannot be written on a command line, except null.
        ValType::FuncRef | ValType::ExternRef if text == "null" => Ok(Val::default_for(ty)),
        ValType::FuncRef | ValType::ExternRef => {
            Err(format!("a {ty} argument can only be `null`, not `{text}`"))
        }
    }
}

/// Formats a result value for printing (see the module docs).
pub fn format_val(val: &Val) -> String {
    match *val {
        Val::I32(v) => v.to_string(),
        Val::I64(v) => v.to_string(),
        Val::F32(bits) => format_float(
            f32::from_bits(bits) as f64,
            bits as u64,
            FloatLayout::F32,
            || format!("{:?}", f32::from_bits(bits)),
        ),
        Val::F64(bits) => format_float(f64::from_bits(bits), bits, FloatLayout::F64, || {
            format!("{:?}", f64::from_bits(bits))
        }),
        Val::V128(_) | Val::FuncRef(_) | Val::ExternRef(_) => val.to_string(),
    }
}

/// The unsigned value of `digits` (decimal or `0x` hex, with optional `_`
/// separators; no sign), as any integer argument spells it. `ty` and
/// `text` (the whole argument) are for the error message.
fn magnitude(ty: &str, text: &str, digits: &str) -> Result<u128, String> {
    let digits = digits.replace('_', "");
    let (radix, body) = match digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        Some(hex) => (16, hex),
        None => (10, digits.as_str()),
    };
    // Check the digits ourselves: `from_str_radix` would also accept a
    // leading `+`, making `+-5` or `0x+5` valid.
    if !is_digits(body, radix) {
        return Err(format!(
            "invalid {ty} `{text}`: expected a decimal or 0x-prefixed hex integer"
        ));
    }
    // Only fails when the number does not even fit in 128 bits.
    u128::from_str_radix(body, radix).map_err(|_| format!("{ty} `{text}` is out of range"))
}

/// A v128 written as one unsigned 128-bit integer, decimal or `0x` hex
/// (lane 0 in the lowest bits, as `v128.const i64x2 lo hi` would lay out).
fn parse_v128(text: &str) -> Result<u128, String> {
    magnitude("v128", text, text)
}

/// Parses an integer of `bits` width, returning its two's-complement bit
/// pattern. Like the wat text format, both the signed and the unsigned
/// range are accepted (`-1` and `4294967295` are the same i32), in decimal
/// or `0x` hex, with optional `_` separators.
fn parse_int(text: &str, bits: u32) -> Result<u64, String> {
    let ty = if bits == 32 { "i32" } else { "i64" };
    let (negative, rest) = split_sign(text);
    let magnitude = magnitude(ty, text, rest)?;

    let limit = if negative {
        1u128 << (bits - 1) // down to -2^(bits-1)
    } else {
        (1u128 << bits) - 1 // up to 2^bits - 1, read as unsigned
    };
    if magnitude > limit {
        return Err(format!("{ty} `{text}` is out of range"));
    }
    let value = if negative {
        (magnitude as i128).wrapping_neg() as u128
    } else {
        magnitude
    };
    Ok(value as u64)
}

/// The bit layout of an IEEE 754 binary format, so NaN handling is written
/// once for both widths.
#[derive(Copy, Clone)]
enum FloatLayout {
    F32,
    F64,
}

impl FloatLayout {
    fn mantissa_bits(self) -> u32 {
        match self {
            FloatLayout::F32 => 23,
            FloatLayout::F64 => 52,
        }
    }
    fn sign_bit(self) -> u64 {
        match self {
            FloatLayout::F32 => 1 << 31,
            FloatLayout::F64 => 1 << 63,
        }
    }
    fn exponent_mask(self) -> u64 {
        match self {
            FloatLayout::F32 => 0xff << 23,
            FloatLayout::F64 => 0x7ff << 52,
        }
    }
    fn mantissa_mask(self) -> u64 {
        (1 << self.mantissa_bits()) - 1
    }
    /// The payload of the canonical NaN: only the top mantissa bit set.
    fn canonical_payload(self) -> u64 {
        1 << (self.mantissa_bits() - 1)
    }
}

fn parse_f32(text: &str) -> Result<u32, String> {
    parse_float(text, FloatLayout::F32, |s| {
        s.parse::<f32>().ok().map(|v| v.to_bits() as u64)
    })
    .map(|bits| bits as u32)
}

fn parse_f64(text: &str) -> Result<u64, String> {
    parse_float(text, FloatLayout::F64, |s| {
        s.parse::<f64>().ok().map(f64::to_bits)
    })
}

/// Parses `nan`, `nan:0xPAYLOAD`, `inf` (each with an optional sign), or a
/// decimal number. Decimal parsing is delegated to Rust's correctly
/// rounding parser *at the target width* (`decimal`), so an f32 argument
/// is rounded once, not via f64 (double rounding would be a subtle bug).
fn parse_float(
    text: &str,
    layout: FloatLayout,
    decimal: impl Fn(&str) -> Option<u64>,
) -> Result<u64, String> {
    let ty = match layout {
        FloatLayout::F32 => "f32",
        FloatLayout::F64 => "f64",
    };
    let invalid =
        || format!("invalid {ty} `{text}`: expected a decimal number, inf, nan or nan:0x...");
    let (negative, rest) = split_sign(text);
    let sign = if negative { layout.sign_bit() } else { 0 };
    let lower = rest.to_ascii_lowercase();

    let payload = if lower == "nan" {
        Some(layout.canonical_payload())
    } else if let Some(hex) = lower.strip_prefix("nan:0x") {
        let hex = hex.replace('_', "");
        if !is_digits(&hex, 16) {
            return Err(invalid());
        }
        let p = u64::from_str_radix(&hex, 16).unwrap_or(u64::MAX);
        if p == 0 || p > layout.mantissa_mask() {
            // A zero payload would be an infinity, a wider one does not fit.
            return Err(format!("{ty} `{text}`: NaN payload out of range"));
        }
        Some(p)
    } else {
        None
    };
    if let Some(p) = payload {
        return Ok(sign | layout.exponent_mask() | p);
    }
    if lower == "inf" || lower == "infinity" {
        return Ok(sign | layout.exponent_mask());
    }
    // Rust's float parser also accepts "nan"/"inf" spellings and a leading
    // sign; those were handled above, and anything that still starts with a
    // letter or sign here is rejected rather than guessed at.
    if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return Err(invalid());
    }
    decimal(&rest.replace('_', ""))
        .map(|bits| sign | bits)
        .ok_or_else(invalid)
}

fn format_float(
    value: f64,
    bits: u64,
    layout: FloatLayout,
    finite: impl FnOnce() -> String,
) -> String {
    let sign = if bits & layout.sign_bit() != 0 {
        "-"
    } else {
        ""
    };
    if value.is_nan() {
        let payload = bits & layout.mantissa_mask();
        if payload == layout.canonical_payload() {
            format!("{sign}nan")
        } else {
            format!("{sign}nan:{payload:#x}")
        }
    } else if value.is_infinite() {
        format!("{sign}inf")
    } else {
        finite()
    }
}

/// Whether `s` is a non-empty run of digits in `radix`.
fn is_digits(s: &str, radix: u32) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_digit(radix))
}

/// Splits off one leading `+` or `-`.
fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else {
        (false, text.strip_prefix('+').unwrap_or(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, ty: ValType) -> String {
        format_val(&parse_val(text, ty).unwrap())
    }

    #[test]
    fn integers_accept_signed_unsigned_and_hex() {
        assert_eq!(parse_val("-1", ValType::I32), Ok(Val::I32(-1)));
        assert_eq!(parse_val("4294967295", ValType::I32), Ok(Val::I32(-1)));
        assert_eq!(
            parse_val("0x7fffffff", ValType::I32),
            Ok(Val::I32(i32::MAX))
        );
        assert_eq!(
            parse_val("-2147483648", ValType::I32),
            Ok(Val::I32(i32::MIN))
        );
        assert_eq!(parse_val("-0x10", ValType::I64), Ok(Val::I64(-16)));
        assert_eq!(parse_val("1_000", ValType::I64), Ok(Val::I64(1000)));
        assert_eq!(
            parse_val("18446744073709551615", ValType::I64),
            Ok(Val::I64(-1))
        );
    }

    #[test]
    fn integers_reject_garbage_and_overflow() {
        for bad in [
            "",
            "-",
            "abc",
            "1.5",
            "0x",
            "+-5",
            "--5",
            "0x+5",
            "4294967296",
            "-2147483649",
        ] {
            assert!(
                parse_val(bad, ValType::I32).is_err(),
                "{bad:?} was accepted"
            );
        }
        assert!(parse_val("0x10000000000000000", ValType::I64).is_err());
    }

    #[test]
    fn floats_round_trip_through_text() {
        for text in [
            "0.1", "-0.0", "1e300", "inf", "-inf", "nan", "-nan", "nan:0x1",
        ] {
            assert_eq!(round_trip(text, ValType::F64), text);
        }
        for text in ["0.1", "3.4028235e38", "-inf", "nan:0x200001", "-nan"] {
            assert_eq!(round_trip(text, ValType::F32), text);
        }
        assert_eq!(round_trip("1", ValType::F64), "1.0");
    }

    #[test]
    fn floats_reject_garbage() {
        for bad in ["", "x", "nan:0x0", "nan:0x800000", "--1", "+-1", "1.0.0"] {
            assert!(
                parse_val(bad, ValType::F32).is_err(),
                "{bad:?} was accepted"
            );
        }
    }
}
