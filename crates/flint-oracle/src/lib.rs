//! The differential oracle: one generated module, run in Flint and in a
//! reference interpreter, compared step by step.
//!
//! A single-pass compiler's worst bug is a silent miscompile, and the spec
//! testsuite only checks the programs someone thought to write. Here
//! `wasm-smith` writes the programs (any valid WebAssembly 2.0 module,
//! SIMD included, the language Flint compiles) and `wasmi`, an interpreter
//! that shares no code with Flint, says what they must do. Both run:
//!
//! 1. instantiation (segments and the start function);
//! 2. every exported function, in export order, with arguments drawn from
//!    the same input bytes;
//!
//! and after each step the two must agree on the results or the trap kind,
//! and on every exported memory, global and table. Generated modules end
//! on their own: `ensure_termination` gives each instance a budget that
//! every loop iteration and call spends, trapping with `unreachable` when
//! it runs out, so both engines stop at the same operator. NaNs are
//! canonicalised by wasm-smith after every float operation, which turns
//! the spec's nondeterministic NaN results into one bit pattern, so floats
//! are compared bit for bit.
//!
//! The same bytes also pick Flint's own `Config` (fuel metering and epoch
//! checks on or off, with limits that never bite) so the code those
//! options emit is checked as well: neither may change what a program
//! computes. Flint's own NaN canonicalisation stays off: it also
//! canonicalises `f32.demote_f64`/`f64.promote_f32`, which wasm-smith
//! leaves alone and wasmi passes payloads through, and both are allowed
//! by the spec (the first divergence the fuzzer found was this one).
//!
//! A crate of its own so that the bounded `cargo test` run
//! (`tests/differential.rs`) and the `cargo fuzz` target
//! (`fuzz/fuzz_targets/differential.rs`, in a workspace of its own) both
//! depend on it by path.

pub mod patterns;

use arbitrary::{Arbitrary, Unstructured};

/// What one run checked, for the report a long run prints.
#[derive(Default, Debug, Clone, Copy)]
pub struct Stats {
    /// Modules generated and compiled by both engines.
    pub modules: u64,
    /// Modules whose instantiation succeeded in both.
    pub instantiated: u64,
    /// Exported functions called in both.
    pub calls: u64,
    /// Calls that trapped in both, with the same trap kind.
    pub traps: u64,
    /// Modules left unfinished because one engine overflowed its stack
    /// (the engines' stack limits differ, so neither result is wrong).
    pub inconclusive: u64,
}

/// A disagreement between Flint and the reference, with the module that
/// shows it (write it out with `std::fs::write` to make a regression).
pub struct Divergence {
    pub wasm: Vec<u8>,
    pub what: String,
}

/// Generate a module from `data`, run it in both engines and compare.
/// Input too short to generate a module from is not an error.
pub fn check(data: &[u8], stats: &mut Stats) -> Result<(), Divergence> {
    let mut u = Unstructured::new(data);
    let Ok(flint_config) = flint_config(&mut u) else {
        return Ok(());
    };
    let Ok(config) = smith_config(&mut u) else {
        return Ok(());
    };
    let Ok(mut module) = wasm_smith::Module::new(config, &mut u) else {
        return Ok(());
    };
    // Every loop iteration and function entry spends one unit; a budget of
    // a few thousand keeps each module's run in the milliseconds.
    if module.ensure_termination(5_000).is_err() {
        return Ok(());
    }
    let wasm = module.to_bytes();
    let diverge = |what: String| Divergence {
        wasm: wasm.clone(),
        what: format!("{what}\nFlint's {flint_config:?}"),
    };
    compare(&wasm, &flint_config, &mut u, stats).map_err(diverge)
}

