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
//! covers the same ground through wasi-libc (tests/cli/wasi.rs runs it).

use flint::wasi::{I32Exit, Pipe, WasiCtx};
use flint::{Engine, Instance, Linker, Memory, Module, Store, Val, ValType};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

mod files;
mod paths;
mod poll;
mod process;
mod sandbox;

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

/// An instance of the test module in a store of its own, whose host state
/// is the instance's WASI context. The store sits in a `RefCell` so the
/// helpers take `&self` (calls need the store mutably; host functions reach
/// it through their `Caller`, never through the cell, so no borrow nests).
struct Guest {
    store: RefCell<Store<WasiCtx>>,
    instance: Instance,
    memory: Memory,
    heap: Cell<u32>,
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
        let mut store = Store::new(&engine, ctx);
        let mut linker = Linker::new(&engine);
        flint::wasi::add_to_linker(&mut linker, |c: &mut WasiCtx| c).unwrap();
        let instance = linker.instantiate(&mut store, &module).unwrap();
        let memory = instance.get_memory(&mut store, "memory").unwrap();
        Guest {
            store: RefCell::new(store),
            instance,
            memory,
            heap: Cell::new(HEAP),
        }
    }

    /// The status the program ended with (`proc_exit`, `proc_raise`), as
    /// the context in the store records it.
    fn exit_code(&self) -> Option<u32> {
        self.store.borrow().data().exit_code()
    }

    /// Call the export `name` with `args`: its results, or the error
    /// (a trap, or the program's end).
    fn call_vals(&self, name: &str, args: &[Val]) -> flint::Result<Vec<Val>> {
        let mut store = self.store.borrow_mut();
        let func = self.instance.get_func(&mut *store, name).unwrap();
        let mut results = vec![Val::I32(0); func.ty(&*store).results().len()];
        func.call(&mut *store, args, &mut results)?;
        Ok(results)
    }

    /// Call a function; every argument is given as a u64 and converted to
    /// the parameter's type. Returns the errno.
    fn call(&self, name: &str, args: &[u64]) -> i32 {
        let ty = {
            let mut store = self.store.borrow_mut();
            let func = self.instance.get_func(&mut *store, name).unwrap();
            func.ty(&*store)
        };
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
        match self.call_vals(name, &vals).unwrap()[..] {
            [Val::I32(errno)] => errno,
            ref other => panic!("{name} returned {other:?}"),
        }
    }

    /// Copy `bytes` into memory; returns `(pointer, length)`.
    fn put(&self, bytes: &[u8]) -> (u64, u64) {
        let ptr = self.heap.get();
        self.memory
            .write(&mut *self.store.borrow_mut(), ptr as usize, bytes)
            .unwrap();
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
        self.memory
            .read(&*self.store.borrow(), ptr as usize, &mut buf)
            .unwrap();
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
            self.memory
                .write(&mut *self.store.borrow_mut(), b as usize, c)
                .unwrap();
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
