//! Tests of the WASI preview1 host functions, one or more per function
//! (all 46),
//! through the embedding API: a small module imports the functions and
//! re-exports each behind a wasm wrapper (so the host function sees the
//! module's memory as its caller's), and each test calls them against a
//! scratch directory preopened as `/sandbox`, checking the errno and the
//! bytes written to memory and to the host filesystem.
//!
//! Besides the happy paths they check rights enforcement (`ENOTCAPABLE`),
//! the errno of each error case, and that paths leading out of the preopen
//! are refused without touching anything outside it. `poll_oneoff` is
//! timed against the host's clocks, and the socket functions talk to a
//! real peer over a loopback listener. wasi-tests/files.c
//! covers the same ground through wasi-libc (wast/cli.rs runs it).

use flint::wasi::{Pipe, WasiCtx};
use flint::{Engine, Instance, Linker, Memory, Module, Val, ValType};
use std::path::{Path, PathBuf};

// Errno values (preview1 numbering).
const SUCCESS: i32 = 0;
const EAGAIN: i32 = 6;
const EBADF: i32 = 8;
const EEXIST: i32 = 20;
const EFAULT: i32 = 21;
const EINVAL: i32 = 28;
const EISDIR: i32 = 31;
const ELOOP: i32 = 32;
const ENAMETOOLONG: i32 = 37;
const ENOENT: i32 = 44;
const ENOTCONN: i32 = 53;
const ENOTDIR: i32 = 54;
const ENOTEMPTY: i32 = 55;
const ENOTSOCK: i32 = 57;
const EPERM: i32 = 63;
const ESPIPE: i32 = 70;
const ENOTCAPABLE: i32 = 76;

// Rights bits.
const FD_DATASYNC: u64 = 1 << 0;
const FD_READ: u64 = 1 << 1;
const FD_SEEK: u64 = 1 << 2;
const FD_FDSTAT_SET_FLAGS: u64 = 1 << 3;
const FD_SYNC: u64 = 1 << 4;
const FD_TELL: u64 = 1 << 5;
const FD_WRITE: u64 = 1 << 6;
const FD_ADVISE: u64 = 1 << 7;
const FD_ALLOCATE: u64 = 1 << 8;
const PATH_CREATE_DIRECTORY: u64 = 1 << 9;
const PATH_CREATE_FILE: u64 = 1 << 10;
const PATH_OPEN: u64 = 1 << 13;
const FD_READDIR: u64 = 1 << 14;
const PATH_FILESTAT_SET_SIZE: u64 = 1 << 19;
const FD_FILESTAT_GET: u64 = 1 << 21;
const FD_FILESTAT_SET_SIZE: u64 = 1 << 22;
const FD_FILESTAT_SET_TIMES: u64 = 1 << 23;
const POLL_FD_READWRITE: u64 = 1 << 27;
const FILE_RIGHTS: u64 = FD_DATASYNC
    | FD_READ
    | FD_SEEK
    | FD_FDSTAT_SET_FLAGS
    | FD_SYNC
    | FD_TELL
    | FD_WRITE
    | FD_ADVISE
    | FD_ALLOCATE
    | FD_FILESTAT_GET
    | FD_FILESTAT_SET_SIZE
    | FD_FILESTAT_SET_TIMES;

// oflags, fdflags, lookupflags.
const CREAT: u64 = 1;
const DIRECTORY: u64 = 2;
const EXCL: u64 = 4;
const TRUNC: u64 = 8;
const APPEND: u64 = 1;
const DSYNC: u64 = 2;
const SYNC: u64 = 16;
const FOLLOW: u64 = 1;

/// The preopen's descriptor.
const SANDBOX: u64 = 3;

/// Every function under test with its parameter types.
const FUNCTIONS: &[(&str, &str)] = &[
    ("args_get", "i32 i32"),
    ("args_sizes_get", "i32 i32"),
    ("environ_get", "i32 i32"),
    ("environ_sizes_get", "i32 i32"),
    ("clock_res_get", "i32 i32"),
    ("clock_time_get", "i32 i64 i32"),
    ("random_get", "i32 i32"),
    ("fd_advise", "i32 i64 i64 i32"),
    ("fd_allocate", "i32 i64 i64"),
    ("fd_close", "i32"),
    ("fd_datasync", "i32"),
    ("fd_fdstat_get", "i32 i32"),
    ("fd_fdstat_set_flags", "i32 i32"),
    ("fd_fdstat_set_rights", "i32 i64 i64"),
    ("fd_filestat_get", "i32 i32"),
    ("fd_filestat_set_size", "i32 i64"),
    ("fd_filestat_set_times", "i32 i64 i64 i32"),
    ("fd_pread", "i32 i32 i32 i64 i32"),
    ("fd_prestat_get", "i32 i32"),
    ("fd_prestat_dir_name", "i32 i32 i32"),
    ("fd_pwrite", "i32 i32 i32 i64 i32"),
    ("fd_read", "i32 i32 i32 i32"),
    ("fd_readdir", "i32 i32 i32 i64 i32"),
    ("fd_renumber", "i32 i32"),
    ("fd_seek", "i32 i64 i32 i32"),
    ("fd_sync", "i32"),
    ("fd_tell", "i32 i32"),
    ("fd_write", "i32 i32 i32 i32"),
    ("path_create_directory", "i32 i32 i32"),
    ("path_filestat_get", "i32 i32 i32 i32 i32"),
    ("path_filestat_set_times", "i32 i32 i32 i32 i64 i64 i32"),
    ("path_link", "i32 i32 i32 i32 i32 i32 i32"),
    ("path_open", "i32 i32 i32 i32 i32 i64 i64 i32 i32"),
    ("path_readlink", "i32 i32 i32 i32 i32 i32"),
    ("path_remove_directory", "i32 i32 i32"),
    ("path_rename", "i32 i32 i32 i32 i32 i32"),
    ("path_symlink", "i32 i32 i32 i32 i32"),
    ("path_unlink_file", "i32 i32 i32"),
    ("poll_oneoff", "i32 i32 i32 i32"),
    ("proc_raise", "i32"),
    ("sock_accept", "i32 i32 i32"),
    ("sock_recv", "i32 i32 i32 i32 i32 i32"),
    ("sock_send", "i32 i32 i32 i32 i32"),
    ("sock_shutdown", "i32 i32"),
];

/// Memory layout: results at `OUT`, strings and buffers bump-allocated
/// from `HEAP`.
const OUT: u32 = 16;
const HEAP: u32 = 1024;

fn wat() -> String {
    let mut wat = String::from("(module\n");
    for (name, params) in FUNCTIONS {
        wat += &format!(
            "  (import \"wasi_snapshot_preview1\" \"{name}\" (func ${name} (param {params}) (result i32)))\n"
        );
    }
    wat += "  (memory (export \"memory\") 2)\n";
    for (name, params) in FUNCTIONS {
        let gets: String = (0..params.split(' ').count())
            .map(|i| format!("local.get {i} "))
            .collect();
        wat += &format!(
            "  (func (export \"{name}\") (param {params}) (result i32) {gets}call ${name})\n"
        );
    }
    wat + ")"
}