/// The wasm-smith configuration: WebAssembly 2.0 (SIMD in half the
/// modules, relaxed SIMD never), no imports
/// (there is no host to call), everything exported (so state can be
/// compared), memories and tables with a maximum (so `grow` has the same
/// answer in both engines, and memories stay small enough to compare).
fn smith_config(u: &mut Unstructured<'_>) -> arbitrary::Result<wasm_smith::Config> {
    Ok(wasm_smith::Config {
        // Half the modules use SIMD. Relaxed SIMD stays out: its results
        // may differ between engines by design, and even Flint's
        // deterministic mode (`Config::relaxed_simd_deterministic`) does
        // not make the same choices as wasmi 1.1 for all of it. Swizzle,
        // the truncations, laneselect, q15mulr and the i16x8 dot agree;
        // but wasmi fuses `relaxed_madd`/`relaxed_nmadd` (Flint's
        // deterministic form is unfused, the specification's deterministic
        // profile), wraps each pair sum of `relaxed_dot_..._add_s` to 16
        // bits (Flint sums the four products exactly), and wasm-smith does
        // not canonicalise the NaNs of `relaxed_min`/`relaxed_max`/
        // `relaxed_madd`, whose NaN bits may then differ.
        simd_enabled: u.arbitrary()?,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        shared_everything_threads_enabled: false,
        exceptions_enabled: false,
        gc_enabled: false,
        tail_call_enabled: false,
        memory64_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        custom_page_sizes_enabled: false,
        custom_descriptors_enabled: false,
        compact_imports_enabled: false,
        max_imports: 0,
        max_memories: 1,
        max_tables: u.int_in_range(1..=3)?,
        min_funcs: 1,
        max_funcs: u.int_in_range(1..=20)?,
        max_instructions: u.int_in_range(10..=1000)?,
        export_everything: true,
        canonicalize_nans: true,
        memory_max_size_required: true,
        max_memory32_bytes: 16 * 65536,
        table_max_size_required: true,
        max_table_elements: 1_000,
        // Most generated code traps early (which checks traps); half the
        // modules avoid traps so their calls run to the end.
        disallow_traps: u.arbitrary()?,
        // Padded LEB128s are valid encodings the decoder must accept.
        min_uleb_size: if u.ratio(1, 8)? { 5 } else { 1 },
        ..wasm_smith::Config::default()
    })
}

/// Flint's configuration: options that add code but must not change what
/// the program computes.
fn flint_config(u: &mut Unstructured<'_>) -> arbitrary::Result<flint::Config> {
    let mut config = flint::Config::new();
    config.max_wasm_stack(4 << 20);
    if bool::arbitrary(u)? {
        config.consume_fuel(true).initial_fuel(u64::MAX);
    }
    // The deadline starts at "never", so the checks run but never stop.
    config.epoch_interruption(bool::arbitrary(u)?);
    Ok(config)
}

