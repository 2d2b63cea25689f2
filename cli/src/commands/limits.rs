//! `flint run -W KEY=VALUE,...`: the limits a program runs under, in
//! wasmtime's `-W` convention (comma-separated, repeatable), and how each
//! becomes engine `Config`, store settings and a watchdog thread.
//!
//! Parsing is kept apart from `run.rs` so the accepted syntax (sizes with
//! K/M/G, durations with units) is in one place, next to the help text
//! that documents it.

use super::Failure;
use std::time::Duration;

/// The help of `-W`, shown by `flint run --help`.
pub const HELP: &str = "\
Limits for the program, as KEY=VALUE pairs separated by commas (the option \
is repeatable: `-W fuel=1000 -W timeout=2s` is `-W fuel=1000,timeout=2s`):
  fuel=N                  stop the program (a trap, exit code 2) after N units
                          of fuel: one per function call and loop iteration
  max-memory-size=BYTES   refuse to let a linear memory grow beyond BYTES
                          (memory.grow returns -1; a module that declares more
                          fails to instantiate)
  max-wasm-stack=BYTES    the most native stack wasm may use before it traps
                          with `call stack exhausted` (default 1M)
  timeout=DURATION        interrupt the program after this wall-clock time
                          (a trap, exit code 124; a program blocked in a
                          WASI call stops when the call returns)
BYTES is a number with an optional K, M or G suffix (powers of 1024); \
DURATION is a number with a unit: ns, us, ms, s, m or h (seconds if none), \
e.g. 500ms, 2s, 1.5m.";

/// The most wasm stack `-W max-wasm-stack` may ask for: the guest thread's
/// stack is sized to hold it, and a larger request is surely a typo.
const MAX_WASM_STACK_LIMIT: usize = 1 << 30;

/// The `-W` settings of one `flint run`; `None` leaves Flint's default.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Limits {
    pub fuel: Option<u64>,
    pub max_memory_size: Option<usize>,
    pub max_wasm_stack: Option<usize>,
    pub timeout: Option<Duration>,
}

impl Limits {
    /// Parses every `-W` option in order; a later key overrides an earlier
    /// one, as in wasmtime.
    pub fn parse(options: &[String]) -> Result<Limits, Failure> {
        let mut limits = Limits::default();
        for pair in options.iter().flat_map(|o| o.split(',')) {
            let bad = |why: &str| Failure::error(format!("-W {pair}: {why}"));
            let Some((key, value)) = pair.split_once('=') else {
                return Err(bad(&format!("expected KEY=VALUE; {}", known_keys())));
            };
            match key {
                "fuel" => limits.fuel = Some(value.parse().map_err(|_| bad("not a whole number"))?),
                "max-memory-size" => limits.max_memory_size = Some(parse_size(value).map_err(bad)?),
                "max-wasm-stack" => {
                    let bytes = parse_size(value).map_err(bad)?;
                    if bytes > MAX_WASM_STACK_LIMIT {
                        return Err(bad("more than flint's limit of 1G"));
                    }
                    limits.max_wasm_stack = Some(bytes);
                }
                "timeout" => limits.timeout = Some(parse_duration(value).map_err(bad)?),
                _ => return Err(bad(&format!("unknown option `{key}`; {}", known_keys()))),
            }
        }
        Ok(limits)
    }
}

fn known_keys() -> &'static str {
    "the options are fuel, max-memory-size, max-wasm-stack and timeout"
}

/// `4096`, `64K`, `16M`, `1G` (powers of 1024).
fn parse_size(text: &str) -> Result<usize, &'static str> {
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let scale: usize = match unit {
        "" => 1,
        "K" | "k" => 1 << 10,
        "M" | "m" => 1 << 20,
        "G" | "g" => 1 << 30,
        _ => return Err("expected a number of bytes with an optional K, M or G suffix"),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| "expected a number of bytes with an optional K, M or G suffix")?;
    n.checked_mul(scale).ok_or("too large")
}

/// `2s`, `500ms`, `1.5m`, `3` (seconds).
fn parse_duration(text: &str) -> Result<Duration, &'static str> {
    const SYNTAX: &str = "expected a duration such as 500ms, 2s or 1.5m";
    let at = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(at);
    let seconds_per_unit = match unit {
        "ns" => 1e-9,
        "us" => 1e-6,
        "ms" => 1e-3,
        "" | "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        _ => return Err(SYNTAX),
    };
    let n: f64 = number.parse().map_err(|_| SYNTAX)?;
    Duration::try_from_secs_f64(n * seconds_per_unit).map_err(|_| "too long")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(options: &[&str]) -> Result<Limits, String> {
        let options: Vec<String> = options.iter().map(|s| s.to_string()).collect();
        Limits::parse(&options).map_err(|f| f.message)
    }

    #[test]
    fn keys_values_and_repeats() {
        let limits = parse(&[
            "fuel=10,max-memory-size=64K",
            "max-wasm-stack=1M",
            "timeout=1.5s",
        ])
        .unwrap();
        assert_eq!(
            limits,
            Limits {
                fuel: Some(10),
                max_memory_size: Some(65536),
                max_wasm_stack: Some(1 << 20),
                timeout: Some(Duration::from_millis(1500)),
            }
        );
        // A later value wins.
        assert_eq!(parse(&["fuel=1", "fuel=2"]).unwrap().fuel, Some(2));
        assert_eq!(
            parse(&["timeout=250ms"]).unwrap().timeout,
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            parse(&["timeout=2"]).unwrap().timeout,
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            parse(&["timeout=1m"]).unwrap().timeout,
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            parse(&["max-memory-size=2G"]).unwrap().max_memory_size,
            Some(2 << 30)
        );
        assert_eq!(parse(&[]).unwrap(), Limits::default());
    }

    #[test]
    fn mistakes_are_named() {
        let err = parse(&["fuel"]).unwrap_err();
        assert!(err.contains("expected KEY=VALUE"), "{err}");
        let err = parse(&["fule=3"]).unwrap_err();
        assert!(
            err.contains("unknown option `fule`") && err.contains("max-wasm-stack"),
            "{err}"
        );
        assert!(parse(&["fuel=-1"]).unwrap_err().contains("-W fuel=-1"));
        assert!(parse(&["max-memory-size=12T"]).is_err());
        assert!(parse(&["max-memory-size=K"]).is_err());
        assert!(parse(&["max-wasm-stack=2G"]).unwrap_err().contains("limit"));
        assert!(parse(&["timeout=soon"]).is_err());
        assert!(parse(&["timeout=1e999"]).is_err());
        assert!(parse(&["max-memory-size=99999999999999999999G"]).is_err());
    }
}
