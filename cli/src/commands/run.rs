//! `flint run`: compile a module, instantiate it, and call into it.
//!
//! The steps mirror what any embedder does with the API (see README):
//! read bytes → `Module::new` (the single-pass compiler runs here; an
//! artifact of `flint compile` is loaded by `Module::deserialize_file`) →
//! a `Store` holding the program's WASI context → `Linker::instantiate`
//! into it (imports resolved, start function run) → look up an export →
//! `Func::call`. Each step's failure is reported with the step
//! it happened in, so a user can tell a validation error from a link error
//! from a trap.

use super::args::{format_val, parse_val};
use super::limits::{self, Limits};
use super::{load_module_bytes, Failure};
use flint::wasi::WasiCtx;
use flint::{
    Config, Engine, ExternType, Func, FuncType, Instance, Linker, Module, Store, StoreLimits,
    StoreLimitsBuilder, Val,
};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Command-line arguments of `flint run` (and of `flint FILE ...`).
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "flint run [OPTIONS] <FILE> [ARGS]...\n       flint [OPTIONS] <FILE> [ARGS]..."
)]
pub struct RunArgs {
    /// Call this exported function instead of the module's entry point.
    #[arg(long, value_name = "NAME")]
    pub invoke: Option<String>,

    /// For WASI programs: set an environment variable (`KEY=VALUE`), or
    /// pass one of flint's own through (`KEY`). Repeatable.
    #[arg(long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,

    /// For WASI programs: give the program the host directory HOST, which
    /// it sees as GUEST (default: HOST as given). The program can reach
    /// nothing outside its directories. Repeatable.
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    pub dirs: Vec<String>,

    /// For WASI programs: listen for TCP connections on HOST:PORT and give
    /// the program the listening socket, as the next descriptor after the
    /// `--dir` directories; it takes connections with `accept`.
    /// Repeatable.
    #[arg(long = "tcplisten", value_name = "HOST:PORT")]
    pub tcplisten: Vec<String>,

    /// Before FILE, compile and instantiate MODULE_FILE and let FILE (and
    /// later preloads) import its exports from the module name NAME. It
    /// gets WASI if it imports it, sharing FILE's WASI context.
    /// Repeatable, each NAME once.
    #[arg(long = "preload", value_name = "NAME=MODULE_FILE")]
    pub preloads: Vec<String>,

    /// Limits: fuel, max-memory-size, max-wasm-stack, timeout (see below).
    #[arg(short = 'W', value_name = "KEY=VALUE[,...]", long_help = limits::HELP)]
    pub limits: Vec<String>,

    #[command(flatten)]
    pub memory: MemoryArgs,

    /// Make the compiled code visible to a profiler: `perfmap` writes
    /// `/tmp/perf-PID.map` (each wasm function's address range and name)
    /// for Linux `perf report` (`perf record -g flint run --profile=perfmap
    /// app.wasm`, then `perf report`).
    #[arg(long, value_name = "STRATEGY", value_parser = ["perfmap"])]
    pub profile: Option<String>,

    /// The module to run (a `.wasm` binary or `.wat` text), then ARGS:
    /// everything after FILE belongs to the program, even what looks like
    /// a flint option (`flint run app.wasm --help` passes `--help` to the
    /// program), so flint's own options go before FILE. For a WASI
    /// program, ARGS are its command-line arguments; with `--invoke`, the
    /// function's arguments, parsed by its parameter types: integers in
    /// decimal or 0x hex (negative allowed), floats in decimal or as inf,
    /// -inf, nan, nan:0xPAYLOAD.
    // One positional holding FILE and ARGS, as wasmtime does it:
    // `trailing_var_arg` makes every argument after the first value (FILE)
    // a value, where a separate ARGS positional would let clap read a
    // `--help` right after FILE as its own flag.
    #[arg(
        value_name = "FILE",
        required = true,
        num_args = 1..,
        trailing_var_arg = true
    )]
    pub module_and_args: Vec<String>,
}