fn compare(
    wasm: &[u8],
    config: &flint::Config,
    u: &mut Unstructured<'_>,
    stats: &mut Stats,
) -> Result<(), String> {
    let engine = flint::Engine::new(config).expect("the oracle's config suits this machine");
    let module = flint::Module::new(&engine, wasm)
        .map_err(|e| format!("Flint rejected a valid module: {e}"))?;
    // Recursion is bounded by the termination budget; both stacks are
    // sized to hold it, so a stack overflow is rare (and inconclusive).
    let mut reference_config = wasmi::Config::default();
    reference_config.wasm_simd(true);
    reference_config.set_max_recursion_depth(100_000);
    reference_config.set_max_stack_height(16 << 20);
    let reference_engine = wasmi::Engine::new(&reference_config);
    let reference_module = wasmi::Module::new(&reference_engine, wasm)
        .map_err(|e| format!("wasmi rejected the module: {e}"))?;
    stats.modules += 1;

    let mut store = wasmi::Store::new(&reference_engine, ());
    let linker = wasmi::Linker::<()>::new(&reference_engine);
    let expected = linker.instantiate_and_start(&mut store, &reference_module);
    let mut flint_store = flint::Store::new(&engine, ());
    let actual = flint::Instance::new(&mut flint_store, &module, &[]);
    let (instance, reference) = match (actual, expected) {
        (Ok(i), Ok(r)) => (i, r),
        (Err(a), Err(e)) => {
            let (a, e) = (flint_trap(&a), wasmi_trap(&e));
            // A start function recursing deeply meets one engine's stack
            // limit before the other's termination budget, as calls can
            // (see below): inconclusive, not a divergence.
            if a != e && (a == Trap::StackOverflow || e == Trap::StackOverflow) {
                stats.inconclusive += 1;
                return Ok(());
            }
            return if a == e || a == Trap::Other || e == Trap::Other {
                Ok(())
            } else {
                Err(format!("instantiation: Flint trapped {a:?}, wasmi {e:?}"))
            };
        }
        (Ok(_), Err(e)) => return Err(format!("instantiation: only wasmi failed: {e}")),
        (Err(a), Ok(_)) => return Err(format!("instantiation: only Flint failed: {a}")),
    };
    stats.instantiated += 1;
    compare_state(
        &mut flint_store,
        &instance,
        &reference,
        &store,
        "after instantiation",
    )?;

    for (name, export) in instance.exports(&mut flint_store) {
        let flint::Extern::Func(func) = export else {
            continue;
        };
        let reference_func = reference
            .get_func(&store, &name)
            .ok_or_else(|| format!("wasmi has no export {name:?}"))?;
        let ty = func.ty(&flint_store);
        let args = ty
            .params()
            .iter()
            .map(|&t| arbitrary_val(u, t))
            .collect::<arbitrary::Result<Vec<_>>>()
            .unwrap_or_else(|_| {
                ty.params()
                    .iter()
                    .map(|&t| flint::Val::default_for(t))
                    .collect()
            });
        let reference_args: Vec<wasmi::Val> = args.iter().map(to_wasmi).collect();
        let mut reference_results: Vec<wasmi::Val> = ty
            .results()
            .iter()
            .map(|&t| to_wasmi(&flint::Val::default_for(t)))
            .collect();
        let expected = reference_func.call(&mut store, &reference_args, &mut reference_results);
        let mut results: Vec<flint::Val> = ty
            .results()
            .iter()
            .map(|&t| flint::Val::default_for(t))
            .collect();
        let actual = func
            .call(&mut flint_store, &args, &mut results)
            .map(|()| results);
        stats.calls += 1;
        let call = format!("{name}({args:?})");
        match (actual, expected) {
            (Ok(results), Ok(())) => {
                let results: Vec<Bits> = results.iter().map(Bits::of_flint).collect();
                let expected: Vec<Bits> = reference_results.iter().map(Bits::of_wasmi).collect();
                if results != expected {
                    return Err(format!(
                        "{call}: Flint returned {results:?}, wasmi {expected:?}"
                    ));
                }
            }
            (Err(a), Err(e)) => {
                let (a, e) = (flint_trap(&a), wasmi_trap(&e));
                if a == Trap::StackOverflow || e == Trap::StackOverflow {
                    stats.inconclusive += 1;
                    return Ok(());
                }
                if a != e {
                    return Err(format!("{call}: Flint trapped {a:?}, wasmi {e:?}"));
                }
                stats.traps += 1;
            }
            (Ok(results), Err(e)) => {
                if wasmi_trap(&e) == Trap::StackOverflow {
                    stats.inconclusive += 1;
                    return Ok(());
                }
                return Err(format!(
                    "{call}: Flint returned {results:?}, wasmi trapped: {e}"
                ));
            }
            (Err(a), Ok(())) => {
                if flint_trap(&a) == Trap::StackOverflow {
                    stats.inconclusive += 1;
                    return Ok(());
                }
                return Err(format!(
                    "{call}: Flint trapped ({a}), wasmi returned {reference_results:?}"
                ));
            }
        }
        compare_state(
            &mut flint_store,
            &instance,
            &reference,
            &store,
            &format!("after {call}"),
        )?;
    }
    Ok(())
}

