//! Disassembly of either ISA's code on any host, for `flint explain` and the
//! asm-tests golden files.
//!
//! x86-64 goes through `iced-x86` (Intel syntax), aarch64 through
//! `yaxpeax-arm` (standard A64 syntax); both are pure-Rust decoders, so the
//! listing of aarch64 code works on an x86-64 machine and vice versa.
//!
//! Offsets are relative to the start of the function being listed, and so
//! are branch targets inside it: a golden file then only changes where its
//! own code changed, not because a function before it grew. A branch or call
//! that leaves the function is named by the `outside` callback instead
//! (e.g. `<func 1 $fib_rec>`).

use super::Target;
use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter, OpKind};
use yaxpeax_arch::{Decoder as _, U8Reader};
use yaxpeax_arm::armv8::a64::{InstDecoder, Operand as A64Operand};

/// One decoded instruction.
#[derive(Debug)]
pub struct Insn {
    /// Offset from the start of the function.
    pub offset: usize,
    /// Its machine code.
    pub bytes: Vec<u8>,
    /// The instruction in assembler syntax.
    pub text: String,
}

/// Disassemble `code[range]`. `base` is the function start that offsets
/// (and branch targets) are relative to; `outside(absolute_target)` names a
/// branch target outside `[base, func_end)`.
pub fn disassemble(
    target: Target,
    code: &[u8],
    range: std::ops::Range<usize>,
    base: usize,
    func_end: usize,
    outside: &dyn Fn(usize) -> String,
) -> Vec<Insn> {
    match target {
        Target::X86_64 => x64(code, range, base, func_end, outside),
        Target::Aarch64 => a64(code, range, base, func_end, outside),
    }
}

fn x64(
    code: &[u8],
    range: std::ops::Range<usize>,
    base: usize,
    func_end: usize,
    outside: &dyn Fn(usize) -> String,
) -> Vec<Insn> {
    let bytes = &code[range.clone()];
    let start_ip = (range.start - base) as u64;
    let mut decoder = Decoder::with_ip(64, bytes, start_ip, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    let o = fmt.options_mut();
    o.set_space_after_operand_separator(true);
    o.set_hex_prefix("0x");
    o.set_hex_suffix("");
    o.set_uppercase_hex(false);
    o.set_branch_leading_zeros(false);
    o.set_show_branch_size(false);
    let mut out = Vec::new();
    while decoder.can_decode() {
        let insn = decoder.decode();
        let offset = insn.ip() as usize;
        let rel = offset - (range.start - base);
        let mut text = String::new();
        let is_branch = matches!(
            insn.op0_kind(),
            OpKind::NearBranch16 | OpKind::NearBranch32 | OpKind::NearBranch64
        );
        // `near_branch_target` wraps below 0 for a target before this
        // function; anything not inside it is named by the caller.
        let target = insn.near_branch_target();
        if is_branch && target >= (func_end - base) as u64 {
            fmt.format_mnemonic(&insn, &mut text);
            text.push(' ');
            text.push_str(&outside((base as u64).wrapping_add(target) as usize));
        } else {
            fmt.format(&insn, &mut text);
        }
        out.push(Insn {
            offset,
            bytes: bytes[rel..rel + insn.len()].to_vec(),
            text,
        });
    }
    out
}

fn a64(
    code: &[u8],
    range: std::ops::Range<usize>,
    base: usize,
    func_end: usize,
    outside: &dyn Fn(usize) -> String,
) -> Vec<Insn> {
    let decoder = InstDecoder::default();
    let mut out = Vec::new();
    for (i, word) in code[range.clone()].chunks(4).enumerate() {
        let abs = range.start + 4 * i;
        let offset = abs - base;
        let mut reader = U8Reader::new(word);
        let text = match decoder.decode(&mut reader) {
            Ok(insn) => {
                let text = insn.to_string();
                // yaxpeax prints PC-relative operands as `$+0x10`; show the
                // target itself, like the x86-64 listing does.
                match insn
                    .operands
                    .iter()
                    .find_map(|op| match op {
                        A64Operand::PCOffset(d) => Some(*d),
                        _ => None,
                    })
                    .and_then(|d| text.find('$').map(|at| (d, at)))
                {
                    Some((d, at)) => {
                        let target = abs as i64 + d;
                        let shown = if target >= base as i64 && target < func_end as i64 {
                            format!("{:#x}", target as usize - base)
                        } else {
                            outside(target as usize)
                        };
                        let end = text[at..].find([',', ' ']).map_or(text.len(), |e| at + e);
                        format!("{}{}{}", &text[..at], shown, &text[end..])
                    }
                    None => text,
                }
            }
            Err(_) => format!(".word {:#010x}", u32::from_le_bytes(pad4(word))),
        };
        out.push(Insn {
            offset,
            bytes: word.to_vec(),
            text,
        });
    }
    out
}

fn pad4(word: &[u8]) -> [u8; 4] {
    let mut w = [0; 4];
    w[..word.len()].copy_from_slice(word);
    w
}