/// A scratch directory, removed (with its contents) at the end of a test.
/// It holds `sandbox/` (the preopen) and `outside/` (a place the guest
/// must never reach, with one file in it).
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let root = std::env::temp_dir().join(format!("flint-wasi-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("sandbox")).unwrap();
        std::fs::create_dir_all(root.join("outside")).unwrap();
        std::fs::write(root.join("outside/secret"), "secret").unwrap();
        Scratch(root)
    }

    fn sandbox(&self) -> PathBuf {
        self.0.join("sandbox")
    }

    /// Fails the test if anything outside the sandbox was created,
    /// removed or changed.
    fn assert_outside_untouched(&self) {
        let mut top: Vec<_> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        top.sort();
        assert_eq!(top, ["outside", "sandbox"]);
        let outside: Vec<_> = std::fs::read_dir(self.0.join("outside"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(outside, ["secret"]);
        assert_eq!(
            std::fs::read_to_string(self.0.join("outside/secret")).unwrap(),
            "secret"
        );
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An instance of the test module with its own context.
struct Guest {
    ctx: WasiCtx,
    instance: Instance,
    memory: Memory,
    heap: std::cell::Cell<u32>,
}

impl Guest {
    /// A guest with `dir` preopened as `/sandbox` (descriptor 3).
    fn new(dir: &Path) -> Guest {
        Guest::with(|ctx| {
            ctx.preopened_dir(dir, "/sandbox").unwrap();
        })
    }

    fn with(setup: impl FnOnce(&mut WasiCtx)) -> Guest {
        let engine = Engine::default();
        let module = Module::new(&engine, wat()).unwrap();
        let mut ctx = WasiCtx::new();
        setup(&mut ctx);
        let mut linker = Linker::new(&engine);
        ctx.add_to_linker(&mut linker);
        let instance = linker.instantiate(&module).unwrap();
        let memory = instance.get_memory("memory").unwrap();
        Guest {
            ctx,
            instance,
            memory,
            heap: std::cell::Cell::new(HEAP),
        }
    }

    /// Call a function; every argument is given as a u64 and converted to
    /// the parameter's type. Returns the errno.
    fn call(&self, name: &str, args: &[u64]) -> i32 {
        let func = self.instance.get_func(name).unwrap();
        let ty = func.ty();
        let vals: Vec<Val> = ty
            .params()
            .iter()
            .zip(args)
            .map(|(t, &v)| match t {
                ValType::I64 => Val::I64(v as i64),
                _ => Val::I32(v as i32),
            })
            .collect();
        assert_eq!(vals.len(), args.len(), "{name}: wrong argument count");
        match func.call(&vals).unwrap()[..] {
            [Val::I32(errno)] => errno,
            ref other => panic!("{name} returned {other:?}"),
        }
    }

    /// Copy `bytes` into memory; returns `(pointer, length)`.
    fn put(&self, bytes: &[u8]) -> (u64, u64) {
        let ptr = self.heap.get();
        self.memory.write(ptr as usize, bytes).unwrap();
        self.heap.set((ptr + bytes.len() as u32 + 8) & !7);
        (ptr as u64, bytes.len() as u64)
    }

    /// An iovec array of one buffer of `len` bytes; returns `(iovs,
    /// buffer)`.
    fn iovec(&self, data: &[u8]) -> (u64, u64) {
        let (buf, len) = self.put(data);
        let mut iov = (buf as u32).to_le_bytes().to_vec();
        iov.extend((len as u32).to_le_bytes());
        (self.put(&iov).0, buf)
    }

    fn get(&self, ptr: u64, len: usize) -> Vec<u8> {
        let mut buf = vec![0; len];
        self.memory.read(ptr as usize, &mut buf).unwrap();
        buf
    }

    fn u32_at(&self, ptr: u64) -> u32 {
        u32::from_le_bytes(self.get(ptr, 4).try_into().unwrap())
    }

    fn u64_at(&self, ptr: u64) -> u64 {
        u64::from_le_bytes(self.get(ptr, 8).try_into().unwrap())
    }

    /// `path_open` beneath `dir`: the new descriptor, or the errno.
    fn open(
        &self,
        dir: u64,
        path: &str,
        oflags: u64,
        rights: u64,
        fdflags: u64,
    ) -> Result<u64, i32> {
        self.open_inheriting(dir, path, oflags, rights, rights, fdflags)
    }

    fn open_inheriting(
        &self,
        dir: u64,
        path: &str,
        oflags: u64,
        base: u64,
        inheriting: u64,
        fdflags: u64,
    ) -> Result<u64, i32> {
        let (p, len) = self.put(path.as_bytes());
        let out = OUT as u64;
        match self.call(
            "path_open",
            &[dir, FOLLOW, p, len, oflags, base, inheriting, fdflags, out],
        ) {
            SUCCESS => Ok(self.u32_at(out) as u64),
            errno => Err(errno),
        }
    }

    /// A path function taking `(fd, path, len)`.
    fn on_path(&self, name: &str, dir: u64, path: &str) -> i32 {
        let (p, len) = self.put(path.as_bytes());
        self.call(name, &[dir, p, len])
    }

    /// `fd_write` of `data`: the errno and the count written.
    fn write(&self, fd: u64, data: &[u8]) -> (i32, u32) {
        let (iov, _) = self.iovec(data);
        let errno = self.call("fd_write", &[fd, iov, 1, OUT as u64]);
        (errno, self.u32_at(OUT as u64))
    }

    /// An iovec array of buffers of the given sizes; returns the array's
    /// pointer and each buffer's.
    fn iovecs(&self, sizes: &[usize]) -> (u64, Vec<u64>) {
        let bufs: Vec<u64> = sizes.iter().map(|&n| self.put(&vec![0; n]).0).collect();
        let array: Vec<u8> = bufs
            .iter()
            .zip(sizes)
            .flat_map(|(&b, &n)| [(b as u32).to_le_bytes(), (n as u32).to_le_bytes()])
            .flatten()
            .collect();
        (self.put(&array).0, bufs)
    }

    /// `sock_recv` into buffers of the given sizes: the bytes received
    /// (in order, across the buffers) and ro_flags, or the errno.
    fn recv(&self, fd: u64, sizes: &[usize], ri_flags: u64) -> Result<(Vec<u8>, u16), i32> {
        let (iovs, bufs) = self.iovecs(sizes);
        let out = OUT as u64;
        let args = [fd, iovs, sizes.len() as u64, ri_flags, out, out + 4];
        match self.call("sock_recv", &args) {
            SUCCESS => {
                let mut left = self.u32_at(out) as usize;
                let mut data = Vec::new();
                for (&b, &n) in bufs.iter().zip(sizes) {
                    data.extend(self.get(b, n.min(left)));
                    left -= n.min(left);
                }
                let flags = self.get(out + 4, 2);
                Ok((data, u16::from_le_bytes([flags[0], flags[1]])))
            }
            errno => Err(errno),
        }
    }

    /// `sock_send` of `chunks` as one ciovec array: the errno and the
    /// count sent.
    fn send(&self, fd: u64, chunks: &[&[u8]]) -> (i32, u32) {
        let sizes: Vec<usize> = chunks.iter().map(|c| c.len()).collect();
        let (iovs, bufs) = self.iovecs(&sizes);
        for (&b, c) in bufs.iter().zip(chunks) {
            self.memory.write(b as usize, c).unwrap();
        }
        let out = OUT as u64;
        let errno = self.call("sock_send", &[fd, iovs, chunks.len() as u64, 0, out]);
        (errno, self.u32_at(out))
    }

    /// `fd_read` of up to `len` bytes.
    fn read(&self, fd: u64, len: usize) -> Result<Vec<u8>, i32> {
        let (iov, buf) = self.iovec(&vec![0; len]);
        match self.call("fd_read", &[fd, iov, 1, OUT as u64]) {
            SUCCESS => Ok(self.get(buf, self.u32_at(OUT as u64) as usize)),
            errno => Err(errno),
        }
    }

    /// The 64-byte filestat of a descriptor.
    fn filestat(&self, fd: u64) -> Filestat {
        assert_eq!(self.call("fd_filestat_get", &[fd, OUT as u64]), SUCCESS);
        Filestat::read(self, OUT as u64)
    }

    /// The 24-byte fdstat: (filetype, flags, base, inheriting).
    fn fdstat(&self, fd: u64) -> (u8, u16, u64, u64) {
        assert_eq!(self.call("fd_fdstat_get", &[fd, OUT as u64]), SUCCESS);
        let b = self.get(OUT as u64, 24);
        (
            b[0],
            u16::from_le_bytes([b[2], b[3]]),
            self.u64_at(OUT as u64 + 8),
            self.u64_at(OUT as u64 + 16),
        )
    }
}

/// A clock subscription for `poll_oneoff`.
fn clock_subscription(userdata: u64, clock: u32, timeout: u64, flags: u16) -> [u8; 48] {
    let mut sub = [0u8; 48];
    sub[0..8].copy_from_slice(&userdata.to_le_bytes());
    sub[8] = CLOCK;
    sub[16..20].copy_from_slice(&clock.to_le_bytes());
    sub[24..32].copy_from_slice(&timeout.to_le_bytes());
    sub[40..42].copy_from_slice(&flags.to_le_bytes());
    sub
}

/// A descriptor subscription (`kind` FD_READ_EVENT or FD_WRITE_EVENT).
fn fd_subscription(userdata: u64, kind: u8, fd: u32) -> [u8; 48] {
    let mut sub = [0u8; 48];
    sub[0..8].copy_from_slice(&userdata.to_le_bytes());
    sub[8] = kind;
    sub[16..20].copy_from_slice(&fd.to_le_bytes());
    sub
}

// Event types and flags.
const CLOCK: u8 = 0;
const FD_READ_EVENT: u8 = 1;
const FD_WRITE_EVENT: u8 = 2;
const MONOTONIC: u32 = 1;
const REALTIME: u32 = 0;
const ABSTIME: u16 = 1;

/// One `poll_oneoff` event.
#[derive(Debug, PartialEq)]
struct Event {
    userdata: u64,
    error: i32,
    kind: u8,
    nbytes: u64,
    flags: u16,
}

impl Event {
    fn ok(userdata: u64, kind: u8, nbytes: u64) -> Event {
        Event {
            userdata,
            error: SUCCESS,
            kind,
            nbytes,
            flags: 0,
        }
    }

    fn failed(userdata: u64, kind: u8, error: i32) -> Event {
        Event {
            error,
            ..Event::ok(userdata, kind, 0)
        }
    }
}

impl Guest {
    /// `poll_oneoff` over `subscriptions`: the events, or the errno.
    fn poll(&self, subscriptions: &[[u8; 48]]) -> Result<Vec<Event>, i32> {
        let (subs, _) = self.put(&subscriptions.concat());
        let (events, _) = self.put(&vec![0; subscriptions.len() * 32]);
        let n = subscriptions.len() as u64;
        match self.call("poll_oneoff", &[subs, events, n, OUT as u64]) {
            SUCCESS => Ok((0..self.u32_at(OUT as u64) as u64)
                .map(|i| {
                    let e = events + 32 * i;
                    let b = self.get(e, 32);
                    Event {
                        userdata: self.u64_at(e),
                        error: u16::from_le_bytes([b[8], b[9]]) as i32,
                        kind: b[10],
                        nbytes: self.u64_at(e + 16),
                        flags: u16::from_le_bytes([b[24], b[25]]),
                    }
                })
                .collect()),
            errno => Err(errno),
        }
    }
}

#[derive(Debug)]
struct Filestat {
    ino: u64,
    filetype: u8,
    nlink: u64,
    size: u64,
    atim: u64,
    mtim: u64,
}

impl Filestat {
    fn read(g: &Guest, ptr: u64) -> Filestat {
        Filestat {
            ino: g.u64_at(ptr + 8),
            filetype: g.get(ptr + 16, 1)[0],
            nlink: g.u64_at(ptr + 24),
            size: g.u64_at(ptr + 32),
            atim: g.u64_at(ptr + 40),
            mtim: g.u64_at(ptr + 48),
        }
    }
}

const REGULAR_FILE: u8 = 4;
const DIRECTORY_TYPE: u8 = 3;
const SYMLINK_TYPE: u8 = 7;

#[test]
fn prestat_names_the_preopens() {
    let s = Scratch::new("prestat");
    let g = Guest::new(&s.sandbox());
    let out = OUT as u64;
    assert_eq!(g.call("fd_prestat_get", &[SANDBOX, out]), SUCCESS);
    assert_eq!(g.get(out, 8), [0, 0, 0, 0, 8, 0, 0, 0], "tag dir, length 8");
    assert_eq!(g.call("fd_prestat_dir_name", &[SANDBOX, out, 8]), SUCCESS);
    assert_eq!(g.get(out, 8), b"/sandbox");
    assert_eq!(
        g.call("fd_prestat_dir_name", &[SANDBOX, out, 3]),
        ENAMETOOLONG
    );
    assert_eq!(
        g.call("fd_prestat_get", &[4, out]),
        EBADF,
        "end of preopens"
    );
    assert_eq!(
        g.call("fd_prestat_get", &[1, out]),
        EBADF,
        "stdout is no preopen"
    );
    assert_eq!(g.call("fd_prestat_dir_name", &[4, out, 8]), EBADF);
    assert_eq!(g.call("fd_prestat_get", &[SANDBOX, 1 << 30]), EFAULT);
}

#[test]
fn open_write_seek_read_tell_close() {
    let s = Scratch::new("rw");
    let g = Guest::new(&s.sandbox());
    let fd = g
        .open(SANDBOX, "f.txt", CREAT | TRUNC, FILE_RIGHTS, 0)
        .unwrap();
    assert_eq!(fd, 4, "lowest free descriptor");
    assert_eq!(g.write(fd, b"hello world"), (SUCCESS, 11));
    assert_eq!(
        std::fs::read_to_string(s.sandbox().join("f.txt")).unwrap(),
        "hello world"
    );
    let out = OUT as u64;
    assert_eq!(g.call("fd_tell", &[fd, out]), SUCCESS);
    assert_eq!(g.u64_at(out), 11);
    assert_eq!(g.call("fd_seek", &[fd, 6, 0, out]), SUCCESS);
    assert_eq!(g.u64_at(out), 6);
    assert_eq!(g.read(fd, 100).unwrap(), b"world");
    assert_eq!(g.read(fd, 100).unwrap(), b"", "end of file");
    assert_eq!(g.call("fd_seek", &[fd, (-5i64) as u64, 2, out]), SUCCESS);
    assert_eq!(g.u64_at(out), 6, "5 before the end");
    assert_eq!(g.call("fd_seek", &[fd, (-1i64) as u64, 1, out]), SUCCESS);
    assert_eq!(g.u64_at(out), 5, "1 back from the current position");
    assert_eq!(g.call("fd_seek", &[fd, (-100i64) as u64, 1, out]), EINVAL);
    assert_eq!(g.call("fd_seek", &[fd, 0, 3, out]), EINVAL, "bad whence");
    assert_eq!(g.call("fd_close", &[fd]), SUCCESS);
    assert_eq!(g.call("fd_close", &[fd]), EBADF);
    assert_eq!(g.read(fd, 1), Err(EBADF));

    // Standard streams cannot seek.
    assert_eq!(g.call("fd_seek", &[1, 0, 0, out]), ESPIPE);
    assert_eq!(g.call("fd_tell", &[0, out]), ESPIPE);
    // Reading or writing a directory.
    assert_eq!(g.read(SANDBOX, 1), Err(ENOTCAPABLE), "no FD_READ on a dir");
    let dir = g
        .open(SANDBOX, ".", DIRECTORY, FD_READ | FD_READDIR, 0)
        .unwrap();
    assert_eq!(
        g.read(dir, 1),
        Err(ENOTCAPABLE),
        "FD_READ dropped for a dir"
    );
    // Bad iovec pointers.
    assert_eq!(g.call("fd_write", &[1, 1 << 30, 1, out]), EFAULT);
    assert_eq!(g.call("fd_write", &[1, out, u32::MAX as u64, out]), EFAULT);
}

#[test]
fn pread_and_pwrite_leave_the_position_alone() {
    let s = Scratch::new("pread");
    std::fs::write(s.sandbox().join("f"), "0123456789").unwrap();
    let g = Guest::new(&s.sandbox());
    let fd = g.open(SANDBOX, "f", 0, FILE_RIGHTS, 0).unwrap();
    let out = OUT as u64;
    let (iov, buf) = g.iovec(&[0; 4]);
    assert_eq!(g.call("fd_pread", &[fd, iov, 1, 3, out]), SUCCESS);
    assert_eq!(g.u32_at(out), 4);
    assert_eq!(g.get(buf, 4), b"3456");
    let (iov, _) = g.iovec(b"ab");
    assert_eq!(g.call("fd_pwrite", &[fd, iov, 1, 8, out]), SUCCESS);
    assert_eq!(g.u32_at(out), 2);
    assert_eq!(g.call("fd_tell", &[fd, out]), SUCCESS);
    assert_eq!(g.u64_at(out), 0);
    assert_eq!(
        std::fs::read_to_string(s.sandbox().join("f")).unwrap(),
        "01234567ab"
    );
    // Without FD_SEEK, positioned I/O is not allowed.
    let ro = g.open(SANDBOX, "f", 0, FD_READ, 0).unwrap();
    assert_eq!(g.call("fd_pread", &[ro, iov, 1, 0, out]), ENOTCAPABLE);
    assert_eq!(g.call("fd_pwrite", &[ro, iov, 1, 0, out]), ENOTCAPABLE);
    assert_eq!(g.call("fd_pread", &[0, iov, 1, 0, out]), ENOTCAPABLE);
}

#[test]
fn append_from_open_or_set_flags() {
    let s = Scratch::new("append");
    std::fs::write(s.sandbox().join("log"), "a").unwrap();
    let g = Guest::new(&s.sandbox());
    let fd = g.open(SANDBOX, "log", 0, FILE_RIGHTS, APPEND).unwrap();
    assert_eq!(g.fdstat(fd).1, APPEND as u16);
    assert_eq!(g.write(fd, b"b").0, SUCCESS);
    let plain = g.open(SANDBOX, "log", 0, FILE_RIGHTS, 0).unwrap();
    assert_eq!(g.write(plain, b"X").0, SUCCESS, "overwrites at 0");
    assert_eq!(g.call("fd_fdstat_set_flags", &[plain, APPEND]), SUCCESS);
    assert_eq!(g.fdstat(plain).1, APPEND as u16);
    assert_eq!(g.write(plain, b"c").0, SUCCESS);
    assert_eq!(
        std::fs::read_to_string(s.sandbox().join("log")).unwrap(),
        "Xbc"
    );
    assert_eq!(g.call("fd_fdstat_set_flags", &[plain, 0]), SUCCESS);
    assert_eq!(
        g.call("fd_fdstat_set_flags", &[plain, 1 << 1]),
        58,
        "DSYNC: ENOTSUP"
    );
    assert_eq!(g.call("fd_fdstat_set_flags", &[plain, 1 << 7]), EINVAL);
    assert_eq!(g.call("fd_fdstat_set_flags", &[1, APPEND]), ENOTCAPABLE);
}

#[test]
fn fdstat_reports_type_flags_and_rights() {
    let s = Scratch::new("fdstat");
    std::fs::write(s.sandbox().join("f"), "x").unwrap();
    let g = Guest::new(&s.sandbox());
    let (ty, _, base, _) = g.fdstat(1);
    assert_eq!(ty, 2, "stdout: character device");
    assert_eq!(base & (FD_WRITE | FD_SEEK), FD_WRITE);
    let (ty, _, base, inheriting) = g.fdstat(SANDBOX);
    assert_eq!(ty, DIRECTORY_TYPE);
    assert_ne!(base & PATH_OPEN, 0);
    assert_eq!(inheriting & FILE_RIGHTS, FILE_RIGHTS);
    let fd = g
        .open(SANDBOX, "f", 0, FD_READ | FD_SEEK | PATH_OPEN, 0)
        .unwrap();
    let (ty, flags, base, _) = g.fdstat(fd);
    assert_eq!((ty, flags), (REGULAR_FILE, 0));
    assert_eq!(
        base,
        FD_READ | FD_SEEK,
        "directory rights dropped for a file"
    );
    assert_eq!(g.call("fd_fdstat_get", &[99, OUT as u64]), EBADF);
}

#[test]
fn rights_only_shrink_and_are_enforced() {
    let s = Scratch::new("rights");
    let g = Guest::new(&s.sandbox());
    let fd = g.open(SANDBOX, "f", CREAT, FD_READ | FD_WRITE, 0).unwrap();
    assert_eq!(g.write(fd, b"x").0, SUCCESS);
    assert_eq!(g.call("fd_fdstat_set_rights", &[fd, FD_READ, 0]), SUCCESS);
    assert_eq!(g.write(fd, b"x").0, ENOTCAPABLE);
    assert_eq!(
        g.call("fd_fdstat_set_rights", &[fd, FD_READ | FD_WRITE, 0]),
        ENOTCAPABLE,
        "cannot gain a right back"
    );
    assert_eq!(g.call("fd_filestat_get", &[fd, OUT as u64]), ENOTCAPABLE);
    assert_eq!(g.call("fd_seek", &[fd, 0, 0, OUT as u64]), ENOTCAPABLE);
    assert_eq!(g.call("fd_tell", &[fd, OUT as u64]), ENOTCAPABLE);
    assert_eq!(g.call("fd_sync", &[fd]), ENOTCAPABLE);
    assert_eq!(g.call("fd_allocate", &[fd, 0, 1]), ENOTCAPABLE);

    // A directory without PATH_CREATE_DIRECTORY, and whose inheriting
    // rights no longer include FD_WRITE.
    let (_, _, base, inheriting) = g.fdstat(SANDBOX);
    assert_eq!(
        g.call(
            "fd_fdstat_set_rights",
            &[
                SANDBOX,
                base & !PATH_CREATE_DIRECTORY,
                inheriting & !FD_WRITE
            ]
        ),
        SUCCESS
    );
    assert_eq!(
        g.on_path("path_create_directory", SANDBOX, "d"),
        ENOTCAPABLE
    );
    assert_eq!(g.open(SANDBOX, "f", 0, FD_WRITE, 0), Err(ENOTCAPABLE));
    assert!(g.open(SANDBOX, "f", 0, FD_READ, 0).is_ok());
    // Without PATH_OPEN nothing can be opened at all.
    let base = base & !PATH_CREATE_DIRECTORY & !PATH_OPEN;
    assert_eq!(
        g.call("fd_fdstat_set_rights", &[SANDBOX, base, inheriting]),
        ENOTCAPABLE,
        "inheriting was already reduced"
    );
    assert_eq!(g.call("fd_fdstat_set_rights", &[SANDBOX, base, 0]), SUCCESS);
    assert_eq!(g.open(SANDBOX, "f", 0, 0, 0), Err(ENOTCAPABLE));
    assert!(!s.sandbox().join("d").exists());
}

#[test]
fn filestat_size_and_times() {
    let s = Scratch::new("filestat");
    std::fs::write(s.sandbox().join("f"), "12345").unwrap();
    let g = Guest::new(&s.sandbox());
    let fd = g.open(SANDBOX, "f", 0, FILE_RIGHTS, 0).unwrap();
    let st = g.filestat(fd);
    assert_eq!((st.filetype, st.size, st.nlink), (REGULAR_FILE, 5, 1));
    assert_ne!(st.ino, 0);
    assert_eq!(g.call("fd_filestat_set_size", &[fd, 2]), SUCCESS);
    assert_eq!(g.filestat(fd).size, 2);
    assert_eq!(g.call("fd_allocate", &[fd, 10, 6]), SUCCESS);
    assert_eq!(g.filestat(fd).size, 16, "grown to offset + len");
    assert_eq!(g.call("fd_allocate", &[fd, 0, 4]), SUCCESS);
    assert_eq!(g.filestat(fd).size, 16, "never shrunk");

    // ATIM | MTIM: set both; then MTIM_NOW only.
    let (a, m) = (1_000_000_000_123_456_789u64, 1_500_000_000_000_000_007u64);
    assert_eq!(g.call("fd_filestat_set_times", &[fd, a, m, 1 | 4]), SUCCESS);
    let st = g.filestat(fd);
    assert_eq!((st.atim, st.mtim), (a, m));
    assert_eq!(g.call("fd_filestat_set_times", &[fd, 0, 0, 8]), SUCCESS);
    let st = g.filestat(fd);
    assert_eq!(st.atim, a, "access time kept");
    assert!(st.mtim > m, "modification time is now");
    assert_eq!(g.call("fd_filestat_set_times", &[fd, 0, 0, 1 | 2]), EINVAL);
    assert_eq!(g.call("fd_filestat_set_times", &[fd, 0, 0, 16]), EINVAL);

    // The same through a path.
    let (p, len) = g.put(b"f");
    let out = OUT as u64;
    assert_eq!(
        g.call(
            "path_filestat_set_times",
            &[SANDBOX, FOLLOW, p, len, a, a, 1 | 4]
        ),
        SUCCESS
    );
    assert_eq!(
        g.call("path_filestat_get", &[SANDBOX, FOLLOW, p, len, out]),
        SUCCESS
    );
    let st = Filestat::read(&g, out);
    assert_eq!((st.atim, st.mtim, st.size), (a, a, 16));
    // Directories have timestamps too.
    assert_eq!(
        g.call("fd_filestat_set_times", &[SANDBOX, a, m, 1 | 4]),
        SUCCESS
    );
    let st = g.filestat(SANDBOX);
    assert_eq!((st.filetype, st.atim, st.mtim), (DIRECTORY_TYPE, a, m));
    assert_eq!(g.call("fd_fdstat_set_flags", &[SANDBOX, 0]), SUCCESS);
    // A standard stream is a character device with no file behind it.
    assert_eq!(g.filestat(1).filetype, 2);
    assert_eq!(g.call("fd_filestat_set_size", &[SANDBOX, 0]), ENOTCAPABLE);
}

#[test]
fn advise_and_sync() {
    let s = Scratch::new("advise");
    std::fs::write(s.sandbox().join("f"), "data").unwrap();
    let g = Guest::new(&s.sandbox());
    let fd = g.open(SANDBOX, "f", 0, FILE_RIGHTS, 0).unwrap();
    for advice in 0..=5 {
        assert_eq!(g.call("fd_advise", &[fd, 0, 4, advice]), SUCCESS);
    }
    assert_eq!(g.call("fd_advise", &[fd, 0, 4, 6]), EINVAL);
    assert_eq!(g.call("fd_advise", &[SANDBOX, 0, 4, 0]), ENOTCAPABLE);
    assert_eq!(g.call("fd_sync", &[fd]), SUCCESS);
    assert_eq!(g.call("fd_datasync", &[fd]), SUCCESS);
    assert_eq!(
        g.call("fd_sync", &[SANDBOX]),
        SUCCESS,
        "directories sync too"
    );
    assert_eq!(g.call("fd_datasync", &[1]), ENOTCAPABLE);
    assert_eq!(g.call("fd_sync", &[42]), EBADF);
}

/// The entries of a readdir buffer: (d_next, d_type, name).
fn dirents(bytes: &[u8]) -> Vec<(u64, u8, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 24 <= bytes.len() {
        let next = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        let len = u32::from_le_bytes(bytes[at + 16..at + 20].try_into().unwrap()) as usize;
        let name = bytes
            .get(at + 24..at + 24 + len)
            .unwrap_or(&bytes[at + 24..]);
        out.push((next, bytes[at + 20], String::from_utf8_lossy(name).into()));
        at += 24 + len;
    }
    out
}

#[test]
fn readdir_lists_entries_with_cookies() {
    let s = Scratch::new("readdir");
    std::fs::write(s.sandbox().join("b.txt"), "").unwrap();
    std::fs::create_dir(s.sandbox().join("a")).unwrap();
    std::os::unix::fs::symlink("b.txt", s.sandbox().join("c")).unwrap();
    let g = Guest::new(&s.sandbox());
    let (buf, _) = g.put(&[0; 512]);
    let out = OUT as u64;
    assert_eq!(g.call("fd_readdir", &[SANDBOX, buf, 512, 0, out]), SUCCESS);
    let used = g.u32_at(out) as usize;
    assert_eq!(
        used,
        5 * 24 + 1 + 2 + 1 + 5 + 1,
        "less than the buffer: the end"
    );
    let all = dirents(&g.get(buf, used));
    let expected = [
        (1, DIRECTORY_TYPE, "."),
        (2, DIRECTORY_TYPE, ".."),
        (3, DIRECTORY_TYPE, "a"),
        (4, REGULAR_FILE, "b.txt"),
        (5, SYMLINK_TYPE, "c"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|&(n, t, name)| (n, t, name.to_string()))
        .collect();
    assert_eq!(all, expected);

    // Resume from a cookie.
    assert_eq!(g.call("fd_readdir", &[SANDBOX, buf, 512, 3, out]), SUCCESS);
    let rest = dirents(&g.get(buf, g.u32_at(out) as usize));
    assert_eq!(rest, expected[3..]);
    // A buffer too small: filled completely, the last entry cut short.
    assert_eq!(g.call("fd_readdir", &[SANDBOX, buf, 30, 0, out]), SUCCESS);
    assert_eq!(g.u32_at(out), 30);
    assert_eq!(dirents(&g.get(buf, 30))[0], expected[0]);
    // Past the end: nothing.
    assert_eq!(g.call("fd_readdir", &[SANDBOX, buf, 512, 99, out]), SUCCESS);
    assert_eq!(g.u32_at(out), 0);
    // Not a directory; no right.
    let f = g.open(SANDBOX, "b.txt", 0, FD_READ, 0).unwrap();
    assert_eq!(g.call("fd_readdir", &[f, buf, 512, 0, out]), ENOTCAPABLE);
    let d = g.open(SANDBOX, "a", DIRECTORY, FD_READ, 0).unwrap();
    assert_eq!(g.call("fd_readdir", &[d, buf, 512, 0, out]), ENOTCAPABLE);
}

#[test]
fn renumber_moves_a_descriptor() {
    let s = Scratch::new("renumber");
    let g = Guest::new(&s.sandbox());
    let a = g.open(SANDBOX, "a", CREAT, FILE_RIGHTS, 0).unwrap();
    let b = g.open(SANDBOX, "b", CREAT, FILE_RIGHTS, 0).unwrap();
    assert_eq!(g.call("fd_renumber", &[a, b]), SUCCESS);
    assert_eq!(g.write(b, b"to a").0, SUCCESS);
    assert_eq!(
        std::fs::read_to_string(s.sandbox().join("a")).unwrap(),
        "to a"
    );
    assert_eq!(g.call("fd_close", &[a]), EBADF, "a moved away");
    assert_eq!(g.call("fd_renumber", &[b, 77]), EBADF, "target not open");
    assert_eq!(g.call("fd_renumber", &[77, b]), EBADF);
    // The freed number is reused.
    assert_eq!(g.open(SANDBOX, "c", CREAT, FILE_RIGHTS, 0), Ok(a));
    // An open whose result cannot be stored leaves no descriptor behind.
    let (p, len) = g.put(b"d");
    let rights = FILE_RIGHTS;
    assert_eq!(
        g.call(
            "path_open",
            &[SANDBOX, 0, p, len, CREAT, rights, rights, 0, 1 << 30]
        ),
        EFAULT
    );
    assert_eq!(g.open(SANDBOX, "d", 0, FILE_RIGHTS, 0), Ok(b + 1));
}

#[test]
fn open_flags_and_errors() {
    let s = Scratch::new("open");
    std::fs::write(s.sandbox().join("f"), "abc").unwrap();
    std::fs::create_dir(s.sandbox().join("d")).unwrap();
    std::os::unix::fs::symlink("f", s.sandbox().join("link")).unwrap();
    let g = Guest::new(&s.sandbox());
    assert_eq!(
        g.open(SANDBOX, "f", CREAT | EXCL, FILE_RIGHTS, 0),
        Err(EEXIST)
    );
    assert_eq!(g.open(SANDBOX, "missing", 0, FD_READ, 0), Err(ENOENT));
    assert_eq!(g.open(SANDBOX, "f", DIRECTORY, FD_READ, 0), Err(ENOTDIR));
    assert_eq!(g.open(SANDBOX, "f/x", 0, FD_READ, 0), Err(ENOTDIR));
    assert_eq!(g.open(SANDBOX, "d", 0, FD_WRITE, 0), Err(EISDIR));
    assert_eq!(g.open(SANDBOX, "f", 1 << 4, FD_READ, 0), Err(EINVAL));
    // Created for reading only, as `O_CREAT | O_RDONLY` does.
    let ro = g.open(SANDBOX, "ro", CREAT, FD_READ, 0).unwrap();
    assert_eq!(g.read(ro, 4).unwrap(), b"");
    assert_eq!(g.write(ro, b"x").0, ENOTCAPABLE);
    assert!(g.open(SANDBOX, "ro", CREAT, FD_READ, 0).is_ok());
    assert_eq!(g.open(SANDBOX, "ro", CREAT | EXCL, FD_READ, 0), Err(EEXIST));
    // TRUNC empties the file.
    let fd = g.open(SANDBOX, "f", TRUNC, FILE_RIGHTS, 0).unwrap();
    assert_eq!(g.filestat(fd).size, 0);
    // A directory opened without DIRECTORY is still a directory.
    let rights = FD_READ | PATH_OPEN | PATH_CREATE_FILE;
    let d = g
        .open_inheriting(SANDBOX, "d", 0, rights, FILE_RIGHTS, 0)
        .unwrap();
    assert_eq!(g.fdstat(d).0, DIRECTORY_TYPE);
    assert!(g.open(d, "new", CREAT, FILE_RIGHTS, 0).is_ok());
    assert!(s.sandbox().join("d/new").exists());
    // Symlinks: followed with SYMLINK_FOLLOW, ELOOP without.
    let (p, len) = g.put(b"link");
    let out = OUT as u64;
    let args = |follow| [SANDBOX, follow, p, len, 0, FD_READ, 0, 0, out];
    assert_eq!(g.call("path_open", &args(FOLLOW)), SUCCESS);
    assert_eq!(g.call("path_open", &args(0)), ELOOP);
    // A path on a file descriptor; a path that is not UTF-8.
    assert_eq!(g.open(fd, "x", 0, FD_READ, 0), Err(ENOTDIR));
    let (p, len) = g.put(b"\xff");
    assert_eq!(
        g.call("path_open", &[SANDBOX, 0, p, len, 0, 0, 0, 0, out]),
        25,
        "EILSEQ"
    );
    assert_eq!(
        g.call("path_open", &[SANDBOX, 0, 1 << 30, 4, 0, 0, 0, 0, out]),
        EFAULT
    );
}

/// TRUNC is the directory's right (PATH_FILESTAT_SET_SIZE), not the new
/// descriptor's: it empties the file with APPEND as well, and without
/// FD_WRITE, and the descriptor keeps exactly the rights it asked for.
/// (Both were `EINVAL`: std's open options refuse the combinations.)
#[test]
fn truncate_with_append_or_without_write() {
    let s = Scratch::new("trunc");
    let disk = |name: &str| std::fs::read(s.sandbox().join(name)).unwrap();
    for name in ["log", "ro", "kept"] {
        std::fs::write(s.sandbox().join(name), "abcdef").unwrap();
    }
    std::fs::create_dir(s.sandbox().join("d")).unwrap();
    let g = Guest::new(&s.sandbox());

    // TRUNC | APPEND: emptied, and every write lands at the end, even
    // after seeking back to the start.
    let fd = g.open(SANDBOX, "log", TRUNC, FILE_RIGHTS, APPEND).unwrap();
    assert_eq!(disk("log"), b"");
    assert_eq!(g.fdstat(fd).1, APPEND as u16);
    assert_eq!(g.write(fd, b"xy"), (SUCCESS, 2));
    assert_eq!(g.call("fd_seek", &[fd, 0, 0, OUT as u64]), SUCCESS);
    assert_eq!(g.write(fd, b"z"), (SUCCESS, 1));
    assert_eq!(disk("log"), b"xyz");
    // CREAT | TRUNC | APPEND on a new file.
    let fd = g
        .open(SANDBOX, "new", CREAT | TRUNC, FILE_RIGHTS, APPEND)
        .unwrap();
    assert_eq!(g.write(fd, b"n"), (SUCCESS, 1));
    assert_eq!(disk("new"), b"n");

    // TRUNC with FD_READ only: emptied, and still read-only.
    let fd = g.open(SANDBOX, "ro", TRUNC, FD_READ, 0).unwrap();
    assert_eq!(disk("ro"), b"");
    assert_eq!(g.fdstat(fd).2, FD_READ, "rights as asked for");
    assert_eq!(g.read(fd, 8).unwrap(), b"");
    assert_eq!(g.write(fd, b"no").0, ENOTCAPABLE);
    assert_eq!(disk("ro"), b"");

    // TRUNC of a directory is EISDIR, as POSIX `open` says.
    assert_eq!(g.open(SANDBOX, "d", TRUNC, FD_READ, 0), Err(EISDIR));
    assert!(s.sandbox().join("d").is_dir());

    // Without PATH_FILESTAT_SET_SIZE on the directory, TRUNC is refused
    // whatever the rights asked for, and the file keeps its bytes.
    let (_, _, base, inheriting) = g.fdstat(SANDBOX);
    let base = base & !PATH_FILESTAT_SET_SIZE;
    assert_eq!(
        g.call("fd_fdstat_set_rights", &[SANDBOX, base, inheriting]),
        SUCCESS
    );
    assert_eq!(
        g.open(SANDBOX, "kept", TRUNC, FILE_RIGHTS, 0),
        Err(ENOTCAPABLE)
    );
    assert_eq!(g.open(SANDBOX, "kept", TRUNC, FD_READ, 0), Err(ENOTCAPABLE));
    assert_eq!(disk("kept"), b"abcdef");
    let fd = g.open(SANDBOX, "kept", 0, FILE_RIGHTS, 0).unwrap();
    assert_eq!(g.write(fd, b"A"), (SUCCESS, 1));
    assert_eq!(disk("kept"), b"Abcdef");
}

/// A directory is never opened for writing, and none of the rights it
/// holds needs it to be: reopening a preopen with its own rights works
/// and keeps them all, while FD_WRITE on a directory is `EISDIR` with or
/// without OFLAGS_DIRECTORY. FD_DATASYNC and FD_SYNC on a directory
/// allow syncing it and opening beneath it with the sync fdflags.
#[test]
fn directory_rights() {
    let s = Scratch::new("dirrights");
    std::fs::create_dir(s.sandbox().join("sub")).unwrap();
    std::fs::write(s.sandbox().join("f"), "abc").unwrap();
    let g = Guest::new(&s.sandbox());
    let (_, _, base, inheriting) = g.fdstat(SANDBOX);
    assert_ne!(base & FD_DATASYNC, 0);
    for oflags in [0, DIRECTORY] {
        let d = g
            .open_inheriting(SANDBOX, ".", oflags, base, inheriting, 0)
            .unwrap();
        assert_eq!(g.fdstat(d), (DIRECTORY_TYPE, 0, base, inheriting));
        assert_eq!(g.call("fd_datasync", &[d]), SUCCESS);
        assert_eq!(g.call("fd_sync", &[d]), SUCCESS);
        let f = g.open(d, "made", CREAT, FILE_RIGHTS, 0).unwrap();
        assert_eq!(g.write(f, b"via ."), (SUCCESS, 5));
        assert_eq!(g.call("fd_close", &[f]), SUCCESS);
        assert_eq!(g.call("fd_close", &[d]), SUCCESS);
    }
    assert_eq!(
        std::fs::read(s.sandbox().join("made")).unwrap(),
        b"via .",
        "written through both reopened directories"
    );

    // FD_WRITE: EISDIR for a directory, ENOTDIR for a file with
    // OFLAGS_DIRECTORY (POSIX's order), and the file is untouched.
    for oflags in [0, DIRECTORY] {
        for rights in [FD_WRITE, FD_READ | FD_WRITE, base | FD_WRITE] {
            assert_eq!(
                g.open_inheriting(SANDBOX, "sub", oflags, rights, inheriting, 0),
                Err(EISDIR),
                "oflags {oflags} rights {rights:#x}"
            );
        }
    }
    assert_eq!(g.open(SANDBOX, "f", DIRECTORY, FD_WRITE, 0), Err(ENOTDIR));
    assert_eq!(std::fs::read(s.sandbox().join("f")).unwrap(), b"abc");
    // FD_ALLOCATE and FD_FILESTAT_SET_SIZE (file rights) do not stop a
    // directory opening; it does not get them.
    let d = g
        .open(SANDBOX, "sub", 0, FD_ALLOCATE | FD_FILESTAT_SET_SIZE, 0)
        .unwrap();
    assert_eq!(g.fdstat(d).0, DIRECTORY_TYPE);
    assert_eq!(g.fdstat(d).2, 0);
    // CREAT names a file: EISDIR on a directory, even read-only.
    assert_eq!(g.open(SANDBOX, "sub", CREAT, FD_READ, 0), Err(EISDIR));
    assert_eq!(
        g.open(SANDBOX, "sub", CREAT | EXCL, FD_READ, 0),
        Err(EEXIST)
    );
    assert_eq!(
        std::fs::read_dir(s.sandbox().join("sub")).unwrap().count(),
        0
    );

    // DSYNC needs FD_DATASYNC or FD_SYNC on the directory; SYNC needs
    // FD_SYNC.
    assert!(g.open(SANDBOX, "f", 0, FILE_RIGHTS, DSYNC).is_ok());
    let set = |base| g.call("fd_fdstat_set_rights", &[SANDBOX, base, inheriting]);
    assert_eq!(set(base & !FD_DATASYNC), SUCCESS);
    assert!(g.open(SANDBOX, "f", 0, FILE_RIGHTS, DSYNC).is_ok());
    assert!(g.open(SANDBOX, "f", 0, FILE_RIGHTS, SYNC).is_ok());
    assert_eq!(set(base & !FD_DATASYNC & !FD_SYNC), SUCCESS);
    assert_eq!(
        g.open(SANDBOX, "f", 0, FILE_RIGHTS, DSYNC),
        Err(ENOTCAPABLE)
    );
    assert_eq!(g.open(SANDBOX, "f", 0, FILE_RIGHTS, SYNC), Err(ENOTCAPABLE));
    assert!(g.open(SANDBOX, "f", 0, FILE_RIGHTS, 0).is_ok());
}

#[test]
fn directories_created_and_removed() {
    let s = Scratch::new("mkdir");
    let g = Guest::new(&s.sandbox());
    assert_eq!(g.on_path("path_create_directory", SANDBOX, "d"), SUCCESS);
    assert!(s.sandbox().join("d").is_dir());
    assert_eq!(g.on_path("path_create_directory", SANDBOX, "d"), EEXIST);
    assert_eq!(g.on_path("path_create_directory", SANDBOX, "x/y"), ENOENT);
    std::fs::write(s.sandbox().join("d/f"), "").unwrap();
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "d"), ENOTEMPTY);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "d/f"), ENOTDIR);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "d"), EISDIR);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "d/f"), SUCCESS);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "d/f"), ENOENT);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "d"), SUCCESS);
    assert!(!s.sandbox().join("d").exists());
}

