//! The asm-tests harness: golden machine code for each `.wat` file in
//! `asm-tests/`, per ISA.
//!
//! Each file names the ISAs it is checked on in a header line
//! (`;; targets: x86_64 aarch64`) and ends with one expected listing per
//! ISA, as comments after a marker line (`;; ==== expected x86_64 ====`).
//! The listing is exactly what `flint explain` prints (without the legend),
//! rendered by the library's `flint::explain`, so the golden files double
//! as worked examples for readers.
//!
//! Both ISAs are compiled and disassembled on any host; nothing here runs
//! the code (`src/masm/tests.rs` and the spec tests do that). A plain ISA
//! name compiles for every CPU feature that ISA has, so the listings do not
//! depend on the machine running the tests; `x86_64:min` compiles for the
//! ISA's floor (`CpuFeatures::minimum`), which shows each fallback.
//!
//! A file may also name a memory layout other than the default, to show
//! explicit bounds checks: `;; memory: RESERVATION GUARD` (bytes, as
//! `Config::memory_reservation` and `Config::memory_guard_size` take them).
//!
//! `FLINT_BLESS=1 cargo test --test asm` rewrites the expected sections
//! from the current compiler; review the diff with `git diff asm-tests/`.
//! Otherwise a mismatch prints a line diff and fails.

use flint::explain::{self, CpuFeatures, Options, Target};
use std::path::{Path, PathBuf};

const MARKER_PREFIX: &str = ";; ==== expected ";

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("asm-tests");
    let bless = std::env::var_os("FLINT_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    // `cargo test --test asm -- NAME` runs only files whose name contains NAME.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("asm-tests/ is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "wat"))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()))
        })
        .collect();
    files.sort();

    let (mut passed, mut failed, mut blessed) = (0, 0, 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match check_file(path, bless) {
            Ok(Outcome::Passed(n)) => {
                println!("asm {name} ({n} targets) ... ok");
                passed += 1;
            }
            Ok(Outcome::Blessed) => {
                println!("asm {name} ... blessed");
                blessed += 1;
            }
            Err(message) => {
                println!("asm {name} ... FAILED\n{message}");
                failed += 1;
            }
        }
    }
    println!(
        "\nasm-tests: {passed} passed, {failed} failed, {blessed} blessed ({} files)",
        files.len()
    );
    if failed > 0 {
        println!(
            "re-record with `FLINT_BLESS=1 cargo test --test asm` and review `git diff asm-tests/`"
        );
        std::process::exit(1);
    }
}

enum Outcome {
    Passed(usize),
    Blessed,
}

fn check_file(path: &Path, bless: bool) -> Result<Outcome, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("  cannot read: {e}"))?;
    let (source, expected) = split(&text);
    let targets = targets(source)?;
    let memory_layout = memory_layout(source)?;
    let wasm = wat::parse_str(source).map_err(|e| format!("  invalid wat: {e}"))?;

    let mut actual = Vec::new();
    for target in targets {
        let options = Options {
            features: Some(target.features),
            memory_layout,
            ..Options::default()
        };
        let listing = explain::explain(&wasm, target.isa, &options)
            .map_err(|e| format!("  [{}] does not compile: {e}", target.name))?;
        actual.push((target.name, listing));
    }

    if bless {
        let mut out = source.trim_end().to_string();
        out.push('\n');
        for (target, listing) in &actual {
            out.push_str(&format!("\n{MARKER_PREFIX}{target} ====\n"));
            for line in listing.lines() {
                if line.is_empty() {
                    out.push_str(";;\n");
                } else {
                    out.push_str(&format!(";; {line}\n"));
                }
            }
        }
        if out != text {
            std::fs::write(path, out).map_err(|e| format!("  cannot write: {e}"))?;
            return Ok(Outcome::Blessed);
        }
        return Ok(Outcome::Passed(actual.len()));
    }

    let mut report = String::new();
    for (target, listing) in &actual {
        match expected.iter().find(|(t, _)| t == target) {
            None => report.push_str(&format!("  [{target}] no expected section\n")),
            Some((_, want)) if want.trim_end() == listing.trim_end() => {}
            Some((_, want)) => {
                report.push_str(&format!(
                    "  [{target}] listing differs (- expected, + actual):\n"
                ));
                report.push_str(&diff(want, listing));
            }
        }
    }
    for (t, _) in &expected {
        if !actual.iter().any(|(target, _)| target == t) {
            report.push_str(&format!(
                "  expected section for `{t}`, which the header does not list\n"
            ));
        }
    }
    if report.is_empty() {
        Ok(Outcome::Passed(actual.len()))
    } else {
        Err(report)
    }
}

