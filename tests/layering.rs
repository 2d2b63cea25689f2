//! The layering of `src/`, checked: every import points down.
//!
//! Flint's layers, bottom first: types, traps and the vmctx layout; the
//! runtime (code memory, linear memory, signals, activations); the
//! MacroAssembler seam and its backends; the compiler core; the module
//! (sections, compile driver); the embedding API; WASI; the CLI (a package
//! of its own, `cli/`, on the public API alone). A layer may use what is
//! below it, never what is above: the runtime knows raw vmctx data, not
//! instances or host closures, and the compiler core knows the seam's
//! vocabulary, not an ISA. A reader (or a new feature) can then take each
//! layer on its own.
//!
//! This is a source check (comments are skipped), so it fails the moment
//! an upward import is written, wherever it is.

use std::path::{Path, PathBuf};

/// Modules a layer must not name, by the layer's folder.
const RULES: &[(&str, &[&str])] = &[
    (
        "src/runtime",
        &[
            "crate::api",
            "crate::compiler",
            "crate::module",
            "crate::engine",
            "crate::wasi",
            "crate::explain",
        ],
    ),
    (
        "src/masm",
        &[
            "crate::api",
            "crate::compiler",
            "crate::module",
            "crate::engine",
            "crate::wasi",
            "crate::explain",
        ],
    ),
    (
        "src/compiler",
        &[
            "crate::api",
            "crate::module",
            "crate::engine",
            "crate::wasi",
            "crate::explain",
            // The core speaks only the seam's ISA-neutral vocabulary.
            "masm::x64",
            "masm::aarch64",
            "NativeMasm",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_import_points_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut violations = Vec::new();
    for (layer, forbidden) in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(layer), &mut files);
        assert!(!files.is_empty(), "no sources under {layer}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for name in *forbidden {
                    if code.contains(name) {
                        violations.push(format!(
                            "{}:{}: names `{name}`: {}",
                            file.strip_prefix(root).unwrap().display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "upward imports:\n{}",
        violations.join("\n")
    );
}

/// The compiler core names no machine register: those belong to the
/// backends, which hand the core their allocatable lists.
#[test]
fn the_compiler_core_names_no_register() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let registers = [
        "rax", "rbx", "rcx", "rdx", "rsp", "rbp", "rsi", "rdi", "r14", "r15", "xmm", "x28", "x29",
        "x30",
    ];
    let mut files = Vec::new();
    rust_files(&root.join("src/compiler"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let words = code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_');
            for word in words {
                if registers.contains(&word) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "registers in the core:\n{}",
        found.join("\n")
    );
}
