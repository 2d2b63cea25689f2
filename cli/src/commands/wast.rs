//! `flint wast FILE...`: run WebAssembly spec-test scripts through the same
//! runner as Flint's own spec tests (the workspace crate `flint-wast`), so
//! a script passes or fails here exactly as it does in `cargo test --test
//! wast`. Prints `FILE: N passed, N failed, N skipped` per file and its
//! failures, and exits with 1 if any directive failed.

use super::{run_on_big_stack, Failure};
use flint::Config;
use std::path::PathBuf;

/// Command-line arguments of `flint wast`.
#[derive(clap::Args, Debug)]
pub struct WastArgs {
    /// The `.wast` scripts to run.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// The wasm stack the scripts run with (the engine's default); the
/// thread's native stack is sized to hold it, as for `flint run`.
fn max_wasm_stack() -> usize {
    Config::default().get_max_wasm_stack()
}

pub fn wast(args: WastArgs) -> Result<(), Failure> {
    run_on_big_stack(max_wasm_stack(), move || run_all(&args.files))
}

fn run_all(files: &[PathBuf]) -> Result<(), Failure> {
    let mut failed_files = 0;
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::error(format!("failed to read `{}`: {e}", path.display())))?;
        let options = flint_wast::Options {
            config: Config::default(),
            skip: &|_| None,
            print: true,
            verbose: false,
            describe_panic,
        };
        let report = flint_wast::run_script(&text, &options);
        println!("{}: {}", path.display(), report.counts);
        for f in &report.failures {
            println!("    line {}: {}: {}", f.line, f.directive, f.reason);
        }
        if report.counts.failed > 0 {
            failed_files += 1;
        }
    }
    match failed_files {
        0 => Ok(()),
        n => Err(Failure::error(format!(
            "{n} of {} script(s) had failures",
            files.len()
        ))),
    }
}

fn describe_panic(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_string()
    }
}
