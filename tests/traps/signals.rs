//! Signals and faults Flint did not raise, run in a child process because
//! they may kill it: a SIGSEGV sent by hand, a stack overflow of the host,
//! and table storage the host cannot allocate.

use super::*;

/// Set in a child process to the role it plays in the test that started it.
const CHILD_ROLE: &str = "FLINT_TRAPS_CHILD_ROLE";
/// Printed by a child when it got through the part that must not kill it.
const CHILD_SURVIVED: &str = "@child-survived";

/// Runs this test binary again for the one test `test` (its full name,
/// `signals::...`, which `--exact` compares), with `role` in
/// [`CHILD_ROLE`].
fn run_child(test: &str, role: &str) -> std::process::Output {
    super::child::run_alone(test, CHILD_ROLE, role)
}

/// The role of this process, if it is a child started by [`run_child`].
fn child_role() -> Option<String> {
    std::env::var(CHILD_ROLE).ok()
}

/// In a child that is meant to die: no core file.
fn disable_core_dumps() {
    let zero = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit only reads `zero`.
    unsafe { libc::setrlimit(libc::RLIMIT_CORE, &zero) };
}

fn describe(out: &std::process::Output) -> String {
    format!(
        "{:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn survived(out: &std::process::Output) -> bool {
    String::from_utf8_lossy(&out.stdout).contains(CHILD_SURVIVED)
}

/// An out-of-bounds load, which must come back as a trap.
fn assert_out_of_bounds_traps(store: &mut Store<()>, inst: Instance, what: &str) {
    let oob = inst.get_func(&mut *store, "oob").unwrap();
    assert_trap(call_func(store, oob, &[]), OUT_OF_BOUNDS, what);
}

/// Send `signum` to this thread, as a user would (`si_code` <= 0, not a
/// fault). `raise` rather than `kill(getpid())`: a signal sent to the whole
/// process may be handled by any thread (the test harness's main thread,
/// typically) at a moment of its choosing, while one sent to this thread has
/// been handled when `raise` returns. Flint's handler treats both alike: by
/// `si_code`, not by thread.
fn send_to_self(signum: libc::c_int) {
    // SAFETY: raise has no memory-safety preconditions.
    assert_eq!(unsafe { libc::raise(signum) }, 0);
}

/// The current disposition of `signum`.
fn disposition(signum: libc::c_int) -> libc::sighandler_t {
    // SAFETY: reading the current action into a zeroed, valid struct.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        assert_eq!(libc::sigaction(signum, std::ptr::null(), &mut current), 0);
        current.sa_sigaction
    }
}

const OOB_MODULE: &str = r#"(module (memory 1)
  (func (export "oob") (result i32) (i32.load (i32.const 65536))))"#;

static HOST_HANDLER_CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A host program's own SIGSEGV handler: counts, and returns.
extern "C" fn counting_handler(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
    HOST_HANDLER_CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

/// A SIGSEGV sent to the process (`kill -SEGV`) is not a trap: it goes to
/// whatever handled SIGSEGV before Flint, and the process fares as it would
/// without Flint. What it must not do is uninstall Flint's handler, so that
/// the guest's next out-of-bounds access kills the process. Three hosts:
///
/// - `rust`: the test binary as it is, where Rust's std handler (for stack
///   overflows) was there first. It resets SIGSEGV to the default and
///   returns, so the first `kill` is survived and a second one kills.
/// - `host`: the host installed its own SIGSEGV handler, which sees every
///   sent signal and keeps seeing them.
/// - `default`: SIGSEGV had the default disposition; the `kill` kills.
#[test]
fn a_sent_sigsegv_does_not_uninstall_the_trap_handler() {
    const TEST: &str = "signals::a_sent_sigsegv_does_not_uninstall_the_trap_handler";
    if let Some(role) = child_role() {
        disable_core_dumps();
        match role.as_str() {
            "rust" => assert_ne!(
                disposition(libc::SIGSEGV),
                libc::SIG_DFL,
                "Rust's std installs a SIGSEGV handler"
            ),
            "host" => {
                // SAFETY: installing a handler with valid pointers.
                unsafe {
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction = counting_handler as *const () as libc::sighandler_t;
                    action.sa_flags = libc::SA_SIGINFO;
                    libc::sigemptyset(&mut action.sa_mask);
                    assert_eq!(
                        libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut()),
                        0
                    );
                }
            }
            "default" => {
                // SAFETY: resetting a disposition to the default.
                unsafe { libc::signal(libc::SIGSEGV, libc::SIG_DFL) };
            }
            other => panic!("unknown role {other}"),
        }
        // Running wasm installs Flint's handler on top.
        let (mut store, inst) = instance(OOB_MODULE);
        assert_out_of_bounds_traps(&mut store, inst, "before the kill");
        send_to_self(libc::SIGSEGV);
        assert_out_of_bounds_traps(&mut store, inst, "after the kill");
        let calls = || HOST_HANDLER_CALLS.load(std::sync::atomic::Ordering::SeqCst);
        if role == "host" {
            assert_eq!(calls(), 1, "the host's handler got the sent signal");
        }
        println!("{CHILD_SURVIVED}");
        // A second one: kills where the first one's handler asked for the
        // default, and reaches the host's handler again otherwise.
        send_to_self(libc::SIGSEGV);
        assert_out_of_bounds_traps(&mut store, inst, "after the second kill");
        if role == "host" {
            assert_eq!(calls(), 2, "the host's handler got the second signal");
            return;
        }
        panic!("the second SIGSEGV should have killed the process");
    }

    let out = run_child(TEST, "rust");
    assert!(survived(&out), "rust: {}", describe(&out));
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGSEGV),
        "rust: {}",
        describe(&out)
    );

    let out = run_child(TEST, "host");
    assert!(survived(&out), "host: {}", describe(&out));
    assert!(out.status.success(), "host: {}", describe(&out));

    let out = run_child(TEST, "default");
    assert!(!survived(&out), "default: {}", describe(&out));
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGSEGV),
        "default: {}",
        describe(&out)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked"),
        "default: the kill came before the check: {}",
        describe(&out)
    );
}

