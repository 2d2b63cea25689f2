//! End-to-end tests of the runtime edges: the entry trampoline, activations
//! and the signal handler working together on hand-assembled functions that
//! follow the wasm calling convention (no compiler involved), plus the
//! helper that runs a test in a child process for the cases that must kill
//! the process.

use std::process::{Command, Output};

/// Re-run this test binary for exactly `test_name` with `env_var` set, so
/// the test can tell it is the child. Returns the child's output.
pub(crate) fn run_test_in_child(test_name: &str, env_var: &str) -> Output {
    Command::new(std::env::current_exe().expect("test binary path"))
        .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
        .env(env_var, "1")
        .output()
        .expect("cannot run the test binary")
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod x64 {
    use super::run_test_in_child;
    use crate::masm::TrapSite;
    use crate::runtime::activation::{
        call_wasm, in_wasm, set_host_error, set_host_panic, stack_limit_ptr,
    };
    use crate::runtime::code_memory::CodeMemory;
    use crate::runtime::linear_memory::LinearMemory;
    use crate::runtime::signals::{self, register_code, CodeRegistration};
    use crate::runtime::vmctx::{BUILTIN_CALL_HOST, MEMORY_BASE, STACK_LIMIT};
    use crate::trap::{Trap, TrapCode};
    use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
    use std::cell::Cell;
    use std::os::unix::process::ExitStatusExt;
    use std::sync::{Arc, OnceLock};

    const MAX_STACK: usize = 512 * 1024;

    /// Entry offsets of the test functions in the fixture's code.
    #[derive(Default)]
    struct Offsets {
        add: usize,
        introspect: usize,
        trap_nested: usize,
        trap_direct: usize,
        oob: usize,
        load: usize,
        recurse: usize,
        call_builtin: usize,
        bad_ud2: usize,
        bad_load: usize,
    }

    struct Fixture {
        code: CodeMemory,
        _registration: CodeRegistration,
        at: Offsets,
    }

    impl Fixture {
        fn ptr(&self, offset: usize) -> *const u8 {
            assert!(offset < self.code.len());
            // SAFETY: in bounds of the code, checked above.
            unsafe { self.code.as_ptr().add(offset) }
        }
    }

    /// The test functions, assembled, mapped and registered once per process.
    fn fixture() -> &'static Fixture {
        static FIXTURE: OnceLock<Fixture> = OnceLock::new();
        FIXTURE.get_or_init(|| {
            let mut a = dynasmrt::VecAssembler::<dynasmrt::x64::X64Relocation>::new(0);
            let mut sites = Vec::new();
            let mut at = Offsets::default();
            let mut site = |a: &dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>, code| {
                sites.push(TrapSite {
                    offset: a.offset().0 as u32,
                    code,
                })
            };

            // add(a, b) -> a + b in both result registers. Clobbers the SysV
            // callee-saved registers that the trampoline must restore.
            at.add = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; mov rbx, -1
                ; mov r12, -1
                ; mov r13, -1
                ; mov rax, [rbp + 16]
                ; add rax, [rbp + 24]
                ; movq xmm0, rax
                ; pop rbp
                ; ret
            );

            // introspect() -> (r14, r15), trapping (Unreachable) if the
            // stack was not 16-aligned at the call.
            at.introspect = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; test rsp, 15
                ; jz >aligned
            );
            site(&a, TrapCode::Unreachable);
            dynasm!(a
                ; .arch x64
                ; ud2
                ; aligned:
                ; mov rax, r14
                ; movq xmm0, r15
                ; pop rbp
                ; ret
            );

            // trap_nested(): calls trap_direct from a frame with some junk in it.
            at.trap_nested = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; sub rsp, 64
                ; mov QWORD [rsp], 0x55
                ; call ->trap_direct
                ; add rsp, 64
                ; pop rbp
                ; ret
            );

            // trap_direct(): clobbers rbp (unwinding must not rely on it)
            // and hits a registered ud2.
            at.trap_direct = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; ->trap_direct:
                ; push rbp
                ; mov rbp, rsp
                ; mov rbx, 0x1234
                ; xor ebp, ebp
            );
            site(&a, TrapCode::UninitializedElement);
            dynasm!(a
                ; .arch x64
                ; ud2
            );

            // oob(): loads from membase + 0xffff_ffff + 0x7fff_fff0, deep in
            // the PROT_NONE part of the reservation.
            at.oob = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; mov eax, -1
            );
            site(&a, TrapCode::MemoryOutOfBounds);
            dynasm!(a
                ; .arch x64
                ; mov rax, [r15 + rax + 0x7fff_fff0]
                ; pop rbp
                ; ret
            );

            // load(addr) -> the u64 at membase + addr.
            at.load = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; mov eax, [rbp + 16]
            );
            site(&a, TrapCode::MemoryOutOfBounds);
            dynasm!(a
                ; .arch x64
                ; mov rax, [r15 + rax]
                ; pop rbp
                ; ret
            );

            // recurse(): infinite recursion with the prologue's stack check.
            at.recurse = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; ->recurse:
                ; push rbp
                ; mov rbp, rsp
                ; sub rsp, 48
                ; mov rax, [r14 + STACK_LIMIT as i32]
                ; cmp rsp, [rax]
                ; jb >overflow
                ; call ->recurse
                ; add rsp, 48
                ; pop rbp
                ; ret
                ; overflow:
            );
            site(&a, TrapCode::StackOverflow);
            dynasm!(a
                ; .arch x64
                ; ud2
            );

            // call_builtin() -> 77, or a HostError trap if the builtin at
            // vmctx + BUILTIN_CALL_HOST returns nonzero.
            at.call_builtin = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; mov rdi, r14
                ; call QWORD [r14 + BUILTIN_CALL_HOST as i32]
                ; test eax, eax
                ; jnz >failed
                ; mov eax, 77
                ; pop rbp
                ; ret
                ; failed:
            );
            site(&a, TrapCode::HostError);
            dynasm!(a
                ; .arch x64
                ; ud2
            );

            // Faults that are not trap sites.
            at.bad_ud2 = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; ud2
            );
            at.bad_load = a.offset().0;
            dynasm!(a
                ; .arch x64
                ; push rbp
                ; mov rbp, rsp
                ; mov rax, [r15 + 0x7fff_0000]
                ; pop rbp
                ; ret
            );

            let bytes = a.finalize().unwrap();
            let code = CodeMemory::new(&bytes).unwrap();
            let registration = register_code(code.as_ptr() as usize, code.len(), Arc::from(sites));
            Fixture {
                code,
                _registration: registration,
                at,
            }
        })
    }

    /// A fake vmctx with the header fields the test functions use.
    struct Instance {
        vmctx: Vec<u64>,
        memory: LinearMemory,
    }

    impl Instance {
        fn new() -> Instance {
            let mut memory = LinearMemory::new(1, Some(2)).unwrap();
            memory.data_mut()[8..16].copy_from_slice(&0x1122_3344_5566_7788u64.to_le_bytes());
            let mut vmctx = vec![0u64; 8];
            vmctx[(STACK_LIMIT / 8) as usize] = stack_limit_ptr() as u64;
            vmctx[(MEMORY_BASE / 8) as usize] = memory.base() as u64;
            vmctx[(BUILTIN_CALL_HOST / 8) as usize] = test_builtin as *const () as u64;
            Instance { vmctx, memory }
        }

        fn call(&mut self, offset: usize, args: &[u64]) -> Result<[u64; 2], Trap> {
            let mut values = [0u64; 4];
            values[..args.len()].copy_from_slice(args);
            // SAFETY: the fixture's functions follow the wasm convention and
            // are registered; the vmctx has the fields they read and lives
            // across the call.
            unsafe {
                call_wasm(
                    self.vmctx.as_mut_ptr().cast(),
                    fixture().ptr(offset),
                    &mut values,
                    args.len(),
                    MAX_STACK,
                )?;
            }
            Ok([values[0], values[1]])
        }
    }

    #[derive(Copy, Clone, PartialEq, Debug)]
    enum BuiltinMode {
        /// Call back into wasm (a trap, then an add) and succeed.
        Nested,
        HostError,
        HostPanic,
    }

    thread_local! {
        static MODE: Cell<BuiltinMode> = const { Cell::new(BuiltinMode::Nested) };
        static NESTED_RESULT: Cell<Option<u64>> = const { Cell::new(None) };
    }

    /// The builtin `call_builtin` calls: `extern "C" fn(vmctx) -> u32`.
    extern "C" fn test_builtin(vmctx: *mut u8) -> u32 {
        match MODE.with(|m| m.get()) {
            BuiltinMode::Nested => {
                assert!(in_wasm());
                // SAFETY: the limit cell is this thread's.
                let limit = unsafe { *stack_limit_ptr() };
                let f = fixture();
                let mut values = [0u64; 2];
                // SAFETY: as in `Instance::call`; the vmctx is the caller's.
                let trapped =
                    unsafe { call_wasm(vmctx, f.ptr(f.at.trap_nested), &mut values, 0, MAX_STACK) };
                assert_eq!(trapped, Err(Trap::new(TrapCode::UninitializedElement)));
                let mut values = [2u64, 3];
                // SAFETY: as above.
                let ok = unsafe { call_wasm(vmctx, f.ptr(f.at.add), &mut values, 2, 1) };
                assert_eq!(ok, Ok(()));
                // SAFETY: as above.
                assert_eq!(
                    unsafe { *stack_limit_ptr() },
                    limit,
                    "nested entries keep the limit"
                );
                NESTED_RESULT.with(|r| r.set(Some(values[0])));
                0
            }
            BuiltinMode::HostError => {
                set_host_error(Trap::host("no such file"));
                1
            }
            BuiltinMode::HostPanic => {
                set_host_panic(Box::new("host function panicked"));
                1
            }
        }
    }

    #[test]
    fn calls_and_returns() {
        let mut inst = Instance::new();
        let [int, float] = inst.call(fixture().at.add, &[40, 2]).unwrap();
        assert_eq!((int, float), (42, 42));
        assert!(!in_wasm());
        // Argument counts that do and do not fill the 16-aligned area.
        let [int, _] = inst.call(fixture().at.add, &[u64::MAX, 1]).unwrap();
        assert_eq!(int, 0);
    }

    #[test]
    fn pinned_registers_and_alignment() {
        let mut inst = Instance::new();
        let vmctx = inst.vmctx.as_ptr() as u64;
        let base = inst.memory.base() as u64;
        for nargs in 0..4 {
            let args = vec![0u64; nargs];
            let [r14, r15] = inst.call(fixture().at.introspect, &args).unwrap();
            assert_eq!((r14, r15), (vmctx, base), "nargs = {nargs}");
        }
    }

    #[test]
    fn traps_unwind_and_the_thread_keeps_working() {
        let mut inst = Instance::new();
        let f = fixture();
        for _ in 0..3 {
            assert_eq!(
                inst.call(f.at.trap_nested, &[]),
                Err(Trap::new(TrapCode::UninitializedElement))
            );
            assert!(!in_wasm());
            assert_eq!(
                inst.call(f.at.oob, &[]),
                Err(Trap::new(TrapCode::MemoryOutOfBounds))
            );
            assert_eq!(inst.call(f.at.add, &[1, 2]).unwrap()[0], 3);
        }
    }

    #[test]
    fn memory_accesses_use_the_pinned_base() {
        let mut inst = Instance::new();
        let f = fixture();
        assert_eq!(
            inst.call(f.at.load, &[8]).unwrap()[0],
            0x1122_3344_5566_7788
        );
        // The last accessible word, then one byte further (crosses into the
        // inaccessible part of the reservation).
        assert_eq!(inst.call(f.at.load, &[65536 - 8]).unwrap()[0], 0);
        assert_eq!(
            inst.call(f.at.load, &[65536 - 7]),
            Err(Trap::new(TrapCode::MemoryOutOfBounds))
        );
        // After growing, the same access succeeds: the base did not move.
        assert_eq!(inst.memory.grow(1), Some(1));
        assert_eq!(inst.call(f.at.load, &[65536 - 7]).unwrap()[0], 0);
        assert_eq!(
            inst.call(f.at.load, &[u32::MAX as u64]),
            Err(Trap::new(TrapCode::MemoryOutOfBounds))
        );
    }

    #[test]
    fn stack_overflow_traps() {
        let mut inst = Instance::new();
        let f = fixture();
        assert_eq!(
            inst.call(f.at.recurse, &[]),
            Err(Trap::new(TrapCode::StackOverflow))
        );
        // SAFETY: the limit cell is this thread's.
        let limit = unsafe { *stack_limit_ptr() };
        let here = &limit as *const usize as usize;
        assert!(limit < here && here - limit <= MAX_STACK + 4096);
        assert_eq!(inst.call(f.at.add, &[5, 6]).unwrap()[0], 11);
    }

    #[test]
    fn host_calls_nest() {
        let mut inst = Instance::new();
        MODE.with(|m| m.set(BuiltinMode::Nested));
        NESTED_RESULT.with(|r| r.set(None));
        assert_eq!(inst.call(fixture().at.call_builtin, &[]).unwrap()[0], 77);
        assert_eq!(NESTED_RESULT.with(|r| r.get()), Some(5));
        assert!(!in_wasm());
    }

    #[test]
    fn host_errors_travel_to_the_caller() {
        let mut inst = Instance::new();
        MODE.with(|m| m.set(BuiltinMode::HostError));
        assert_eq!(
            inst.call(fixture().at.call_builtin, &[]),
            Err(Trap::host("no such file"))
        );
        assert!(!in_wasm());
        assert_eq!(inst.call(fixture().at.add, &[1, 1]).unwrap()[0], 2);
    }

    #[test]
    fn host_panics_resume_after_the_wasm_frames_are_gone() {
        let mut inst = Instance::new();
        MODE.with(|m| m.set(BuiltinMode::HostPanic));
        let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            inst.call(fixture().at.call_builtin, &[])
        }))
        .unwrap_err();
        assert_eq!(
            payload.downcast_ref::<&str>(),
            Some(&"host function panicked")
        );
        assert!(!in_wasm());
        assert_eq!(inst.call(fixture().at.add, &[3, 4]).unwrap()[0], 7);
    }

    /// In the child: no core file for the deliberate crash.
    fn disable_core_dumps() {
        let zero = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit only reads `zero`.
        unsafe { libc::setrlimit(libc::RLIMIT_CORE, &zero) };
    }

    fn expect_killed_by(test_name: &str, env_var: &str, signal: libc::c_int) {
        let out = run_test_in_child(test_name, env_var);
        assert_eq!(
            out.status.signal(),
            Some(signal),
            "child should die by signal {signal}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn faults_outside_jit_code_are_not_swallowed() {
        const CHILD: &str = "FLINT_TEST_CHILD_FAULT_OUTSIDE_JIT";
        if std::env::var_os(CHILD).is_some() {
            disable_core_dumps();
            signals::install();
            // Run some wasm first so this thread has been through it all.
            let mut inst = Instance::new();
            assert!(inst.call(fixture().at.oob, &[]).is_err());
            // SAFETY: deliberately reading an inaccessible page to crash;
            // the mapping is never unmapped.
            unsafe {
                let page = libc::mmap(
                    std::ptr::null_mut(),
                    4096,
                    libc::PROT_NONE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                );
                assert_ne!(page, libc::MAP_FAILED);
                std::ptr::read_volatile(page.cast::<u8>());
            }
            unreachable!("the read should have killed the process");
        }
        expect_killed_by(
            "runtime::tests::x64::faults_outside_jit_code_are_not_swallowed",
            CHILD,
            libc::SIGSEGV,
        );
    }

    #[test]
    fn faults_in_jit_code_off_trap_sites_are_not_swallowed() {
        const CHILD: &str = "FLINT_TEST_CHILD_FAULT_OFF_SITE";
        if let Some(which) = std::env::var_os(CHILD) {
            disable_core_dumps();
            let mut inst = Instance::new();
            let f = fixture();
            let offset = if which == "ud2" {
                f.at.bad_ud2
            } else {
                f.at.bad_load
            };
            let _ = inst.call(offset, &[]);
            unreachable!("the fault should have killed the process");
        }
        for (which, signal) in [("ud2", libc::SIGILL), ("load", libc::SIGSEGV)] {
            let out = Command::new(std::env::current_exe().unwrap())
                .args([
                    "runtime::tests::x64::faults_in_jit_code_off_trap_sites_are_not_swallowed",
                    "--exact",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD, which)
                .output()
                .unwrap();
            assert_eq!(
                out.status.signal(),
                Some(signal),
                "{which}: {:?}",
                out.status
            );
        }
    }

    #[test]
    fn trap_sites_outside_an_activation_are_not_swallowed() {
        const CHILD: &str = "FLINT_TEST_CHILD_SITE_OUTSIDE_ACTIVATION";
        if std::env::var_os(CHILD).is_some() {
            disable_core_dumps();
            signals::install();
            let f = fixture();
            // SAFETY: deliberately running a registered trap site without
            // an activation, to crash. `trap_direct` uses no arguments.
            let direct: extern "C" fn() = unsafe { std::mem::transmute(f.ptr(f.at.trap_direct)) };
            direct();
            unreachable!("the ud2 should have killed the process");
        }
        expect_killed_by(
            "runtime::tests::x64::trap_sites_outside_an_activation_are_not_swallowed",
            CHILD,
            libc::SIGILL,
        );
    }

    use std::process::Command;
}
