//! End-to-end tests of the runtime edges: the entry trampoline, activations
//! and the signal handler working together on small functions that follow
//! the wasm calling convention, emitted directly through the
//! `MacroAssembler` seam by the native backend (no compiler involved). The
//! cases that must kill the process run in a child process
//! (`tests/common/child.rs`).

#[path = "../../tests/common/child.rs"]
pub(crate) mod child;

#[cfg(target_os = "linux")]
mod native {
    use super::child::run_alone;
    use crate::masm::{
        BuiltinArg, Conversion, IntBinOp, IntCmp, Label, LoadKind, MacroAssembler, NativeMasm,
        Operand, TrapSite,
    };
    use crate::runtime::activation::{call_wasm, in_wasm, set_host_error, set_host_panic};
    use crate::runtime::code_memory::CodeMemory;
    use crate::runtime::linear_memory::LinearMemory;
    use crate::runtime::mmap::{Mmap, Protection};
    use crate::runtime::signals::{self, register_code, CodeRegistration};
    use crate::runtime::vmctx::{cell, BUILTIN_CALL_HOST, HEADER_SIZE, MEMORY_BASE, STACK_LIMIT};
    use crate::trap::{Trap, TrapCode};
    use crate::types::ValType;
    use std::cell::Cell;
    use std::ops::Range;
    use std::os::unix::process::ExitStatusExt;
    use std::sync::OnceLock;

    /// The backend the fixture is emitted with: whichever one Flint runs on.
    type M = NativeMasm;

