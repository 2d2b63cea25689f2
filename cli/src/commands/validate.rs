//! `flint validate FILE`: decode and validate a module for Flint's default
//! engine, without compiling it. Silent on success (exit 0), like `wasm-tools
//! validate`, so scripts can use it as a test; the error and exit code 1
//! otherwise. A module that uses a proposal Flint does not compile gets the
//! library's "uses the ... proposal" error, not "invalid module".

use super::{load_module_bytes, Failure};
use flint::{Config, Engine, Module};
use std::path::PathBuf;

/// Command-line arguments of `flint validate`.
#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// The module to validate: a `.wasm` binary or `.wat` text.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn validate(args: ValidateArgs) -> Result<(), Failure> {
    let path = args.file.as_path();
    // Text is assembled first (with the file name in its errors):
    // `Module::validate` takes the binary format only.
    let wasm = load_module_bytes(path)?;
    let engine = Engine::new(&Config::default())
        .map_err(|e| Failure::from_api("cannot run wasm on this machine", e))?;
    Module::validate(&engine, &wasm)
        .map_err(|e| Failure::from_api(format!("`{}`", path.display()), e))
}