/// How much address space each linear memory takes (`flint run` and
/// `flint compile`): the settings change the compiled code (which accesses
/// it bounds-checks), so an artifact must be compiled with the values it
/// is run with, and is refused otherwise.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct MemoryArgs {
    /// Bytes of address space each linear memory may grow into
    /// (`Config::memory_reservation`; default 4 GiB), rounded up to 64 KiB.
    /// A memory never grows past it. Below 4 GiB (with the guard) compiled
    /// code checks the bounds of its accesses itself, and many more
    /// memories fit in the address space.
    #[arg(long, value_name = "BYTES")]
    pub memory_reservation: Option<u64>,

    /// Bytes of inaccessible address space after each memory's
    /// reservation (`Config::memory_guard_size`; default 4 GiB + 64 KiB),
    /// rounded up to 64 KiB: accesses the guard covers need no check.
    #[arg(long, value_name = "BYTES")]
    pub memory_guard_size: Option<u64>,
}

impl MemoryArgs {
    /// Set the layout given on the command line in `config`.
    pub fn apply(&self, config: &mut Config) {
        if let Some(bytes) = self.memory_reservation {
            config.memory_reservation(bytes);
        }
        if let Some(bytes) = self.memory_guard_size {
            config.memory_guard_size(bytes);
        }
    }
}

impl RunArgs {
    /// The module's path (clap guarantees it is there).
    pub fn file(&self) -> &Path {
        Path::new(&self.module_and_args[0])
    }

    /// Everything after the module's path.
    pub fn args(&self) -> &[String] {
        &self.module_and_args[1..]
    }
}

/// What the store holds: the program's WASI context, and the `-W
/// max-memory-size` limit that `Store::limiter` consults on every
/// memory growth.
pub struct Host {
    wasi: WasiCtx,
    limits: StoreLimits,
}

/// The export a WASI-style command module runs as its `main`.
const WASI_ENTRY: &str = "_start";

/// Parses the `-W` limits, then runs the program on a thread whose stack
/// fits the wasm stack limit.
pub fn run_command(args: RunArgs) -> Result<(), Failure> {
    let limits = Limits::parse(&args.limits)?;
    let stack = limits
        .max_wasm_stack
        .unwrap_or_else(|| flint::Config::default().get_max_wasm_stack());
    super::run_on_big_stack(stack, move || run(args, limits))
}

/// The engine configuration for `limits` and `--profile`: fuel metering
/// and epoch interruption are compiled in only when asked for (they cost a
/// check per call and loop iteration).
pub(super) fn config(limits: &Limits, profile: Option<&str>) -> Config {
    let mut config = Config::default();
    if profile == Some("perfmap") {
        config.profiler(flint::ProfilingStrategy::PerfMap);
    }
    if limits.fuel.is_some() {
        config.consume_fuel(true);
    }
    if limits.timeout.is_some() {
        config.epoch_interruption(true);
    }
    if let Some(bytes) = limits.max_wasm_stack {
        config.max_wasm_stack(bytes);
    }
    config
}