/// The wat source, and each expected section's target and listing (the
/// `;; ` prefixes removed).
fn split(text: &str) -> (&str, Vec<(String, String)>) {
    let Some(at) = text.find(&format!("\n{MARKER_PREFIX}")) else {
        return (text, Vec::new());
    };
    let mut sections: Vec<(String, String)> = Vec::new();
    for line in text[at + 1..].lines() {
        if let Some(rest) = line.strip_prefix(MARKER_PREFIX) {
            sections.push((
                rest.trim_end_matches(" ====").trim().to_string(),
                String::new(),
            ));
        } else if let Some((_, body)) = sections.last_mut() {
            let line = line
                .strip_prefix(";; ")
                .or_else(|| line.strip_prefix(";;"))
                .unwrap_or(line);
            body.push_str(line);
            body.push('\n');
        }
    }
    (&text[..at + 1], sections)
}

/// One listing a file asks for: an ISA and the CPU features to compile for.
struct Listed {
    /// As written in the header, and in the section's marker.
    name: String,
    isa: Target,
    features: CpuFeatures,
}

/// The listings named by the `;; targets:` header line: `ISA` for every
/// feature of the ISA, `ISA:min` for its floor.
fn targets(source: &str) -> Result<Vec<Listed>, String> {
    let line = source
        .lines()
        .find_map(|l| l.strip_prefix(";; targets:"))
        .ok_or("  missing header line `;; targets: x86_64 aarch64`")?;
    line.split_whitespace()
        .map(|name| {
            let (isa, min) = match name.strip_suffix(":min") {
                Some(isa) => (isa, true),
                None => (name, false),
            };
            let isa = isa.parse::<Target>().map_err(|e| format!("  {e}"))?;
            let features = if min {
                CpuFeatures::minimum(isa)
            } else {
                CpuFeatures::all().for_target(isa)
            };
            Ok(Listed {
                name: name.to_string(),
                isa,
                features,
            })
        })
        .collect()
}

/// The memory layout of an optional `;; memory: RESERVATION GUARD` header
/// line.
fn memory_layout(source: &str) -> Result<Option<(u64, u64)>, String> {
    let Some(line) = source.lines().find_map(|l| l.strip_prefix(";; memory:")) else {
        return Ok(None);
    };
    let numbers: Vec<u64> = line
        .split_whitespace()
        .map(|n| {
            n.parse::<u64>()
                .map_err(|e| format!("  `;; memory:` {n}: {e}"))
        })
        .collect::<Result<_, _>>()?;
    match numbers[..] {
        [reservation, guard] => Ok(Some((reservation, guard))),
        _ => Err("  `;; memory:` takes a reservation and a guard, in bytes".into()),
    }
}

/// A small line diff (longest common subsequence), with up to 3 lines of
/// context around each change.
fn diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.trim_end().lines().collect();
    let b: Vec<&str> = got.trim_end().lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // (tag, line): ' ' same, '-' only expected, '+' only actual.
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut out = String::new();
    let mut last_shown: Option<usize> = None;
    for (k, (tag, line)) in ops.iter().enumerate() {
        let near = changed.iter().any(|&c| c.abs_diff(k) <= 3);
        if !near {
            continue;
        }
        if last_shown.is_some_and(|l| l + 1 != k) {
            out.push_str("    ...\n");
        }
        out.push_str(&format!("    {tag} {line}\n"));
        last_shown = Some(k);
    }
    out
}