/// A trailing slash means the path names a directory, following a
/// symlink there, as POSIX says: `dir/` is removed, renamed and statted as
/// `dir` (removing it was `EINVAL`: cap-std read it as `dir/.`), and on
/// anything else it is `ENOTDIR` with nothing changed on disk.
#[test]
fn trailing_slashes_name_directories() {
    let s = Scratch::new("slashes");
    let sb = s.sandbox();
    std::fs::write(sb.join("f"), "abc").unwrap();
    for d in ["d", "e", "kept", "r"] {
        std::fs::create_dir(sb.join(d)).unwrap();
    }
    std::os::unix::fs::symlink("kept", sb.join("ld")).unwrap();
    std::os::unix::fs::symlink("f", sb.join("lf")).unwrap();
    let g = Guest::new(&sb);
    let entries = || {
        let mut names: Vec<_> = std::fs::read_dir(&sb)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    let stat = |path: &str, flags| {
        let (p, len) = g.put(path.as_bytes());
        match g.call("path_filestat_get", &[SANDBOX, flags, p, len, OUT as u64]) {
            SUCCESS => Ok(Filestat::read(&g, OUT as u64).filetype),
            errno => Err(errno),
        }
    };
    let two = |name, old: &str, new: &str| {
        let (o, olen) = g.put(old.as_bytes());
        let (n, nlen) = g.put(new.as_bytes());
        match name {
            "path_rename" => g.call(name, &[SANDBOX, o, olen, SANDBOX, n, nlen]),
            "path_link" => g.call(name, &[SANDBOX, 0, o, olen, SANDBOX, n, nlen]),
            _ => g.call(name, &[o, olen, SANDBOX, n, nlen]),
        }
    };

    // path_filestat_get: a directory (through a symlink too, even without
    // SYMLINK_FOLLOW), or ENOTDIR.
    for flags in [0, FOLLOW] {
        assert_eq!(stat("d/", flags), Ok(DIRECTORY_TYPE));
        assert_eq!(stat("ld/", flags), Ok(DIRECTORY_TYPE));
        assert_eq!(stat("d//", flags), Ok(DIRECTORY_TYPE));
        assert_eq!(stat("f/", flags), Err(ENOTDIR));
        assert_eq!(stat("lf/", flags), Err(ENOTDIR));
        assert_eq!(stat("missing/", flags), Err(ENOENT));
    }
    assert_eq!(stat("ld", 0), Ok(SYMLINK_TYPE));

    // path_unlink_file removes nothing with a slash.
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "f/"), ENOTDIR);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "lf/"), ENOTDIR);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "ld/"), ENOTDIR);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "d/"), EISDIR);
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "missing/"), ENOENT);

    // path_remove_directory.
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "d/"), SUCCESS);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "e//"), SUCCESS);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "f/"), ENOTDIR);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "ld/"), ENOTDIR);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "d/"), ENOENT);
    assert_eq!(g.on_path("path_remove_directory", SANDBOX, "./"), EINVAL);
    assert_eq!(entries(), ["f", "kept", "ld", "lf", "r"]);

    // path_create_directory.
    assert_eq!(g.on_path("path_create_directory", SANDBOX, "n/"), SUCCESS);
    assert!(sb.join("n").is_dir());
    assert_eq!(g.on_path("path_create_directory", SANDBOX, "f/"), EEXIST);

    // path_rename: a slash on either side needs a directory as source.
    assert_eq!(two("path_rename", "f", "g/"), ENOTDIR);
    assert_eq!(two("path_rename", "f/", "g"), ENOTDIR);
    assert_eq!(two("path_rename", "lf/", "g"), ENOTDIR);
    assert_eq!(two("path_rename", "ld/", "g"), ENOTDIR);
    assert_eq!(two("path_rename", "r/", "r2/"), SUCCESS);
    assert_eq!(two("path_rename", "r2", "r3/"), SUCCESS);
    assert!(sb.join("r3").is_dir());

    // path_link and path_symlink create nothing at a name with a slash.
    assert_eq!(two("path_link", "f", "h/"), ENOENT);
    assert_eq!(two("path_link", "f", "n/"), EEXIST);
    assert_eq!(two("path_link", "f/", "h"), ENOTDIR);
    assert_eq!(two("path_link", "kept/", "h"), 63, "EPERM: a directory");
    assert_eq!(two("path_symlink", "f", "h/"), ENOENT);

    // path_open: a file with a slash is ENOTDIR, and TRUNC leaves it be.
    assert_eq!(g.open(SANDBOX, "f/", 0, FD_READ, 0), Err(ENOTDIR));
    assert_eq!(g.open(SANDBOX, "f/", TRUNC, FILE_RIGHTS, 0), Err(ENOTDIR));
    // CREAT with a slash: EISDIR whatever is there (read-only too), once
    // the parent is found.
    for path in ["h/", "f/", "kept/", "ld/"] {
        for rights in [FILE_RIGHTS, FD_READ] {
            assert_eq!(g.open(SANDBOX, path, CREAT, rights, 0), Err(EISDIR));
        }
    }
    assert_eq!(g.open(SANDBOX, "no/h/", CREAT, FD_READ, 0), Err(ENOENT));
    assert_eq!(g.open(SANDBOX, "f/h/", CREAT, FD_READ, 0), Err(ENOTDIR));
    assert!(g.open(SANDBOX, "kept/", 0, FD_READ, 0).is_ok());

    assert_eq!(entries(), ["f", "kept", "ld", "lf", "n", "r3"]);
    assert_eq!(std::fs::read(sb.join("f")).unwrap(), b"abc");
    assert_eq!(std::fs::read_link(sb.join("lf")).unwrap(), Path::new("f"));
    assert_eq!(
        std::fs::read_link(sb.join("ld")).unwrap(),
        Path::new("kept")
    );
}