    const MAX_STACK: usize = 512 * 1024;
    /// A vmctx slot past the fixed header: the `introspect_builtin` pointer.
    const INTROSPECT: u32 = HEADER_SIZE;
    /// The linear-memory address at which each instance's memory holds its
    /// own base address, so a load through the pinned base register reads
    /// back that register's value exactly when it is right.
    const SELF_ADDRESS: i64 = 16;
    /// Parameter 0's slot, `[fp + 16]`: also the caller's SP at the call.
    const PARAM_0: i32 = crate::masm::FIRST_ARG_OFFSET;

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
        bad_trap: usize,
        bad_load: usize,
    }

    struct Fixture {
        // Unregistered before the code is unmapped (fields drop in order).
        _registration: CodeRegistration,
        code: CodeMemory,
        at: Offsets,
    }

    impl Fixture {
        fn ptr(&self, offset: usize) -> *const u8 {
            assert!(offset < self.code.len());
            // SAFETY: in bounds of the code, checked above.
            unsafe { self.code.as_ptr().add(offset) }
        }
    }

    /// Emit one function bound at `label` with a frame of `frame` bytes
    /// around `body`; returns its entry offset.
    fn function(m: &mut M, label: Label, frame: u32, body: impl FnOnce(&mut M)) -> usize {
        let entry = m.function_start(label);
        let setup = m.prologue(STACK_LIMIT);
        body(m);
        m.epilogue();
        m.function_end();
        m.patch_frame_size(setup, frame);
        entry
    }

    /// The test functions, emitted, mapped and registered once per process.
    fn fixture() -> &'static Fixture {
        static FIXTURE: OnceLock<Fixture> = OnceLock::new();
        FIXTURE.get_or_init(|| {
            use ValType::{F64, I32, I64};
            let mut m = M::new(crate::masm::CpuFeatures::host().into());
            let mut at = Offsets::default();
            // Code ranges whose trap sites are dropped from the table.
            let mut unlisted: Vec<Range<usize>> = Vec::new();
            let (int, float) = (M::INT_REGS, M::FLOAT_REGS);

            // add(a, b) -> a + b in both result registers (the float one as
            // the same bits). First clobbers every allocatable register:
            // some of them are callee-saved in the platform ABI (x64: rbx,
            // r12, r13), and the trampoline must restore those for the host.
            let l = m.new_function_label();
            at.add = function(&mut m, l, 16, |m| {
                for &r in int {
                    m.mov(I64, r, Operand::Imm(-1));
                }
                for &r in float {
                    m.mov(F64, r, Operand::Imm(-1));
                }
                let (sum, bits) = (int[0], float[1]);
                m.mov(I64, sum, Operand::Frame(PARAM_0));
                m.int_binop(IntBinOp::Add, I64, sum, sum, Operand::Frame(PARAM_0 + 8));
                m.convert(Conversion::F64ReinterpretI64, bits, sum);
                m.mov(F64, M::FLOAT_RESULT, Operand::Reg(bits));
                m.mov(I64, M::INT_RESULT, Operand::Reg(sum));
            });

            // introspect() -> (pinned vmctx, pinned memory base), trapping
            // (Unreachable) if the stack was not 16-aligned at the call.
            // The memory base is read back through a load (the memory holds
            // its own address); the vmctx through a builtin, which the
            // backend passes the pinned vmctx; the alignment from parameter
            // 0's address, which by the convention is the caller's SP at the
            // call.
            let l = m.new_function_label();
            at.introspect = function(&mut m, l, 16, |m| {
                let (base, vmctx, ok) = (int[1], int[2], int[3]);
                m.load(LoadKind::I64, base, Operand::Imm(SELF_ADDRESS), 0);
                // The builtin may clobber every allocatable register.
                m.store_frame(I64, -16, Operand::Reg(base));
                m.call_builtin(INTROSPECT, &[BuiltinArg::FrameAddr(PARAM_0)]);
                // The builtin returns the vmctx, or 0 if misaligned.
                m.mov(I64, vmctx, Operand::Reg(M::INT_RESULT));
                m.int_cmp(IntCmp::Ne, I64, ok, vmctx, Operand::Imm(0));
                let aligned = m.new_label();
                m.branch_if(ok, true, aligned);
                m.trap(TrapCode::Unreachable);
                m.bind(aligned);
                m.mov(F64, M::FLOAT_RESULT, Operand::Frame(-16));
                m.mov(I64, M::INT_RESULT, Operand::Reg(vmctx));
            });

            // trap_nested(): calls trap_direct from a frame with some junk
            // in it (locals and the outgoing area).
            let trap_direct = m.new_function_label();
            let l = m.new_function_label();
            at.trap_nested = function(&mut m, l, 64, |m| {
                for slot in 0..4 {
                    let local = crate::masm::VMCTX_SLOT_OFFSET - 8 - 8 * slot;
                    m.store_frame(I64, local, Operand::Imm(0x55));
                    m.store_arg(I64, slot as u32, Operand::Imm(0x55));
                }
                m.call_direct(trap_direct);
            });

            // oob(): loads from membase + 0xffff_ffff + 0x7fff_fff0, deep in
            // the PROT_NONE part of the reservation.
            let l = m.new_function_label();
            at.oob = function(&mut m, l, 16, |m| {
                m.mov(I32, int[0], Operand::Imm(-1));
                m.load(LoadKind::I64, int[1], Operand::Reg(int[0]), 0x7fff_fff0);
            });

            // load(addr) -> the u64 at membase + addr.
            let l = m.new_function_label();
            at.load = function(&mut m, l, 16, |m| {
                m.mov(I32, int[1], Operand::Frame(PARAM_0));
                m.load(LoadKind::I64, int[2], Operand::Reg(int[1]), 0);
                m.mov(I64, M::INT_RESULT, Operand::Reg(int[2]));
            });

            // recurse(): infinite recursion, stopped by the prologue's stack
            // check.
            let l = m.new_function_label();
            at.recurse = function(&mut m, l, 48, |m| m.call_direct(l));

            // call_builtin() -> 77, or a HostError trap if the builtin at
            // vmctx + BUILTIN_CALL_HOST returns nonzero.
            let l = m.new_function_label();
            at.call_builtin = function(&mut m, l, 16, |m| {
                m.call_builtin(BUILTIN_CALL_HOST, &[]);
                let ok = m.new_label();
                m.branch_if(M::INT_RESULT, false, ok);
                m.trap(TrapCode::HostError);
                m.bind(ok);
                m.mov(I32, M::INT_RESULT, Operand::Imm(77));
            });

            // Faults that are not trap sites: the backend's own trap
            // instruction and an out-of-bounds load, whose sites are taken
            // out of the table below.
            let l = m.new_function_label();
            at.bad_trap = function(&mut m, l, 16, |m| {
                let start = m.offset();
                m.trap(TrapCode::Unreachable);
                unlisted.push(start..m.offset());
            });
            let l = m.new_function_label();
            at.bad_load = function(&mut m, l, 16, |m| {
                let start = m.offset();
                m.load(LoadKind::I64, int[0], Operand::Imm(0), 0x7fff_0000);
                unlisted.push(start..m.offset());
            });

            // trap_direct(): clobbers the allocatable registers (callee-saved
            // ones included: the unwind path must restore them), and on x64
            // the frame pointer too (unwinding must not rely on it), then
            // hits a registered trap. No prologue: a test runs it straight
            // from Rust, without an activation, where the pinned vmctx
            // register holds garbage and the stack check would fault first.
            // Emitted last, so the x64-only tail can be appended.
            at.trap_direct = m.function_start(trap_direct);
            for &r in int {
                m.mov(I64, r, Operand::Imm(0x1234));
            }
            for &r in float {
                m.mov(F64, r, Operand::Imm(0x1234));
            }
            #[cfg(not(target_arch = "x86_64"))]
            m.trap(TrapCode::UninitializedElement);
            m.function_end();
            let end = m.offset();
            let asm = m.finish().unwrap();
            assert_eq!(asm.code.len(), end, "nothing follows the last function");
            #[allow(unused_mut)] // appended to on x86-64 only
            let (mut code, mut sites) = (asm.code.to_vec(), asm.trap_sites);
            #[cfg(target_arch = "x86_64")]
            clobber_fp_and_trap(&mut code, &mut sites, TrapCode::UninitializedElement);

            let sites = unlist(sites, &unlisted);
            let code = CodeMemory::new(&code).unwrap();
            let registration =
                register_code(code.as_ptr() as usize, code.len(), sites.into(), None);
            Fixture {
                code,
                _registration: registration,
                at,
            }
        })
    }

    /// The trap sites minus those in `ranges`, each of which must hold one.
    fn unlist(sites: Vec<TrapSite>, ranges: &[Range<usize>]) -> Vec<TrapSite> {
        let listed = |s: &TrapSite| ranges.iter().any(|r| r.contains(&(s.offset as usize)));
        for r in ranges {
            assert!(
                sites.iter().any(|s| r.contains(&(s.offset as usize))),
                "no trap site recorded in {r:?}"
            );
        }
        sites.into_iter().filter(|s| !listed(s)).collect()
    }

    /// Append `xor ebp, ebp; ud2` (a trap site for `trap`) to `code`, right
    /// after the last function's body, which falls through into it.
    ///
    /// The one piece of the fixture that is x64 machine code rather than
    /// seam calls: the seam has no operation that writes the frame pointer
    /// outside the prologue and epilogue (by design: wasm code always keeps
    /// it valid), so a trap with a garbage frame pointer, which the unwind
    /// path must not depend on, cannot be expressed through it. On other
    /// ISAs `trap_direct` traps through the seam with the frame pointer of
    /// `trap_nested`, which is still not the trampoline's, so an unwind that
    /// used it would still restore the wrong registers.
    #[cfg(target_arch = "x86_64")]
    fn clobber_fp_and_trap(code: &mut Vec<u8>, sites: &mut Vec<TrapSite>, trap: TrapCode) {
        use dynasmrt::{dynasm, DynasmApi};
        let mut a = dynasmrt::VecAssembler::<dynasmrt::x64::X64Relocation>::new(0);
        dynasm!(a ; .arch x64 ; xor ebp, ebp);
        let offset = code.len() + a.offset().0;
        dynasm!(a ; .arch x64 ; ud2);
        code.extend(a.finalize().unwrap());
        sites.push(TrapSite::new(offset as u32, trap));
    }

    /// What the `introspect` function's builtin sees: returns the vmctx it
    /// was passed, or 0 if `outgoing` (the caller's SP at its call into
    /// wasm) is not 16-aligned.
    extern "C" fn introspect_builtin(vmctx: *mut u8, outgoing: usize) -> u64 {
        if outgoing.is_multiple_of(16) {
            vmctx as u64
        } else {
            0
        }
    }

    /// A fake vmctx with the header fields the test functions use.
    struct Instance {
        vmctx: Vec<u64>,
        memory: LinearMemory,
        /// The store's stack-limit cell: `call_wasm` writes the thread's
        /// limit into it, the vmctx's `STACK_LIMIT` slot points to it.
        /// Boxed: its address is in the vmctx.
        stack_limit: Box<Cell<usize>>,
    }

    impl Instance {
        fn new() -> Instance {
            let mut memory = LinearMemory::new(1, Some(2)).unwrap();
            memory.data_mut()[8..16].copy_from_slice(&0x1122_3344_5566_7788u64.to_le_bytes());
            let base = memory.base() as u64;
            let at = SELF_ADDRESS as usize;
            memory.data_mut()[at..at + 8].copy_from_slice(&base.to_le_bytes());
            let stack_limit = Box::new(Cell::new(usize::MAX));
            let mut vmctx = vec![0u64; cell(INTROSPECT) + 1];
            vmctx[cell(STACK_LIMIT)] = stack_limit.as_ptr() as u64;
            vmctx[cell(MEMORY_BASE)] = base;
            vmctx[cell(BUILTIN_CALL_HOST)] = test_builtin as *const () as u64;
            vmctx[cell(INTROSPECT)] = introspect_builtin as *const () as u64;
            Instance {
                vmctx,
                memory,
                stack_limit,
            }
        }

        fn call(&mut self, offset: usize, args: &[u64]) -> Result<[u64; 3], Trap> {
            let mut values = args.to_vec();
            // SAFETY: the fixture's functions follow the wasm convention and
            // are registered; the vmctx has the fields they read and lives
            // across the call.
            unsafe {
                call_wasm(
                    self.vmctx.as_mut_ptr().cast(),
                    fixture().ptr(offset),
                    &mut values,
                    MAX_STACK,
                    &self.stack_limit,
                )
            }
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
                // SAFETY: the caller's vmctx is an `Instance`'s, whose
                // `STACK_LIMIT` slot points to its boxed cell, alive for the
                // outer call that is running this builtin.
                let cell =
                    unsafe { &**(vmctx.add(STACK_LIMIT as usize) as *const *const Cell<usize>) };
                let limit = cell.get();
                let f = fixture();
                // SAFETY: as in `Instance::call`; the vmctx is the caller's.
                let trapped =
                    unsafe { call_wasm(vmctx, f.ptr(f.at.trap_nested), &mut [], MAX_STACK, cell) };
                assert_eq!(trapped, Err(Trap::new(TrapCode::UninitializedElement)));
                let mut values = [2u64, 3];
                // SAFETY: as above.
                let ok = unsafe { call_wasm(vmctx, f.ptr(f.at.add), &mut values, 1, cell) };
                let ok = ok.map(|registers| registers[0]);
                assert!(ok.is_ok());
                assert_eq!(cell.get(), limit, "nested entries keep the limit");
                NESTED_RESULT.with(|r| r.set(ok.ok()));
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
        let [int, float, _] = inst.call(fixture().at.add, &[40, 2]).unwrap();
        assert_eq!((int, float), (42, 42));
        assert!(!in_wasm());
        // Argument counts that do and do not fill the 16-aligned area.
        let [int, _, _] = inst.call(fixture().at.add, &[u64::MAX, 1]).unwrap();
        assert_eq!(int, 0);
    }

    #[test]
    fn pinned_registers_and_alignment() {
        let mut inst = Instance::new();
        let vmctx = inst.vmctx.as_ptr() as u64;
        let base = inst.memory.base() as u64;
        for nargs in 0..4 {
            let args = vec![0u64; nargs];
            let [pinned_vmctx, pinned_base, _] = inst.call(fixture().at.introspect, &args).unwrap();
            assert_eq!(
                (pinned_vmctx, pinned_base),
                (vmctx, base),
                "nargs = {nargs}"
            );
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
        // Only the code: the backtrace is cut off (marked truncated), and
        // this code has no functions to show in it.
        assert_eq!(
            inst.call(f.at.recurse, &[]).map_err(|t| t.code),
            Err(TrapCode::StackOverflow)
        );
        let limit = inst.stack_limit.get();
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
        let out = run_alone(test_name, env_var, "1");
        assert_eq!(
            out.status.signal(),
            Some(signal),
            "child should die by signal {signal}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Read an inaccessible page from host code: a SIGSEGV that is not
    /// wasm's. Never returns (the process dies or a handler exits it).
    fn fault_in_host_code() -> ! {
        let page = Mmap::anonymous(1, Protection::None).unwrap();
        // SAFETY: deliberately reading a fresh PROT_NONE page to fault; the
        // process ends before `page` could be unmapped.
        unsafe {
            std::ptr::read_volatile(page.as_ptr());
        }
        unreachable!("the fault should have ended the process");
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
            fault_in_host_code();
        }
        expect_killed_by(
            "runtime::tests::native::faults_outside_jit_code_are_not_swallowed",
            CHILD,
            libc::SIGSEGV,
        );
    }

    /// The host program's own SIGSEGV handler, installed before Flint's.
    extern "C" fn host_segv_handler(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(42) };
    }

    #[test]
    fn a_host_sigsegv_handler_still_gets_its_own_faults() {
        const CHILD: &str = "FLINT_TEST_CHILD_HOST_HANDLER";
        if std::env::var_os(CHILD).is_some() {
            disable_core_dumps();
            // SAFETY: installing a handler with valid pointers.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = host_segv_handler as *const () as libc::sighandler_t;
                action.sa_flags = libc::SA_SIGINFO;
                libc::sigemptyset(&mut action.sa_mask);
                assert_eq!(
                    libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut()),
                    0
                );
            }
            // Flint installs its handler on top; wasm faults are still traps.
            signals::install();
            let mut inst = Instance::new();
            assert!(inst.call(fixture().at.oob, &[]).is_err());
            // A fault of the host's own goes to the host's handler.
            fault_in_host_code();
        }
        let out = run_alone(
            "runtime::tests::native::a_host_sigsegv_handler_still_gets_its_own_faults",
            CHILD,
            "1",
        );
        assert_eq!(
            out.status.code(),
            Some(42),
            "the host's handler ran: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn faults_in_jit_code_off_trap_sites_are_not_swallowed() {
        const CHILD: &str = "FLINT_TEST_CHILD_FAULT_OFF_SITE";
        if let Some(which) = std::env::var_os(CHILD) {
            disable_core_dumps();
            let mut inst = Instance::new();
            let f = fixture();
            let offset = if which == "trap" {
                f.at.bad_trap
            } else {
                f.at.bad_load
            };
            let _ = inst.call(offset, &[]);
            unreachable!("the fault should have killed the process");
        }
        // Every backend's trap instruction (x64 ud2, aarch64 udf) raises
        // SIGILL.
        for (which, signal) in [("trap", libc::SIGILL), ("load", libc::SIGSEGV)] {
            let out = super::child::run_alone(
                "runtime::tests::native::faults_in_jit_code_off_trap_sites_are_not_swallowed",
                CHILD,
                which,
            );
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
            // an activation, to crash. `trap_direct` uses no arguments and
            // no vmctx.
            let direct: extern "C" fn() = unsafe { std::mem::transmute(f.ptr(f.at.trap_direct)) };
            direct();
            unreachable!("the trap should have killed the process");
        }
        expect_killed_by(
            "runtime::tests::native::trap_sites_outside_an_activation_are_not_swallowed",
            CHILD,
            libc::SIGILL,
        );
    }
}