/// Flint's handler passes a stack overflow of the host's own code on to
/// Rust's std handler, which still reports it (and aborts), also after a
/// guest trapped on the same thread.
#[test]
fn a_stack_overflow_of_the_host_is_still_reported_by_rust() {
    const TEST: &str = "signals::a_stack_overflow_of_the_host_is_still_reported_by_rust";
    if child_role().is_some() {
        disable_core_dumps();
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let (mut store, inst) = instance(OOB_MODULE);
                assert_out_of_bounds_traps(&mut store, inst, "before the overflow");
                println!("{CHILD_SURVIVED}");
                #[allow(unconditional_recursion)]
                fn recurse(depth: u64) -> u64 {
                    let frame = std::hint::black_box([depth; 64]);
                    recurse(depth + 1) + frame[7]
                }
                std::hint::black_box(recurse(0));
            })
            .unwrap()
            .join()
            .unwrap();
        panic!("the stack overflow should have aborted the process");
    }
    let out = run_child(TEST, "overflow");
    assert!(survived(&out), "{}", describe(&out));
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(libc::SIGABRT),
        "{}",
        describe(&out)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("has overflowed its stack"),
        "{}",
        describe(&out)
    );
}

/// This process's address-space size in bytes (`VmSize`).
fn address_space_size() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmSize:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .and_then(|v| v.trim().parse().ok())
        .expect("VmSize in /proc/self/status");
    kib * 1024
}

fn address_space_limit() -> u64 {
    // SAFETY: getrlimit writes the zeroed struct it is given.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        assert_eq!(libc::getrlimit(libc::RLIMIT_AS, &mut limit), 0);
        limit.rlim_cur as u64
    }
}

/// Limit this process's address space (as `ulimit -v` would) to what it
/// uses now plus `headroom` bytes, so larger allocations fail.
fn limit_address_space(headroom: u64) {
    let limit = address_space_size() + headroom;
    let rlimit = libc::rlimit {
        rlim_cur: limit as libc::rlim_t,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: setrlimit only reads `rlimit`.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &rlimit) };
    if address_space_limit() != limit {
        // qemu-user (cross-testing) accepts and ignores a guest's memory
        // limits, which would apply to qemu itself; util-linux's prlimit
        // sets the limit on the process from outside. (Its size above is
        // qemu's, which is what the limit applies to.)
        let status = std::process::Command::new("prlimit")
            .arg(format!("--pid={}", std::process::id()))
            .arg(format!("--as={limit}:"))
            .status()
            .expect("cannot run prlimit");
        assert!(status.success(), "prlimit: {status}");
    }
    assert_eq!(
        address_space_limit(),
        limit,
        "the address-space limit is in effect"
    );
}

/// Table storage is allocated fallibly: when the host cannot allocate what
/// a guest asks for, `table.grow` returns -1 and instantiation fails with
/// an error; the host process does not abort ("memory allocation of N
/// bytes failed"). The child runs under an address-space limit a little
/// above what it uses, with `Config::max_table_elements` out of the way.
#[test]
fn table_storage_the_host_cannot_allocate_is_an_error_not_an_abort() {
    const TEST: &str = "signals::table_storage_the_host_cannot_allocate_is_an_error_not_an_abort";
    if child_role().is_some() {
        let mut config = Config::new();
        config.max_table_elements(u64::MAX);
        let engine = Engine::new(&config).unwrap();
        let (mut store, inst) = instance_with(
            &engine,
            r#"(module (table 0 funcref)
                 (func (export "grow") (param i32) (result i32)
                   (table.grow (ref.null func) (local.get 0)))
                 (func (export "size") (result i32) (table.size)))"#,
        );
        let big = Module::new(&engine, "(module (table 10000000 funcref))").unwrap();
        let grow = inst.get_typed_func::<i32, i32>(&mut store, "grow").unwrap();
        let size = inst.get_typed_func::<(), i32>(&mut store, "size").unwrap();
        assert_eq!(grow.call(&mut store, 16).unwrap(), 0);

        limit_address_space(64 << 20);
        // 80 MB, then 16 GiB, of elements.
        assert_eq!(grow.call(&mut store, 10_000_000).unwrap(), -1);
        assert_eq!(grow.call(&mut store, i32::MIN).unwrap(), -1);
        assert_eq!(
            size.call(&mut store, ()).unwrap(),
            16,
            "a failed grow changes nothing"
        );
        // An 80 MB table at instantiation.
        let err = match Instance::new(&mut store, &big, &[]) {
            Ok(_) => panic!("a table of 80 MB was allocated under a 64 MB headroom"),
            Err(e) => e,
        };
        assert!(
            matches!(&err, Error::Instantiation(m) if m.contains("out of memory")),
            "{err:?}"
        );
        // What fits still works.
        assert_eq!(grow.call(&mut store, 1000).unwrap(), 16);
        println!("{CHILD_SURVIVED}");
        return;
    }
    let out = run_child(TEST, "limited");
    assert!(out.status.success() && survived(&out), "{}", describe(&out));
}