#[test]
fn path_filestat_follows_symlinks_on_request() {
    let s = Scratch::new("pathstat");
    std::fs::write(s.sandbox().join("f"), "abc").unwrap();
    std::os::unix::fs::symlink("f", s.sandbox().join("l")).unwrap();
    let g = Guest::new(&s.sandbox());
    let (p, len) = g.put(b"l");
    let out = OUT as u64;
    assert_eq!(
        g.call("path_filestat_get", &[SANDBOX, FOLLOW, p, len, out]),
        SUCCESS
    );
    let st = Filestat::read(&g, out);
    assert_eq!((st.filetype, st.size), (REGULAR_FILE, 3));
    assert_eq!(
        g.call("path_filestat_get", &[SANDBOX, 0, p, len, out]),
        SUCCESS
    );
    assert_eq!(Filestat::read(&g, out).filetype, SYMLINK_TYPE);
    let (p, len) = g.put(b"missing");
    assert_eq!(
        g.call("path_filestat_get", &[SANDBOX, 0, p, len, out]),
        ENOENT
    );
}

#[test]
fn links_symlinks_readlink_and_rename() {
    let s = Scratch::new("links");
    std::fs::write(s.sandbox().join("f"), "abc").unwrap();
    let g = Guest::new(&s.sandbox());
    let (f, flen) = g.put(b"f");
    let (h, hlen) = g.put(b"h");
    assert_eq!(
        g.call("path_link", &[SANDBOX, 0, f, flen, SANDBOX, h, hlen]),
        SUCCESS
    );
    assert_eq!(
        std::fs::read_to_string(s.sandbox().join("h")).unwrap(),
        "abc"
    );
    assert_eq!(
        g.call("path_link", &[SANDBOX, 0, f, flen, SANDBOX, h, hlen]),
        EEXIST
    );
    assert_eq!(
        g.call("path_link", &[SANDBOX, FOLLOW, f, flen, SANDBOX, h, hlen]),
        EINVAL
    );

    let (target, tlen) = g.put(b"f");
    let (link, llen) = g.put(b"sym");
    assert_eq!(
        g.call("path_symlink", &[target, tlen, SANDBOX, link, llen]),
        SUCCESS
    );
    assert_eq!(
        std::fs::read_link(s.sandbox().join("sym")).unwrap(),
        Path::new("f")
    );
    let (buf, _) = g.put(&[0; 16]);
    let out = OUT as u64;
    assert_eq!(
        g.call("path_readlink", &[SANDBOX, link, llen, buf, 16, out]),
        SUCCESS
    );
    assert_eq!((g.u32_at(out), g.get(buf, 1)), (1, b"f".to_vec()));
    assert_eq!(
        g.call("path_readlink", &[SANDBOX, f, flen, buf, 16, out]),
        EINVAL
    );

    // A longer target is cut to the buffer.
    std::os::unix::fs::symlink("abcdefgh", s.sandbox().join("long")).unwrap();
    let (long, len) = g.put(b"long");
    assert_eq!(
        g.call("path_readlink", &[SANDBOX, long, len, buf, 3, out]),
        SUCCESS
    );
    assert_eq!((g.u32_at(out), g.get(buf, 3)), (3, b"abc".to_vec()));

    let (new, nlen) = g.put(b"renamed");
    assert_eq!(
        g.call("path_rename", &[SANDBOX, f, flen, SANDBOX, new, nlen]),
        SUCCESS
    );
    assert!(!s.sandbox().join("f").exists());
    assert_eq!(
        std::fs::read_to_string(s.sandbox().join("renamed")).unwrap(),
        "abc"
    );
    assert_eq!(
        g.call("path_rename", &[SANDBOX, f, flen, SANDBOX, new, nlen]),
        ENOENT
    );
    // Rename needs its rights on both sides.
    let (_, _, base, inh) = g.fdstat(SANDBOX);
    assert_eq!(
        g.call("fd_fdstat_set_rights", &[SANDBOX, base & !(1 << 17), inh]),
        SUCCESS
    );
    assert_eq!(
        g.call("path_rename", &[SANDBOX, new, nlen, SANDBOX, f, flen]),
        ENOTCAPABLE
    );
}

