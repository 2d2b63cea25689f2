//! Naming JIT code for Linux `perf`: the perf map file.
//!
//! `perf` samples addresses; for code that no ELF file describes, `perf
//! report` looks for `/tmp/perf-PID.map`, a text file with one line per
//! symbol, `START SIZE NAME` with the two numbers in hex. With
//! `Config::profiler(ProfilingStrategy::PerfMap)`, every module Flint
//! compiles appends its functions there, so a profile of a wasm program
//! names wasm functions instead of raw addresses (`perf record -g flint
//! run --profile=perfmap app.wasm`, then `perf report`).
//!
//! The file is opened once per process and only appended to; lines of one
//! module are written in one call, so modules compiled on several threads
//! never interleave their lines. Code memory is not reused while the
//! process lives, so a line never goes stale in a way that misleads.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

/// The map file of this process.
pub fn path() -> PathBuf {
    PathBuf::from(format!("/tmp/perf-{}.map", std::process::id()))
}

/// Append one line per `(start address, size, name)`.
pub fn record(symbols: &[(usize, usize, String)]) -> std::io::Result<()> {
    static FILE: Mutex<Option<File>> = Mutex::new(None);
    let mut lines = String::new();
    for (start, size, name) in symbols {
        lines.push_str(&format!("{start:x} {size:x} {name}\n"));
    }
    let mut file = FILE.lock().unwrap_or_else(|e| e.into_inner());
    if file.is_none() {
        *file = Some(OpenOptions::new().create(true).append(true).open(path())?);
    }
    file.as_mut()
        .expect("just opened")
        .write_all(lines.as_bytes())
}
