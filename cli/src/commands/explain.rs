//! `flint explain`: show what the baseline compiler makes of each wasm
//! operator, for either ISA, on any host.
//!
//! The listing itself is rendered by the library (`flint::explain`), the
//! same code that produces the asm-tests golden files, so what a reader sees
//! here is exactly what the tests guard. This file only parses arguments,
//! adds a legend and prints.

use super::{load_module_bytes, Failure};
use flint::explain::{self, CpuFeatures, Options, Target};
use std::io::Write;
use std::path::PathBuf;

/// Command-line arguments of `flint explain`.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The module to explain: a `.wasm` binary or `.wat` text.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Only this function: its index, its `$name` or an export name.
    #[arg(long, value_name = "NAME|INDEX")]
    pub func: Option<String>,

    /// The ISA to generate code for (default: this machine's). Code for the
    /// other ISA is only generated and disassembled, never run.
    #[arg(long, value_name = "x86_64|aarch64")]
    pub target: Option<Target>,

    /// Also show each instruction's encoding bytes.
    #[arg(long)]
    pub bytes: bool,

    /// The optional CPU features the code may use: a comma-separated list
    /// (e.g. `lzcnt,bmi1`), `all`, or `min` for the target's floor, where
    /// every fallback is taken (default: this machine's features for its
    /// own ISA, all features for the other).
    #[arg(long, value_name = "LIST|all|min")]
    pub cpu_features: Option<String>,

    /// Compile relaxed SIMD operators in their deterministic form (the same
    /// bits on every ISA and CPU), as `Config::relaxed_simd_deterministic`
    /// does, instead of each ISA's fastest form.
    #[arg(long)]
    pub relaxed_simd_deterministic: bool,
}

const LEGEND: &str = "\
;; Each wasm operator (left: its byte offset in the module) is followed by
;; the machine code emitted for it (offsets from the function's entry).
;; Operators without code were only recorded on the compile-time value stack.
;; The stack is shown after each operator, bottom first: a register, a
;; constant not yet materialized, a local not yet loaded, or a spill slot
;; (at an offset from the frame pointer).
";

pub fn explain(args: ExplainArgs) -> Result<(), Failure> {
    let path = args.file.as_path();
    let wasm = load_module_bytes(path)?;
    let target = args.target.unwrap_or_else(Target::native);
    let context = || format!("`{}`", path.display());
    let features = match args.cpu_features.as_deref() {
        None => explain::default_features(target).map_err(|e| Failure::from_api(context(), e))?,
        Some("min") => CpuFeatures::minimum(target),
        Some(list) => list
            .parse::<CpuFeatures>()
            .map_err(Failure::error)?
            .for_target(target),
    };
    let options = Options {
        func: args.func,
        bytes: args.bytes,
        features: Some(features),
        relaxed_simd_deterministic: args.relaxed_simd_deterministic,
        memory_layout: None,
    };
    let listing =
        explain::explain(&wasm, target, &options).map_err(|e| Failure::from_api(context(), e))?;
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`flint explain ... | head`) is not an error worth a
    // message.
    let relaxed = if args.relaxed_simd_deterministic {
        ";; Relaxed SIMD operators in their deterministic form.\n"
    } else {
        ""
    };
    let _ = write!(
        stdout,
        "{LEGEND};; Compiled for {target} with CPU features: {features}.\n{relaxed}\n{listing}"
    );
    Ok(())
}