/// Every way out of the preopen is refused, and nothing outside it is
/// read or written.
#[test]
fn sandbox_escapes_are_refused() {
    let s = Scratch::new("escape");
    let outside = s.0.join("outside");
    std::os::unix::fs::symlink(&outside, s.sandbox().join("out")).unwrap();
    std::os::unix::fs::symlink("../outside", s.sandbox().join("up")).unwrap();
    std::fs::create_dir(s.sandbox().join("sub")).unwrap();
    let g = Guest::new(&s.sandbox());
    for path in [
        "../outside/secret",
        "sub/../../outside/secret",
        "/etc/passwd",
        &format!("{}/secret", outside.display()),
        "out/secret",
        "up/secret",
    ] {
        assert_eq!(g.open(SANDBOX, path, 0, FD_READ, 0), Err(EPERM), "{path}");
        let (p, len) = g.put(path.as_bytes());
        assert_eq!(
            g.call("path_filestat_get", &[SANDBOX, FOLLOW, p, len, OUT as u64]),
            EPERM,
            "{path}"
        );
    }
    for path in ["../new", "out/new", "up/new", "sub/../../new"] {
        assert_eq!(
            g.open(SANDBOX, path, CREAT, FILE_RIGHTS, 0),
            Err(EPERM),
            "{path}"
        );
        assert_eq!(
            g.on_path("path_create_directory", SANDBOX, path),
            EPERM,
            "{path}"
        );
    }
    assert_eq!(g.on_path("path_unlink_file", SANDBOX, "out/secret"), EPERM);
    assert_eq!(
        g.on_path("path_unlink_file", SANDBOX, "../outside/secret"),
        EPERM
    );
    assert_eq!(
        g.on_path("path_remove_directory", SANDBOX, "../outside"),
        EPERM
    );
    // A directory opened beneath the preopen is a sandbox of its own.
    let sub = g
        .open(SANDBOX, "sub", DIRECTORY, PATH_OPEN | FD_READ, 0)
        .unwrap();
    assert_eq!(g.open(sub, "../sub", 0, FD_READ, 0), Err(EPERM));
    // Links, renames and symlinks leading out.
    std::fs::write(s.sandbox().join("f"), "mine").unwrap();
    let (f, flen) = g.put(b"f");
    let (o, olen) = g.put(b"../stolen");
    let (sec, slen) = g.put(b"out/secret");
    assert_eq!(
        g.call("path_rename", &[SANDBOX, f, flen, SANDBOX, o, olen]),
        EPERM
    );
    assert_eq!(
        g.call("path_rename", &[SANDBOX, sec, slen, SANDBOX, f, flen]),
        EPERM
    );
    assert_eq!(
        g.call("path_link", &[SANDBOX, 0, f, flen, SANDBOX, o, olen]),
        EPERM
    );
    assert_eq!(
        g.call("path_link", &[SANDBOX, 0, sec, slen, SANDBOX, o, olen]),
        EPERM
    );
    let (abs, alen) = g.put(b"/etc");
    let (l, llen) = g.put(b"etc");
    assert_eq!(
        g.call("path_symlink", &[abs, alen, SANDBOX, l, llen]),
        EPERM
    );
    assert_eq!(g.call("path_symlink", &[f, flen, SANDBOX, o, olen]), EPERM);
    // Reading a link's own text is no escape; following it is.
    let (buf, _) = g.put(&[0; 64]);
    let (up, uplen) = g.put(b"up");
    assert_eq!(
        g.call("path_readlink", &[SANDBOX, up, uplen, buf, 64, OUT as u64]),
        SUCCESS
    );
    assert_eq!(g.get(buf, 10), b"../outside");
    let (ts, tslen) = g.put(b"up/secret");
    assert_eq!(
        g.call(
            "path_filestat_set_times",
            &[SANDBOX, FOLLOW, ts, tslen, 0, 0, 2 | 8]
        ),
        EPERM
    );
    // Trailing slashes are taken off before cap-std resolves a path,
    // which only shortens it: no new way out. `victim` is an empty
    // directory outside, which an escaping `rmdir` would remove.
    let victim = s.0.join("victim");
    std::fs::create_dir(&victim).unwrap();
    std::os::unix::fs::symlink(&victim, s.sandbox().join("vic")).unwrap();
    for (path, errno) in [
        ("../victim/", EPERM),
        ("../victim//", EPERM),
        ("sub/../../victim/", EPERM),
        ("up/../victim/", EPERM),
        ("../", EPERM),
        ("/", EPERM),
        ("//", EPERM),
        (&format!("{}/", victim.display()), EPERM),
        // The symlink itself is inside, and is not a directory.
        ("vic/", ENOTDIR),
        ("out/", ENOTDIR),
    ] {
        for name in ["path_remove_directory", "path_unlink_file"] {
            assert_eq!(g.on_path(name, SANDBOX, path), errno, "{name} {path}");
        }
        let (p, len) = g.put(path.as_bytes());
        let (m, mlen) = g.put(b"moved/");
        assert_eq!(
            g.call("path_rename", &[SANDBOX, p, len, SANDBOX, m, mlen]),
            errno,
            "rename {path}"
        );
        // Following the symlink (as a trailing slash does) leads out.
        for flags in [0, FOLLOW] {
            assert_eq!(
                g.call("path_filestat_get", &[SANDBOX, flags, p, len, OUT as u64]),
                EPERM,
                "filestat {path}"
            );
        }
        assert_eq!(
            g.call(
                "path_filestat_set_times",
                &[SANDBOX, 0, p, len, 0, 0, 2 | 8]
            ),
            EPERM,
            "set_times {path}"
        );
        assert_eq!(g.open(SANDBOX, path, 0, FD_READ, 0), Err(EPERM), "{path}");
    }
    for path in ["../new/", "sub/../../new/", "vic/new/", "up/new/"] {
        assert_eq!(
            g.on_path("path_create_directory", SANDBOX, path),
            EPERM,
            "{path}"
        );
        assert_eq!(
            g.open(SANDBOX, path, CREAT, FILE_RIGHTS, 0),
            Err(EPERM),
            "{path}"
        );
        let (p, len) = g.put(path.as_bytes());
        let (sub, sublen) = g.put(b"sub/");
        assert_eq!(
            g.call("path_rename", &[SANDBOX, sub, sublen, SANDBOX, p, len]),
            EPERM,
            "rename sub/ to {path}"
        );
    }
    assert!(victim.is_dir());
    assert!(s.sandbox().join("sub").is_dir());
    std::fs::remove_dir(&victim).unwrap();
    drop(g);
    s.assert_outside_untouched();
}

