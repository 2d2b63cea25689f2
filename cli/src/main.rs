//! `flint`: the command-line front end of the Flint WebAssembly runtime.
//!
//! This file owns only the shape of the command line (clap derive types) and
//! the mapping from outcomes to process exit codes. The work of each
//! subcommand lives in `src/commands/`, one module per subcommand, so that
//! later subcommands (`validate`, `compile`) and the WASI options of `run`
//! slot in without turning this file into a switchboard.
//!
//! Everything here goes through the public embedding API (`flint::*`), the
//! same API an embedder uses: the CLI is a client of the runtime, not a
//! privileged part of it. It is a package of its own (`cli/Cargo.toml`),
//! so that clap is the binary's dependency and not the library's.

mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Appended to `flint --help` and `flint run --help`, so the exit-code
/// contract is discoverable from the binary itself.
const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  error: bad command line, unreadable file, invalid module, link or
     instantiation error, unknown export, wrong arguments for the function
  2  the WebAssembly program trapped (including in its start function)";

#[derive(Parser)]
#[command(
    name = "flint",
    version,
    about = "A WebAssembly runtime built around a single-pass baseline JIT compiler",
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
    /// Compile and run a WebAssembly module (.wasm binary or .wat text).
    ///
    /// With `--invoke NAME`, calls the exported function NAME with ARGS and
    /// prints each result on its own line. Without it, instantiates the module
    /// (running its start function) and then calls `_start` if exported.
    #[command(after_help = EXIT_CODES_HELP)]
    Run(commands::run::RunArgs),
    /// Show the machine code compiled for each wasm operator.
    ///
    /// Prints each function's operators interleaved with the instructions
    /// emitted for them and the compile-time value stack after each one
    /// (which values are in registers, constants, locals or spill slots).
    /// Works for either target on any host.
    Explain(commands::explain::ExplainArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
        Command::Run(args) => commands::run_on_big_stack(move || commands::run::run(args)),
        Command::Explain(args) => commands::explain::explain(args),
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
