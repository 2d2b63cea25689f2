//! A program that traps, for Flint's source-level backtraces (issue 21).
//!
//! `rust_trap N...` prints the sum of `TABLE[N]` over its arguments; an
//! index past the table's end panics in `entry`, inlined into `lookup`,
//! and with `panic = "abort"` the panic ends in wasm's `unreachable`, a
//! trap whose backtrace runs from the C library's `abort` through the
//! panic machinery to `lookup` and its callers. cli/tests/cli/run.rs and
//! tests/backtraces.rs check that the frames of `lookup` (with `entry`
//! inlined) and `sum_of` name this file and the lines marked
//! `// backtrace:` below; they find the marks in this file, so rebuild the
//! .wasm with ../build.sh after any edit.

use std::process::ExitCode;

const TABLE: [u32; 8] = [2, 3, 5, 7, 11, 13, 17, 19];

/// The entry of the table at `index`: the bounds check is the panic.
/// Always inlined, so that the backtrace's frame of `lookup` shows an
/// inlined function.
#[inline(always)]
fn entry(table: &[u32], index: usize) -> u32 {
    table[index] // backtrace: the faulting line
}

/// `entry`, in a frame of its own.
#[inline(never)]
fn lookup(table: &[u32], index: usize) -> u32 {
    entry(table, index) // backtrace: the inlined call
}

/// The sum of the entries at `indices`.
#[inline(never)]
fn sum_of(table: &[u32], indices: &[usize]) -> u32 {
    let mut sum = 0;
    for &index in indices {
        sum += lookup(table, index); // backtrace: the call
    }
    sum
}

fn main() -> ExitCode {
    let mut indices = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.parse() {
            Ok(index) => indices.push(index),
            Err(_) => {
                eprintln!("not an index: {arg}");
                return ExitCode::FAILURE;
            }
        }
    }
    // A copy the compiler cannot see through, so the bounds check stays.
    let table = std::hint::black_box(TABLE.to_vec());
    println!("{}", sum_of(&table, &indices));
    ExitCode::SUCCESS
}
