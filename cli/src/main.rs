//! `flint`: the command-line front end of the Flint WebAssembly runtime.
//!
//! This file owns only the shape of the command line (clap derive types) and
//! the mapping from outcomes to process exit codes. The work of each
//! subcommand lives in `src/commands/`, one module per subcommand, so that
//! new subcommands and new options of `run` slot in without turning this
//! file into a switchboard. It also decides
//! when `flint FILE ...` means `flint run FILE ...` (wasmtime's implicit
//! `run`).
//!
//! Everything here goes through the public embedding API (`flint::*`), the
//! same API an embedder uses: the CLI is a client of the runtime, not a
//! privileged part of it. It is a package of its own (`cli/Cargo.toml`),
//! so that clap is the binary's dependency and not the library's.

mod commands;

use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

/// Appended to `flint --help` and `flint run --help`, so the exit-code
/// contract is discoverable from the binary itself.
const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success (or a WASI program exited with status 0)
  1    error: bad command line, unreadable file, invalid or unsupported
       module, link or instantiation error, unknown export, wrong arguments
       for the function
  2    the WebAssembly program trapped (including in its start function,
       and when the -W fuel ran out)
  124  the program was interrupted by -W timeout
  N    a WASI program's own exit status (proc_exit), 1 to 255";

#[derive(Parser)]
#[command(
    name = "flint",
    version,
    about = "A WebAssembly runtime built around a single-pass baseline JIT compiler",
    long_about = "A WebAssembly runtime built around a single-pass baseline JIT compiler.\n\n\
        `flint FILE ARGS...` is `flint run FILE ARGS...`: the first argument \
        that is not a subcommand starts a run.",
    after_help = EXIT_CODES_HELP,
    // `flint` alone prints the help instead of a terse "missing subcommand".
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile and run a WebAssembly module (.wasm binary or .wat text, or
    /// an artifact of `flint compile`); also `flint FILE ARGS...`.
    ///
    /// With `--invoke NAME`, calls the exported function NAME with ARGS and
    /// prints each result on its own line. Without it, instantiates the module
    /// (running its start function) and then calls `_start` if exported,
    /// with ARGS as a WASI program's arguments. Options go before FILE:
    /// everything after it is the program's.
    #[command(after_help = EXIT_CODES_HELP)]
    Run(commands::run::RunArgs),
    /// Compile a module ahead of time into an artifact that `flint run`
    /// loads without compiling (`Module::precompile`).
    ///
    /// Writes FILE.cwasm (or `-o OUT`), for this machine or for
    /// `--target`'s ISA. The artifact runs only with the same Flint
    /// version, ISA, code-changing settings and CPU features; `flint run`
    /// refuses any other with a message saying which differs.
    Compile(commands::compile::CompileArgs),
    /// Check that a module is valid (decode and validate, no compiling).
    ///
    /// Prints nothing and exits with 0 if Flint's default engine accepts
    /// the module; otherwise prints the error (an invalid module, or a
    /// proposal Flint does not support, by name) and exits with 1.
    Validate(commands::validate::ValidateArgs),
    /// Run WebAssembly spec-test scripts (.wast).
    ///
    /// Uses the runner of Flint's own spec tests; prints `FILE: N passed,
    /// N failed, N skipped` and the failures of each file, and exits with 1
    /// if any directive failed.
    Wast(commands::wast::WastArgs),
    /// Show what Flint compiles for here: the ISA, the CPU features
    /// detected, the `Config` defaults and the supported proposals.
    Settings,
    /// Show the machine code compiled for each wasm operator.
    ///
    /// Prints each function's operators interleaved with the instructions
    /// emitted for them and the compile-time value stack after each one
    /// (which values are in registers, constants, locals or spill slots).
    /// Works for either target on any host.
    Explain(commands::explain::ExplainArgs),
}

/// The subcommands, and the top-level flags, that are not the start of an
/// implicit `run`.
const NOT_A_MODULE: &[&str] = &[
    "run",
    "compile",
    "explain",
    "validate",
    "settings",
    "wast",
    "help",
    "-h",
    "--help",
    "-V",
    "--version",
];

/// `flint FILE ARGS...` and `flint -W ... FILE` mean `flint run ...`, as in
/// wasmtime: when the first argument is neither a subcommand nor a
/// top-level flag, and is an option (one of `run`'s) or looks like a path
/// (an existing file, or a name with a `.` or `/`), `run` is inserted
/// before it. A bare unknown word is left to clap, which says it is not a
/// subcommand, rather than "no such file".
fn with_implicit_run(mut args: Vec<OsString>) -> Vec<OsString> {
    if let Some(first) = args.get(1) {
        let text = first.to_string_lossy();
        let path_like = text.contains(['.', '/']) || Path::new(first).is_file();
        if !NOT_A_MODULE.contains(&text.as_ref()) && (text.starts_with('-') || path_like) {
            args.insert(1, "run".into());
        }
    }
    args
}

fn main() -> ExitCode {
    let args = with_implicit_run(std::env::args_os().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap would exit with 2 on a usage error, which our scheme
            // reserves for traps; print its message ourselves and pick the
            // code. `--help` and `--version` also arrive here, on stdout.
            let code = if e.use_stderr() {
                commands::EXIT_ERROR
            } else {
                0
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };

    let outcome = match cli.command {
        Command::Run(args) => commands::run::run_command(args),
        Command::Compile(args) => commands::compile::compile(args),
        Command::Explain(args) => commands::explain::explain(args),
        Command::Validate(args) => commands::validate::validate(args),
        Command::Settings => commands::settings::settings(),
        Command::Wast(args) => commands::wast::wast(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("error: {}", failure.message);
            }
            ExitCode::from(failure.exit_code())
        }
    }
}