fn run(args: RunArgs, limits: Limits) -> Result<(), Failure> {
    let path = args.file();
    let mut config = config(&limits, args.profile.as_deref());
    args.memory.apply(&mut config);
    let engine = Engine::new(&config)
        .map_err(|e| Failure::from_api("cannot run wasm on this machine", e))?;
    let module = load_module(&engine, path)?;
    let preloads = args
        .preloads
        .iter()
        .map(|p| preload(&engine, p))
        .collect::<Result<Vec<_>, _>>()?;
    // One module per name: a second one would not replace the first (the
    // linker refuses to redefine a name), and merging their exports under
    // one name would only hide the mistake.
    if let Some(twice) = preloads
        .iter()
        .enumerate()
        .find(|(i, p)| preloads[..*i].iter().any(|q| q.name == p.name))
        .map(|(_, p)| &p.name)
    {
        return Err(Failure::error(format!(
            "--preload {twice}: the name is given twice; each preload needs a name of its own"
        )));
    }

    // The host environment offered to the modules: WASI preview 1 if any
    // of them imports it (one context for all: they are one program, in
    // one store, whose host state the context is); any other import is a
    // link error naming it, unless a preload provides it.
    // The WASI options are checked (directories opened, sockets bound)
    // even for modules that do not import WASI: a mistyped `--dir` or
    // `--tcplisten` is an error, not silently ignored.
    let mut linker: Linker<Host> = Linker::new(&engine);
    let wasi = uses_wasi(&module) || preloads.iter().any(|p| uses_wasi(&p.module));
    let ctx = wasi_context(path, &args)?;
    if wasi {
        flint::wasi::add_to_linker(&mut linker, |host: &mut Host| &mut host.wasi)
            .map_err(|e| Failure::from_api("setting up WASI", e))?;
    }
    let mut store_limits = StoreLimitsBuilder::new();
    if let Some(bytes) = limits.max_memory_size {
        store_limits = store_limits.memory_size(bytes);
    }
    let host = Host {
        wasi: ctx,
        limits: store_limits.build(),
    };
    let mut store = Store::new(&engine, host);
    store.limiter(|host: &mut Host| &mut host.limits);
    // The limits bind from the start: start functions run under them too.
    if let Some(fuel) = limits.fuel {
        store
            .set_fuel(fuel)
            .map_err(|e| Failure::from_api("-W fuel", e))?;
    }
    if let Some(timeout) = limits.timeout {
        // The deadline is one epoch away; a watchdog thread makes that
        // epoch after `timeout`. If the program finishes first, the
        // process exits without waiting for the watchdog.
        store.set_epoch_deadline(1);
        let engine = engine.clone();
        std::thread::Builder::new()
            .name("flint-timeout".into())
            .spawn(move || {
                std::thread::sleep(timeout);
                engine.increment_epoch();
            })
            .map_err(|e| Failure::error(format!("failed to start the timeout thread: {e}")))?;
    }

    let argv = if wasi { &[][..] } else { args.args() };
    let outcome = link_and_run(&args, &module, &preloads, &mut store, linker, argv);
    // `proc_exit` unwinds the program like a trap (in a start function
    // too); its status is the program's own answer, not a failure of
    // flint's. (Without WASI linked, nothing can set it.)
    match (outcome, store.data().wasi.exit_code()) {
        (Err(_), Some(0)) => Ok(()),
        (Err(_), Some(status)) => Err(exit_status(status)),
        (Err(mut failure), None) if failure.timed_out => {
            let timeout = limits.timeout.unwrap_or_default();
            failure.message = failure.message.replacen(
                "wasm trap: interrupt",
                &format!("wasm trap: interrupt: the -W timeout of {timeout:?} elapsed"),
                1,
            );
            Err(failure)
        }
        (outcome, _) => outcome,
    }
}

/// The failure for a program that exited with `status` (not 0). A process
/// exit status is one byte, so a status above 255 cannot be passed on; it
/// must not be truncated either (256 would become 0, success), so flint
/// reports it as an error and exits with 1. wasmtime also refuses statuses
/// it cannot represent.
fn exit_status(status: u32) -> Failure {
    if status <= u8::MAX as u32 {
        Failure::exit_status(status)
    } else {
        Failure::error(format!(
            "the program exited with status {status}, which is not a valid process \
             exit status (0 to 255)"
        ))
    }
}

/// Instantiate the preloads in order, each importable under its name by
/// those after it, then the module (running start functions), and run
/// it: `--invoke`, or its entry point with `argv`.
fn link_and_run(
    args: &RunArgs,
    module: &Module,
    preloads: &[Preload],
    store: &mut Store<Host>,
    mut linker: Linker<Host>,
    argv: &[String],
) -> Result<(), Failure> {
    for p in preloads {
        let instance = linker
            .instantiate(&mut *store, &p.module)
            .map_err(|e| Failure::from_api(format!("instantiating `{}`", p.path.display()), e))?;
        // Names are distinct (checked above), but an export may still
        // clash with a WASI function (a preload named
        // `wasi_snapshot_preview1`): an error, not a silent replacement.
        linker
            .instance(&mut *store, &p.name, instance)
            .map_err(|e| Failure::from_api(format!("--preload {}", p.name), e))?;
    }
    let path = args.file();
    let instance = linker
        .instantiate(&mut *store, module)
        .map_err(|e| Failure::from_api(format!("instantiating `{}`", path.display()), e))?;
    match &args.invoke {
        Some(name) => invoke(store, module, instance, name, args.args()),
        None => run_entry_point(store, path, module, instance, argv),
    }
}

