//! Each operator of a module in wat syntax, by its byte offset, as
//! `wasmprinter` prints it: `local.get 0`, `br_if $exit`, `br_if 1`,
//! `i32.load offset=8`, `f64.const 0x1.8p+1 (;=3;)`.
//!
//! wasmprinter prints whole modules, not single operators, but it reports
//! the binary offset each printed line starts at. Printing the module once
//! and keeping the lines of the function bodies gives every operator its
//! text, with the printer's own names (`$x` from the name section) and
//! label comments, and nothing of Flint's needs to know operator syntax.
//! The compiler's trace only records offsets ([`crate::compiler::trace`]).
//!
//! One thing is taken out: the comments that number unnamed labels
//! (`block ;; label = @1`, `br_if 0 (;@1;)`). The listing indents each
//! operator by its block depth already, and the comments would push the
//! value stack column out of line on every block and branch.

use crate::error::{Error, Result};
use std::collections::HashMap;

/// Operator text by byte offset in the module.
pub(super) struct Operators {
    text: HashMap<usize, String>,
}

impl Operators {
    /// Print `wasm`, a module the compiler has accepted.
    pub(super) fn read(wasm: &[u8]) -> Result<Operators> {
        let mut storage = String::new();
        let lines = wasmprinter::Config::new()
            .offsets_and_lines(wasm, &mut storage)
            .map_err(|e| Error::InvalidModule {
                message: format!("cannot print the module's operators: {e:#}"),
                offset: 0,
            })?;
        let mut text = HashMap::new();
        for (offset, line) in lines {
            let line = line.trim();
            // The closing parenthesis of a function (or of the module)
            // starts a line at the body's final `end`; it is not the
            // operator's text.
            if let (Some(offset), false) = (offset, line.starts_with(')')) {
                text.entry(offset as usize)
                    .or_insert_with(|| without_label_comments(line));
            }
        }
        Ok(Operators { text })
    }

    /// The text of the operator at `offset`. wasmprinter gives a body's
    /// final `end` no line of its own (it closes the function's
    /// parenthesis), so the caller names that one.
    pub(super) fn get(&self, offset: usize) -> Option<&str> {
        self.text.get(&offset).map(String::as_str)
    }
}

/// `line` without wasmprinter's numbering of unnamed labels: the
/// trailing `;; label = @N` of a block, loop or if, and the `(;@N;)` after
/// each branch depth.
fn without_label_comments(line: &str) -> String {
    let line = match line.find(" ;; label = @") {
        Some(at) => &line[..at],
        None => line,
    };
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(" (;@") {
        out.push_str(&rest[..at]);
        rest = match rest[at..].find(";)") {
            Some(close) => &rest[at + close + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::Operators;

    /// The text of the operators at `offsets` of the module `wat`.
    fn texts(wat: &str) -> Vec<String> {
        let wasm = wat::parse_str(wat).unwrap();
        let ops = Operators::read(&wasm).unwrap();
        let mut found: Vec<(usize, String)> = ops.text.into_iter().collect();
        found.sort();
        found.into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn operators_are_printed_as_wat() {
        let all = texts(
            r#"(module
                 (memory 1)
                 (func (param $x i32) (result i32)
                   (block (result i32)
                     (br_if 0 (i32.load offset=8 (local.get $x)) (i32.const -1))
                     (drop)
                     (block $out
                       (br_table $out 0 1 (local.get 0)))
                     (f64.const 2.5)
                     (i32.trunc_sat_f64_s))))"#,
        );
        for want in [
            "block (result i32)",
            "local.get $x",
            "i32.load offset=8",
            "i32.const -1",
            "br_if 0",
            "drop",
            "block $out",
            "br_table $out $out 1",
            "end",
            "f64.const 0x1.4p+1 (;=2.5;)",
            "i32.trunc_sat_f64_s",
        ] {
            assert!(all.iter().any(|t| t == want), "{want:?} not in {all:#?}");
        }
        // wasmprinter's numbers for unnamed labels are left out.
        let strip = super::without_label_comments;
        assert_eq!(strip("loop ;; label = @2"), "loop");
        assert_eq!(strip("br_table 0 (;@3;) 2 (;@1;)"), "br_table 0 2");
        assert_eq!(strip("br_if $exit"), "br_if $exit");
    }
}