/// Exported memories (size and every byte), globals (bits) and tables
/// (size and which elements are null) must be the same.
fn compare_state(
    flint_store: &mut flint::Store<()>,
    instance: &flint::Instance,
    reference: &wasmi::Instance,
    store: &wasmi::Store<()>,
    when: &str,
) -> Result<(), String> {
    for (name, export) in instance.exports(&mut *flint_store) {
        let flint_store = &*flint_store;
        let expected = reference
            .get_export(store, &name)
            .ok_or_else(|| format!("wasmi has no export {name:?}"))?;
        match (export, expected) {
            (flint::Extern::Memory(m), wasmi::Extern::Memory(r)) => {
                let expected = r.data(store);
                let actual = m.data(flint_store);
                if actual.len() != expected.len() {
                    return Err(format!(
                        "{when}: memory {name:?} is {} bytes in Flint, {} in wasmi",
                        actual.len(),
                        expected.len()
                    ));
                }
                if let Some(at) = (0..actual.len()).find(|&i| actual[i] != expected[i]) {
                    return Err(format!(
                        "{when}: memory {name:?} differs at {at:#x}: Flint {:#04x}, wasmi {:#04x}",
                        actual[at], expected[at]
                    ));
                }
            }
            (flint::Extern::Global(g), wasmi::Extern::Global(r)) => {
                let (actual, expected) = (
                    Bits::of_flint(&g.get(flint_store)),
                    Bits::of_wasmi(&r.get(store)),
                );
                if actual != expected {
                    return Err(format!(
                        "{when}: global {name:?} is {actual:?} in Flint, {expected:?} in wasmi"
                    ));
                }
            }
            (flint::Extern::Table(t), wasmi::Extern::Table(r)) => {
                let size = t.size(flint_store);
                if size != r.size(store) {
                    return Err(format!(
                        "{when}: table {name:?} has {size} elements in Flint, {} in wasmi",
                        r.size(store)
                    ));
                }
                for i in 0..size {
                    let actual = t.get(flint_store, i).map(|v| Bits::of_flint(&v));
                    let expected = r.get(store, i).map(|v| Bits::of_wasmi(&v));
                    if actual != expected {
                        return Err(format!(
                            "{when}: table {name:?}[{i}] is {actual:?} in Flint, {expected:?} in wasmi"
                        ));
                    }
                }
            }
            (flint::Extern::Func(_), wasmi::Extern::Func(_)) => {}
            (_, _) => return Err(format!("export {name:?} has different kinds")),
        }
    }
    Ok(())
}

/// A value as compared: numbers by their bits, references by whether they
/// are null (a reference's identity means nothing across engines).
#[derive(PartialEq, Eq, Debug)]
enum Bits {
    I32(u32),
    I64(u64),
    F32(u32),
    F64(u64),
    V128(u128),
    Ref(bool),
}

impl Bits {
    fn of_flint(v: &flint::Val) -> Bits {
        match v {
            flint::Val::I32(x) => Bits::I32(*x as u32),
            flint::Val::I64(x) => Bits::I64(*x as u64),
            flint::Val::F32(x) => Bits::F32(*x),
            flint::Val::F64(x) => Bits::F64(*x),
            flint::Val::V128(x) => Bits::V128(*x),
            flint::Val::FuncRef(r) => Bits::Ref(r.is_some()),
            flint::Val::ExternRef(r) => Bits::Ref(r.is_some()),
        }
    }

    fn of_wasmi(v: &wasmi::Val) -> Bits {
        match v {
            wasmi::Val::I32(x) => Bits::I32(*x as u32),
            wasmi::Val::I64(x) => Bits::I64(*x as u64),
            wasmi::Val::F32(x) => Bits::F32(x.to_bits()),
            wasmi::Val::F64(x) => Bits::F64(x.to_bits()),
            wasmi::Val::FuncRef(r) => Bits::Ref(!r.is_null()),
            wasmi::Val::ExternRef(r) => Bits::Ref(!r.is_null()),
            wasmi::Val::V128(x) => Bits::V128(x.as_u128()),
        }
    }
}