/// The module in the file at `path`: an artifact of `flint compile`
/// (recognised by its header) loaded, anything else compiled.
fn load_module(engine: &Engine, path: &Path) -> Result<Module, Failure> {
    let context = || format!("`{}`", path.display());
    if is_artifact_file(path) {
        // SAFETY: the user names the artifact to run, as they name a
        // native program: its code is trusted as `flint compile` wrote it
        // (the header and checksum checks catch accidents, such as a
        // stale or damaged file, not forgeries), and flint does not change
        // the file while it runs.
        return unsafe { Module::deserialize_file(engine, path) }
            .map_err(|e| Failure::from_api(context(), e));
    }
    let wasm = load_module_bytes(path)?;
    Module::new(engine, &wasm).map_err(|e| Failure::from_api(context(), e))
}

/// Whether the file starts as a compiled artifact does.
fn is_artifact_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| Module::is_artifact(&head))
}

/// A `--preload NAME=MODULE_FILE` module, compiled.
struct Preload {
    name: String,
    path: PathBuf,
    module: Module,
}

fn preload(engine: &Engine, arg: &str) -> Result<Preload, Failure> {
    let (name, file) = arg
        .split_once('=')
        .filter(|(name, file)| !name.is_empty() && !file.is_empty())
        .ok_or_else(|| Failure::error(format!("--preload {arg}: expected NAME=MODULE_FILE")))?;
    let path = PathBuf::from(file);
    let module = load_module(engine, &path)?;
    Ok(Preload {
        name: name.to_string(),
        path,
        module,
    })
}

fn uses_wasi(module: &Module) -> bool {
    module
        .imports()
        .iter()
        .any(|i| i.module == flint::wasi::MODULE)
}

/// The program's view: argv[0] is the file name as given, then the
/// trailing arguments; `--env` entries in order; `--dir` directories as
/// descriptors 3, 4, ... in order, then the `--tcplisten` sockets (after
/// the directories, because wasi-libc looks for preopened directories
/// only up to the first descriptor that is not one).
fn wasi_context(path: &Path, args: &RunArgs) -> Result<WasiCtx, Failure> {
    let mut ctx = WasiCtx::new();
    ctx.arg(path.display().to_string());
    if args.invoke.is_none() {
        for a in args.args() {
            ctx.arg(a.clone());
        }
    }
    for e in &args.env {
        match e.split_once('=') {
            Some((k, v)) => ctx.env(k, v),
            None => match std::env::var(e) {
                Ok(v) => ctx.env(e.clone(), v),
                Err(_) => &mut ctx,
            },
        };
    }
    for dir in &args.dirs {
        let (host, guest) = dir.split_once("::").unwrap_or((dir, dir));
        ctx.preopened_dir(host, guest)
            .map_err(|e| Failure::error(format!("--dir {dir}: cannot open `{host}`: {e}")))?;
    }
    for addr in &args.tcplisten {
        std::net::TcpListener::bind(addr.as_str())
            .and_then(|listener| ctx.preopened_socket(listener).map(drop))
            .map_err(|e| Failure::error(format!("--tcplisten {addr}: cannot listen: {e}")))?;
    }
    Ok(ctx)
}

/// `--invoke NAME ARGS...`: call an export and print its results.
fn invoke(
    store: &mut Store<Host>,
    module: &Module,
    instance: Instance,
    name: &str,
    texts: &[String],
) -> Result<(), Failure> {
    let Some(func) = instance.get_func(&mut *store, name) else {
        return Err(unknown_function(module, name));
    };
    let ty = func.ty(&*store);
    let params = parse_args(name, &ty, texts)?;
    call_and_print(store, func, &ty, &params, name)
}

/// Call `func` (of type `ty`) and print its results, one per line.
fn call_and_print(
    store: &mut Store<Host>,
    func: Func,
    ty: &FuncType,
    params: &[Val],
    name: &str,
) -> Result<(), Failure> {
    // Room for the results, overwritten by the call.
    let mut results = vec![Val::I32(0); ty.results().len()];
    func.call(store, params, &mut results)
        .map_err(|e| Failure::from_api(format!("calling `{name}`"), e))?;
    print_results(&results)
}

