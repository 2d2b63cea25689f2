//! `flint compile FILE [-o OUT] [--target ISA]`: compile a module ahead of
//! time into a compiled artifact (`Module::precompile`), which `flint run`
//! loads instead of compiling (it recognises one by its header).
//!
//! The artifact is for one ISA, the CPU features its code may use, and the
//! settings that change code; `-W` takes `flint run`'s limits so that the
//! ones compiled into the code (`fuel`, `timeout`) can be given here as
//! they will be given to `run`: an artifact compiled without them is
//! refused by `flint run -W fuel=...`, with a message naming the setting.

use super::limits::Limits;
use super::{load_module_bytes, Failure};
use flint::{CpuFeatures, Engine, Module, Target};
use std::path::PathBuf;

/// Command-line arguments of `flint compile`.
#[derive(clap::Args, Debug)]
pub struct CompileArgs {
    /// The module to compile: a `.wasm` binary or `.wat` text.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Where to write the artifact (default: FILE with the extension
    /// `.cwasm`).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// The ISA to compile for (default: this machine's). An artifact runs
    /// only on its ISA.
    #[arg(long, value_name = "x86_64|aarch64")]
    pub target: Option<Target>,

    /// The optional CPU features the code may use: a comma-separated list
    /// (e.g. `lzcnt,bmi1`), `all`, or `min` for the target's floor, which
    /// every CPU of the ISA that Flint supports has (default: this
    /// machine's features for its own ISA, `min` for the other). An
    /// artifact is refused on a machine that lacks one of its features.
    #[arg(long, value_name = "LIST|all|min")]
    pub cpu_features: Option<String>,

    /// The `flint run -W` limits the artifact will be run with: `fuel` and
    /// `timeout` compile fuel metering and epoch checks into the code (the
    /// values themselves are given to `run`); the others change nothing.
    #[arg(short = 'W', value_name = "KEY=VALUE[,...]")]
    pub limits: Vec<String>,

    /// The memory layout the artifact will be run with (`flint run`'s
    /// flags of the same names): it decides which accesses the code
    /// bounds-checks, so `run` refuses an artifact compiled for another.
    #[command(flatten)]
    pub memory: super::run::MemoryArgs,
}

pub fn compile(args: CompileArgs) -> Result<(), Failure> {
    let path = args.file.as_path();
    let wasm = load_module_bytes(path)?;
    let limits = Limits::parse(&args.limits)?;
    let target = args.target.unwrap_or_else(Target::native);
    let mut config = super::run::config(&limits, None);
    args.memory.apply(&mut config);
    let engine =
        Engine::new(&config).map_err(|e| Failure::from_api("cannot compile on this machine", e))?;
    let features = match args.cpu_features.as_deref() {
        None if target == Target::native() => engine.cpu_features(),
        None | Some("min") => CpuFeatures::minimum(target),
        Some(list) => list.parse::<CpuFeatures>().map_err(Failure::error)?,
    }
    .for_target(target);
    let missing: Vec<&str> = CpuFeatures::minimum(target)
        .iter()
        .filter(|&f| !features.contains(f))
        .map(|f| f.name())
        .collect();
    if !missing.is_empty() {
        return Err(Failure::error(format!(
            "--cpu-features: Flint's code for {target} always uses {}",
            missing.join(" ")
        )));
    }
    let artifact = Module::precompile(&engine, &wasm, target, features)
        .map_err(|e| Failure::from_api(format!("`{}`", path.display()), e))?;
    let output = args
        .output
        .unwrap_or_else(|| args.file.with_extension("cwasm"));
    // Written beside OUT, then renamed over it: a `flint run` that has
    // the old artifact mapped keeps its pages (another file, now
    // unlinked) instead of seeing them change under its code.
    let mut partial = output.clone().into_os_string();
    partial.push(format!(".partial-{}", std::process::id()));
    let cannot = |e: std::io::Error| {
        let _ = std::fs::remove_file(&partial);
        Failure::error(format!("cannot write `{}`: {e}", output.display()))
    };
    std::fs::write(&partial, artifact).map_err(cannot)?;
    std::fs::rename(&partial, &output).map_err(cannot)
}