fn arbitrary_val(u: &mut Unstructured<'_>, ty: flint::ValType) -> arbitrary::Result<flint::Val> {
    use flint::{Val, ValType};
    Ok(match ty {
        ValType::I32 => Val::I32(u.arbitrary()?),
        ValType::I64 => Val::I64(u.arbitrary()?),
        ValType::F32 => Val::F32(u.arbitrary()?),
        ValType::F64 => Val::F64(u.arbitrary()?),
        ValType::V128 => Val::V128(u.arbitrary()?),
        ValType::FuncRef | ValType::ExternRef => Val::default_for(ty),
    })
}

fn to_wasmi(v: &flint::Val) -> wasmi::Val {
    match v {
        flint::Val::I32(x) => wasmi::Val::I32(*x),
        flint::Val::I64(x) => wasmi::Val::I64(*x),
        flint::Val::F32(x) => wasmi::Val::F32(wasmi::F32::from_bits(*x)),
        flint::Val::F64(x) => wasmi::Val::F64(wasmi::F64::from_bits(*x)),
        flint::Val::V128(x) => wasmi::Val::V128(wasmi::V128::from(*x)),
        flint::Val::FuncRef(_) => wasmi::Val::FuncRef(wasmi::Ref::Null),
        flint::Val::ExternRef(_) => wasmi::Val::ExternRef(wasmi::Ref::Null),
    }
}

/// Trap kinds as both engines can name them. Flint's two table codes
/// (index past a table's end in `call_indirect`, and in other table
/// operations) are one kind in wasmi.
#[derive(PartialEq, Eq, Debug, Clone, Copy)]
enum Trap {
    Unreachable,
    MemoryOutOfBounds,
    TableOutOfBounds,
    NullCall,
    SignatureMismatch,
    DivideByZero,
    IntegerOverflow,
    BadConversion,
    StackOverflow,
    /// Not a trap (a link or instantiation error of another kind).
    Other,
}

fn flint_trap(e: &flint::Error) -> Trap {
    use flint::TrapCode as C;
    let flint::Error::Trap(t) = e else {
        return Trap::Other;
    };
    match t.code {
        C::Unreachable => Trap::Unreachable,
        C::MemoryOutOfBounds => Trap::MemoryOutOfBounds,
        C::TableOutOfBounds | C::TableAccessOutOfBounds => Trap::TableOutOfBounds,
        C::UninitializedElement => Trap::NullCall,
        C::IndirectCallTypeMismatch => Trap::SignatureMismatch,
        C::IntegerDivideByZero => Trap::DivideByZero,
        C::IntegerOverflow => Trap::IntegerOverflow,
        C::InvalidConversionToInteger => Trap::BadConversion,
        C::StackOverflow => Trap::StackOverflow,
        C::HostError | C::OutOfFuel | C::Interrupt => Trap::Other,
    }
}

fn wasmi_trap(e: &wasmi::Error) -> Trap {
    use wasmi::errors::{ErrorKind, TableError};
    use wasmi::TrapCode as C;
    // wasmi 1.1 reports an out-of-bounds `table.copy` as a table error
    // without a trap code (its other table operations have one).
    if let ErrorKind::Table(TableError::CopyOutOfBounds) = e.kind() {
        return Trap::TableOutOfBounds;
    }
    match e.as_trap_code() {
        Some(C::UnreachableCodeReached) => Trap::Unreachable,
        Some(C::MemoryOutOfBounds) => Trap::MemoryOutOfBounds,
        Some(C::TableOutOfBounds) => Trap::TableOutOfBounds,
        Some(C::IndirectCallToNull) => Trap::NullCall,
        Some(C::BadSignature) => Trap::SignatureMismatch,
        Some(C::IntegerDivisionByZero) => Trap::DivideByZero,
        Some(C::IntegerOverflow) => Trap::IntegerOverflow,
        Some(C::BadConversionToInteger) => Trap::BadConversion,
        Some(C::StackOverflow) => Trap::StackOverflow,
        _ => Trap::Other,
    }
}