/// No `--invoke`: the start function already ran during instantiation;
/// then run `_start` if the module is a WASI-style command.
fn run_entry_point(
    store: &mut Store<Host>,
    path: &Path,
    module: &Module,
    instance: Instance,
    texts: &[String],
) -> Result<(), Failure> {
    if !texts.is_empty() {
        // Only a WASI program has an argv to pass them in. Options after
        // the module's path are the program's too: a user used to
        // `flint run FILE --invoke NAME` learns where they go now.
        let hint = if texts[0].starts_with('-') {
            "\n(everything after the module's path goes to the program; flint's own \
             options, such as --invoke, go before it: flint run --invoke NAME FILE ARGS...)"
        } else {
            ""
        };
        return Err(Failure::error(format!(
            "arguments given without --invoke; use --invoke NAME to pass them to a \
             function{hint}\n{}",
            list_functions(module)
        )));
    }
    match instance.get_func(&mut *store, WASI_ENTRY) {
        Some(func) => {
            let ty = func.ty(&*store);
            if !ty.params().is_empty() {
                return Err(Failure::error(format!(
                    "`{WASI_ENTRY}` must take no parameters, but its type is {}",
                    signature(&ty)
                )));
            }
            call_and_print(store, func, &ty, &[], WASI_ENTRY)
        }
        None if module.has_start_function() => Ok(()),
        None => Err(Failure::error(format!(
            "`{}` has no start function; use --invoke NAME\n{}",
            path.display(),
            list_functions(module)
        ))),
    }
}

/// Whether the module has a start section. The embedding API has no query
/// for it (an embedder never needs one: instantiation just runs it), so we
/// look at the section list ourselves; the module was already validated.
fn parse_args(name: &str, ty: &FuncType, texts: &[String]) -> Result<Vec<Val>, Failure> {
    let params = ty.params();
    if params.len() != texts.len() {
        let plural = if params.len() == 1 { "" } else { "s" };
        return Err(Failure::error(format!(
            "`{name}` takes {} argument{plural} but {} {} given; its type is {}",
            params.len(),
            texts.len(),
            if texts.len() == 1 { "was" } else { "were" },
            signature(ty),
        )));
    }
    params
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (&param, text))| {
            parse_val(text, param)
                .map_err(|e| Failure::error(format!("argument {} of `{name}`: {e}", i + 1)))
        })
        .collect()
}

fn print_results(results: &[Val]) -> Result<(), Failure> {
    // Write through a locked handle and handle errors instead of letting
    // `println!` panic. A reader that closed the pipe early (`| head`)
    // simply did not want the rest; anything else is reported.
    let mut out = std::io::stdout().lock();
    match results
        .iter()
        .try_for_each(|v| writeln!(out, "{}", format_val(v)))
        .and_then(|()| out.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::error(format!("writing results: {e}")))
        }
        _ => Ok(()),
    }
}

/// The error for `--invoke NAME` when NAME is not an exported function,
/// distinguishing "exists but is a memory/global/table" from "no such export".
fn unknown_function(module: &Module, name: &str) -> Failure {
    let kind = module
        .exports()
        .into_iter()
        .find(|e| e.name == name)
        .map(|e| match e.ty {
            ExternType::Func(_) => "function",
            ExternType::Global(_) => "global",
            ExternType::Memory(_) => "memory",
            ExternType::Table(_) => "table",
        });
    let what = match kind {
        Some(kind) => format!("export `{name}` is a {kind}, not a function"),
        None => format!("unknown export `{name}`"),
    };
    Failure::error(format!("{what}\n{}", list_functions(module)))
}

/// A human-readable list of the exported functions and their types,
/// appended to errors where the user has to pick one.
fn list_functions(module: &Module) -> String {
    let funcs: Vec<String> = module
        .exports()
        .into_iter()
        .filter_map(|e| match e.ty {
            ExternType::Func(ty) => Some(format!("  {}: {}", e.name, signature(&ty))),
            _ => None,
        })
        .collect();
    if funcs.is_empty() {
        "the module exports no functions".to_string()
    } else {
        format!("exported functions:\n{}", funcs.join("\n"))
    }
}

/// A function type in the compact form users read in error messages,
/// e.g. `(i32, i32) -> i32`, `() -> ()`.
fn signature(ty: &FuncType) -> String {
    let list = |tys: &[flint::ValType]| {
        let names: Vec<String> = tys.iter().map(|t| t.to_string()).collect();
        names.join(", ")
    };
    let results = match ty.results() {
        [single] => single.to_string(),
        many => format!("({})", list(many)),
    };
    format!("({}) -> {results}", list(ty.params()))
}
