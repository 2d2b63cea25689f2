//! Module shapes built to break a single-pass compiler's linear time: a
//! deep value stack under blocks, calls, ifs, `local.set` and register
//! pressure; deep nesting; many locals; a huge `br_table`; many labels.
//!
//! Each is a generator of size `n`. `tests/compile_complexity.rs` compiles
//! them at n and 4n and checks the time grows linearly; the robustness test
//! and the `module_bytes` fuzz corpus (`fuzz/seed-corpus.sh`) start from
//! small ones, so mutations explore the same corners.

/// A module whose one function `$f` has `locals` i32 locals and `body`;
/// `$nop` is there to be called.
pub fn module(locals: usize, body: &str) -> Vec<u8> {
    let text = format!(
        "(module (func $nop) (func $f (param i32) (result i32) (local {}) {body} (i32.const 0)))",
        "i32 ".repeat(locals)
    );
    wat::parse_str(text).expect("generated wat parses")
}

/// `s`, `n` times.
pub fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// A named generator of a module of size `n`.
pub type Pattern = (&'static str, fn(usize) -> Vec<u8>);

/// Every pattern, by name.
pub fn all() -> Vec<Pattern> {
    vec![
        ("deep stack, then blocks", |n| {
            let body = repeat("(i32.const 1)", n) + &repeat("(block)", n) + &repeat("(drop)", n);
            module(0, &body)
        }),
        ("deep stack, then calls", |n| {
            let body =
                repeat("(i32.const 1)", n) + &repeat("(call $nop)", n) + &repeat("(drop)", n);
            module(0, &body)
        }),
        ("deep stack of local reads, then local.set", |n| {
            let body = repeat("(local.get 0)", n)
                + &repeat("(local.set 0 (i32.const 1))", n)
                + &repeat("(drop)", n);
            module(0, &body)
        }),
        ("deep stack in registers, then adds", |n| {
            let body = repeat("(i32.add (local.get 0) (i32.const 1))", n)
                + &repeat("(i32.add)", n - 1)
                + "(drop)";
            module(0, &body)
        }),
        ("deep stack, then ifs", |n| {
            let body = repeat("(i32.const 1)", n)
                + &repeat("(if (local.get 0) (then))", n)
                + &repeat("(drop)", n);
            module(0, &body)
        }),
        ("deep nesting", |n| {
            let body = repeat("(block ", n) + &repeat(")", n);
            module(0, &body)
        }),
        // Half as many: the validator's limit is 50,000 locals.
        ("many locals", |n| {
            let n = n / 2;
            let body: String = (0..n)
                .map(|k| format!("(local.set {} (local.get {}))", k + 1, k))
                .collect();
            module(n + 1, &body)
        }),
        // Four times as many targets, so even n takes milliseconds.
        ("huge br_table", |n| {
            let body = format!("(block (br_table {} (local.get 0)))", repeat("0 ", 4 * n));
            module(0, &body)
        }),
        ("many labels with branches", |n| {
            let body = repeat("(block (br_if 0 (local.get 0)))", n);
            module(0, &body)
        }),
    ]
}

/// Every pattern at a small size, as seeds for mutation (`n` = 64: a few
/// KB each, quick to compile, and still deep enough to matter).
pub fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    all()
        .into_iter()
        .map(|(name, generate)| (name, generate(64)))
        .collect()
}