/// Standard streams redirected to in-memory pipes, and two programs side
/// by side, each with its own streams and descriptors.
#[test]
fn stdio_redirected_per_context() {
    let (out_a, out_b, err_a) = (Pipe::new(), Pipe::new(), Pipe::new());
    let a = Guest::with(|ctx| {
        ctx.stdin(Pipe::with_contents(b"input for a"))
            .stdout(out_a.clone())
            .stderr(err_a.clone());
    });
    let b = Guest::with(|ctx| {
        ctx.stdout(out_b.clone());
    });
    assert_eq!(a.write(1, b"from a").0, SUCCESS);
    assert_eq!(a.write(2, b"error").0, SUCCESS);
    assert_eq!(b.write(1, b"from b").0, SUCCESS);
    assert_eq!(out_a.contents(), b"from a");
    assert_eq!(err_a.contents(), b"error");
    assert_eq!(out_b.contents(), b"from b");
    assert_eq!(a.read(0, 5).unwrap(), b"input");
    assert_eq!(a.read(0, 50).unwrap(), b" for a");
    assert_eq!(a.read(0, 50).unwrap(), b"", "end of input");
    assert_eq!(a.read(1, 5), Err(ENOTCAPABLE), "stdout is not readable");
    assert_eq!(a.write(0, b"x").0, ENOTCAPABLE, "stdin is not writable");
    // Closing a's stdout leaves b's alone.
    assert_eq!(a.call("fd_close", &[1]), SUCCESS);
    assert_eq!(a.write(1, b"more").0, EBADF);
    assert_eq!(b.write(1, b"!").0, SUCCESS);
    assert_eq!(out_b.contents(), b"from b!");
    // No preopens: descriptor 3 is not open.
    assert_eq!(a.call("fd_prestat_get", &[3, OUT as u64]), EBADF);
}

#[test]
fn preopening_a_missing_directory_is_an_error() {
    let mut ctx = WasiCtx::new();
    let err = ctx
        .preopened_dir("/definitely/not/here", "/x")
        .err()
        .expect("missing directory");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

/// The current time of a host clock in nanoseconds.
fn realtime_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}

#[test]
fn poll_clock_sleeps_at_least_the_timeout() {
    let g = Guest::with(|_| {});
    let start = std::time::Instant::now();
    let events = g.poll(&[clock_subscription(7, MONOTONIC, 50_000_000, 0)]);
    assert!(start.elapsed() >= std::time::Duration::from_millis(50));
    assert_eq!(events, Ok(vec![Event::ok(7, CLOCK, 0)]));

    // An absolute deadline on the realtime clock.
    let start = std::time::Instant::now();
    let deadline = realtime_now() + 30_000_000;
    let events = g.poll(&[clock_subscription(8, REALTIME, deadline, ABSTIME)]);
    assert!(realtime_now() >= deadline);
    assert!(start.elapsed() >= std::time::Duration::from_millis(20));
    assert_eq!(events, Ok(vec![Event::ok(8, CLOCK, 0)]));

    // A deadline already past fires at once.
    let start = std::time::Instant::now();
    let events = g.poll(&[clock_subscription(9, MONOTONIC, 0, ABSTIME)]);
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(events, Ok(vec![Event::ok(9, CLOCK, 0)]));
}

#[test]
fn poll_fd_read_on_a_file_reports_the_bytes_left() {
    let s = Scratch::new("poll-file");
    std::fs::write(s.sandbox().join("f"), "0123456789").unwrap();
    let g = Guest::new(&s.sandbox());
    let rights = FD_READ | FD_WRITE | POLL_FD_READWRITE;
    let fd = g.open(SANDBOX, "f", 0, rights, 0).unwrap();
    assert_eq!(g.read(fd, 3).unwrap(), b"012");
    let sub = |kind| fd_subscription(1, kind, fd as u32);
    assert_eq!(
        g.poll(&[sub(FD_READ_EVENT)]),
        Ok(vec![Event::ok(1, FD_READ_EVENT, 7)])
    );
    assert_eq!(
        g.poll(&[sub(FD_WRITE_EVENT)]),
        Ok(vec![Event::ok(1, FD_WRITE_EVENT, 0)])
    );
    // Subscribing needs POLL_FD_READWRITE and the right to read (write).
    let no_poll = g.open(SANDBOX, "f", 0, FD_READ | FD_WRITE, 0).unwrap();
    let read_only = g
        .open(SANDBOX, "f", 0, FD_READ | POLL_FD_READWRITE, 0)
        .unwrap();
    assert_eq!(
        g.poll(&[
            fd_subscription(2, FD_READ_EVENT, no_poll as u32),
            fd_subscription(3, FD_WRITE_EVENT, read_only as u32),
        ]),
        Ok(vec![
            Event::failed(2, FD_READ_EVENT, ENOTCAPABLE),
            Event::failed(3, FD_WRITE_EVENT, ENOTCAPABLE),
        ])
    );
}

#[test]
fn poll_errors_are_events_or_errnos() {
    let g = Guest::with(|_| {});
    assert_eq!(
        g.poll(&[fd_subscription(5, FD_READ_EVENT, 99)]),
        Ok(vec![Event::failed(5, FD_READ_EVENT, EBADF)]),
        "a bad descriptor is an event, not a failed call"
    );
    assert_eq!(
        g.poll(&[clock_subscription(6, 2, 0, 0)]),
        Ok(vec![Event::failed(6, CLOCK, EINVAL)]),
        "CPU time cannot be slept on"
    );
    assert_eq!(
        g.poll(&[clock_subscription(6, MONOTONIC, 0, 2)]),
        Ok(vec![Event::failed(6, CLOCK, EINVAL)]),
        "unknown flags"
    );
    assert_eq!(g.poll(&[]), Err(EINVAL), "no subscriptions");
    let mut unknown = fd_subscription(1, FD_READ_EVENT, 0);
    unknown[8] = 3;
    assert_eq!(g.poll(&[unknown]), Err(EINVAL), "unknown type");
    let out = OUT as u64;
    assert_eq!(g.call("poll_oneoff", &[1 << 30, 0, 1, out]), EFAULT);
    let (sub, _) = g.put(&clock_subscription(1, MONOTONIC, 0, 0));
    assert_eq!(g.call("poll_oneoff", &[sub, 1 << 30, 1, out]), EFAULT);
    assert_eq!(g.call("poll_oneoff", &[sub, 0, 1 << 30, out]), EFAULT);
}

#[test]
fn poll_reports_every_ready_subscription() {
    let s = Scratch::new("poll-two");
    std::fs::write(s.sandbox().join("f"), "abc").unwrap();
    let g = Guest::new(&s.sandbox());
    let fd = g.open(SANDBOX, "f", 0, FD_READ | POLL_FD_READWRITE, 0);
    let fd = fd.unwrap() as u32;
    // A ready descriptor does not wait for a far clock.
    let start = std::time::Instant::now();
    assert_eq!(
        g.poll(&[
            clock_subscription(1, MONOTONIC, 10_000_000_000, 0),
            fd_subscription(2, FD_READ_EVENT, fd),
        ]),
        Ok(vec![Event::ok(2, FD_READ_EVENT, 3)])
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    // The nearer of two clocks fires alone.
    assert_eq!(
        g.poll(&[
            clock_subscription(3, MONOTONIC, 10_000_000_000, 0),
            clock_subscription(4, MONOTONIC, 20_000_000, 0),
        ]),
        Ok(vec![Event::ok(4, CLOCK, 0)])
    );
    // Everything ready is reported, in subscription order.
    assert_eq!(
        g.poll(&[
            fd_subscription(5, FD_READ_EVENT, fd),
            fd_subscription(6, FD_READ_EVENT, 42),
            clock_subscription(7, MONOTONIC, 0, 0),
        ]),
        Ok(vec![
            Event::ok(5, FD_READ_EVENT, 3),
            Event::failed(6, FD_READ_EVENT, EBADF),
            Event::ok(7, CLOCK, 0),
        ])
    );
}

/// In-memory streams never block, so they are always ready.
#[test]
fn poll_in_memory_streams_are_ready() {
    let g = Guest::with(|ctx| {
        ctx.stdin(Pipe::new()).stdout(Pipe::new());
    });
    assert_eq!(
        g.poll(&[
            fd_subscription(1, FD_READ_EVENT, 0),
            fd_subscription(2, FD_WRITE_EVENT, 1),
            fd_subscription(3, FD_WRITE_EVENT, 0),
        ]),
        Ok(vec![
            Event::ok(1, FD_READ_EVENT, 0),
            Event::ok(2, FD_WRITE_EVENT, 0),
            Event::failed(3, FD_WRITE_EVENT, ENOTCAPABLE),
        ])
    );
}

/// A signal takes its default action: nothing for signal 0 and the
/// ignored ones, the end of the program (status 128 + signal) for the
/// rest.
#[test]
fn proc_raise_ends_the_program_or_does_nothing() {
    let g = Guest::with(|_| {});
    assert_eq!(g.call("proc_raise", &[0]), SUCCESS);
    assert_eq!(g.call("proc_raise", &[16]), SUCCESS, "SIGCHLD is ignored");
    assert_eq!(g.call("proc_raise", &[27]), SUCCESS, "SIGWINCH is ignored");
    assert_eq!(g.call("proc_raise", &[31]), EINVAL, "no such signal");
    assert_eq!(g.call("proc_raise", &[u32::MAX as u64]), EINVAL);
    assert_eq!(g.ctx.exit_code(), None);
    let raise = g.instance.get_func("proc_raise").unwrap();
    let err = raise.call(&[Val::I32(6)]).unwrap_err();
    assert_eq!(g.ctx.exit_code(), Some(134), "SIGABRT");
    assert!(err.to_string().contains("signal 6"), "{err}");
}

/// A connection accepted from a listener the embedder handed over, with a
/// real peer on loopback: bytes both ways through `sock_recv`/`sock_send`
/// and `fd_read`/`fd_write`, PEEK and WAITALL, shutdown, `poll_oneoff` on
/// the socket, non-blocking accepts, and `ENOTSOCK` for other
/// descriptors.
#[test]
fn sockets_accept_receive_send_and_shut_down() {
    use std::io::{Read, Write};
    use std::net::{Shutdown, TcpListener, TcpStream};
    const LISTENER: u64 = 3;
    const NONBLOCK: u64 = 1 << 2;
    const RECV_PEEK: u64 = 1;
    const RECV_WAITALL: u64 = 2;
    const SOCKET_STREAM: u8 = 6;
    const HANGUP: u16 = 1;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let g = Guest::with(|ctx| {
        ctx.preopened_socket(listener).unwrap();
    });
    let out = OUT as u64;
    assert_eq!(g.fdstat(LISTENER).0, SOCKET_STREAM);

    // A non-blocking listener with nothing pending.
    assert_eq!(
        g.call("fd_fdstat_set_flags", &[LISTENER, NONBLOCK]),
        SUCCESS
    );
    assert_eq!(g.call("sock_accept", &[LISTENER, 0, out]), EAGAIN);
    assert_eq!(g.call("fd_fdstat_set_flags", &[LISTENER, 0]), SUCCESS);

    let peer = std::thread::spawn(move || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"hello world").unwrap();
        // Everything the guest sends, up to its shutdown.
        let mut got = Vec::new();
        s.read_to_end(&mut got).unwrap();
        s.write_all(b"bye").unwrap();
        got
    });
    assert_eq!(g.call("sock_accept", &[LISTENER, 0, out]), SUCCESS);
    let conn = g.u32_at(out) as u64;
    let (ty, flags, base, _) = g.fdstat(conn);
    assert_eq!((ty, flags), (SOCKET_STREAM, 0));
    assert_eq!(base & (FD_READ | FD_WRITE), FD_READ | FD_WRITE);

    // Wait for the data, look at it without taking it, then take it all.
    let readable = fd_subscription(1, FD_READ_EVENT, conn as u32);
    let events = g.poll(&[readable]).unwrap();
    assert_eq!((events[0].error, events[0].kind), (SUCCESS, FD_READ_EVENT));
    assert!(events[0].nbytes > 0, "{events:?}");
    assert_eq!(g.recv(conn, &[5], RECV_PEEK), Ok((b"hello".to_vec(), 0)));
    assert_eq!(
        g.recv(conn, &[6, 5], RECV_WAITALL),
        Ok((b"hello world".to_vec(), 0)),
        "across two buffers, the peeked bytes included"
    );
    assert_eq!(g.send(conn, &[b"po", b"ng"]), (SUCCESS, 4));
    assert_eq!(g.write(conn, b" via fd_write"), (SUCCESS, 13));
    assert_eq!(g.call("sock_shutdown", &[conn, 2]), SUCCESS, "SHUT_WR");
    assert_eq!(peer.join().unwrap(), b"pong via fd_write");
    assert_eq!(g.recv(conn, &[3], RECV_WAITALL), Ok((b"bye".to_vec(), 0)));
    assert_eq!(g.read(conn, 10).unwrap(), b"", "the peer closed");
    let events = g.poll(&[readable]).unwrap();
    assert_eq!(events[0].flags, HANGUP, "{events:?}");

    // Errors.
    assert_eq!(g.call("sock_shutdown", &[conn, 0]), EINVAL);
    assert_eq!(g.call("sock_shutdown", &[conn, 4]), EINVAL);
    assert_eq!(g.recv(conn, &[1], 4), Err(EINVAL), "unknown ri_flags");
    assert_eq!(g.call("sock_send", &[conn, out, 0, 1, out]), EINVAL);
    assert_eq!(g.call("sock_accept", &[conn, 0, out]), ENOTCAPABLE);
    assert_eq!(g.call("sock_accept", &[LISTENER, 1, out]), EINVAL);
    assert_eq!(g.recv(LISTENER, &[1], 0), Err(ENOTCONN));
    assert_eq!(g.read(LISTENER, 1), Err(ENOTCONN));
    assert_eq!(g.call("fd_seek", &[conn, 0, 0, out]), ESPIPE);
    for fd in [0, 1] {
        assert_eq!(g.recv(fd, &[1], 0), Err(ENOTSOCK));
        assert_eq!(g.send(fd, &[b"x"]).0, ENOTSOCK);
        assert_eq!(g.call("sock_accept", &[fd, 0, out]), ENOTSOCK);
        assert_eq!(g.call("sock_shutdown", &[fd, 3]), ENOTSOCK);
    }
    assert_eq!(g.call("sock_shutdown", &[99, 3]), EBADF);
    assert_eq!(g.call("fd_close", &[conn]), SUCCESS);
    assert_eq!(g.recv(conn, &[1], 0), Err(EBADF));

    // A connection accepted non-blocking: nothing to read is EAGAIN.
    let quiet = TcpStream::connect(addr).unwrap();
    assert_eq!(
        g.call("sock_accept", &[LISTENER, NONBLOCK, 1 << 30]),
        EFAULT,
        "checked before accepting"
    );
    assert_eq!(g.call("sock_accept", &[LISTENER, NONBLOCK, out]), SUCCESS);
    let conn = g.u32_at(out) as u64;
    assert_eq!(g.fdstat(conn).1, NONBLOCK as u16);
    assert_eq!(g.recv(conn, &[4], 0), Err(EAGAIN));
    quiet.shutdown(Shutdown::Both).unwrap();
}

/// `args_*` and `environ_*`: sizes first (count, total bytes with NULs),
/// then the pointer array and the NUL-terminated strings.
#[test]
fn args_and_environ_are_counted_then_copied() {
    let g = Guest::with(|ctx| {
        ctx.arg("prog").arg("one");
        ctx.env("A", "1").env("LONGER", "two words");
    });
    for (sizes, get, expected) in [
        ("args_sizes_get", "args_get", &["prog", "one"][..]),
        (
            "environ_sizes_get",
            "environ_get",
            &["A=1", "LONGER=two words"][..],
        ),
    ] {
        let (count_ptr, size_ptr) = (OUT as u64, OUT as u64 + 4);
        assert_eq!(g.call(sizes, &[count_ptr, size_ptr]), SUCCESS);
        let total: usize = expected.iter().map(|s| s.len() + 1).sum();
        assert_eq!(g.u32_at(count_ptr) as usize, expected.len());
        assert_eq!(g.u32_at(size_ptr) as usize, total);
        let (ptrs, _) = g.put(&vec![0; 4 * expected.len()]);
        let (buf, _) = g.put(&vec![0xff; total]);
        assert_eq!(g.call(get, &[ptrs, buf]), SUCCESS);
        for (i, s) in expected.iter().enumerate() {
            let p = g.u32_at(ptrs + 4 * i as u64) as u64;
            assert_eq!(g.get(p, s.len() + 1), [s.as_bytes(), &[0]].concat());
        }
        // A buffer past the end of memory is EFAULT, not a host crash.
        assert_eq!(g.call(get, &[ptrs, 2 * 65536 - 2]), EFAULT);
    }
}

/// `clock_time_get` follows the host's clocks; `clock_res_get` reports a
/// resolution; an unknown clock is EINVAL.
#[test]
fn clocks_read_the_host_clocks() {
    const REALTIME: u64 = 0;
    const MONOTONIC: u64 = 1;
    let g = Guest::with(|_| {});
    let out = OUT as u64;
    for clock in [REALTIME, MONOTONIC, 2, 3] {
        assert_eq!(g.call("clock_res_get", &[clock, out]), SUCCESS);
        let res = g.u64_at(out);
        assert!(
            res > 0 && res <= 1_000_000,
            "clock {clock}: resolution {res} ns"
        );
    }
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    assert_eq!(g.call("clock_time_get", &[REALTIME, 1, out]), SUCCESS);
    let wasi_now = g.u64_at(out);
    assert!(
        wasi_now.abs_diff(since_epoch) < 60_000_000_000,
        "realtime {wasi_now}"
    );
    assert_eq!(g.call("clock_time_get", &[MONOTONIC, 1, out]), SUCCESS);
    let t0 = g.u64_at(out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(g.call("clock_time_get", &[MONOTONIC, 1, out]), SUCCESS);
    assert!(
        g.u64_at(out) >= t0 + 20_000_000,
        "monotonic advanced by the sleep"
    );
    assert_eq!(g.call("clock_time_get", &[99, 1, out]), EINVAL);
    assert_eq!(g.call("clock_res_get", &[99, out]), EINVAL);
}

/// `random_get` fills exactly the buffer it is given, differently each
/// time, and a buffer outside memory is EFAULT.
#[test]
fn random_get_fills_the_buffer() {
    let g = Guest::with(|_| {});
    let (a, _) = g.put(&[0; 64 + 8]);
    let (b, _) = g.put(&[0; 64]);
    assert_eq!(g.call("random_get", &[a, 64]), SUCCESS);
    assert_eq!(g.call("random_get", &[b, 64]), SUCCESS);
    assert_ne!(g.get(a, 64), g.get(b, 64));
    assert_ne!(g.get(a, 64), vec![0; 64]);
    assert_eq!(g.get(a + 64, 8), vec![0; 8], "nothing written past the end");
    assert_eq!(g.call("random_get", &[2 * 65536 - 8, 64]), EFAULT);
}

/// `sched_yield` (no parameters) succeeds; `proc_exit` (no result) ends
/// the program with its status, which the context reports.
#[test]
fn sched_yield_and_proc_exit() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "wasi_snapshot_preview1" "sched_yield" (func $yield (result i32)))
             (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
             (memory (export "memory") 1)
             (func (export "yield") (result i32) (call $yield))
             (func (export "exit") (param i32) (call $exit (local.get 0)) unreachable))"#,
    )
    .unwrap();
    let ctx = WasiCtx::new();
    let mut linker = Linker::new(&engine);
    ctx.add_to_linker(&mut linker);
    let instance = linker.instantiate(&module).unwrap();
    let yield_ = instance.get_func("yield").unwrap();
    assert_eq!(yield_.call(&[]).unwrap(), vec![Val::I32(SUCCESS)]);
    assert_eq!(ctx.exit_code(), None);
    let exit = instance.get_func("exit").unwrap();
    assert!(exit.call(&[Val::I32(42)]).is_err(), "proc_exit unwinds");
    assert_eq!(ctx.exit_code(), Some(42));
}
