//! [`WasiCtx`]: what one WASI program sees of the world, and the builder an
//! embedder uses to set it up.
//!
//! Arguments, environment, standard streams, preopened directories and
//! listening sockets are all the program gets: nothing of the host is reachable unless it was put
//! here. Each context is independent, so an embedder can run many programs
//! side by side in one process, each with its own files and streams.
//! The context lives in the store's host state (`Store<T>`'s `T`), where
//! the functions `add_to_linker` defines find it at each call: one linker
//! serves every store, each with its own context.

use super::fd_table::{Descriptor, FdTable, Handle};
use super::rights;
use std::cell::{Cell, RefCell};
use std::io::{Read, Write};
use std::path::Path;

/// What one WASI program sees of the world (see the module docs).
#[derive(Default)]
pub struct WasiCtx {
    pub(super) args: Vec<String>,
    pub(super) env: Vec<(String, String)>,
    pub(super) exit_code: Cell<Option<u32>>,
    pub(super) fds: RefCell<FdTable>,
}

impl std::fmt::Debug for WasiCtx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WasiCtx")
            .field("args", &self.args)
            .field("env", &self.env.len())
            .field("exit_code", &self.exit_code.get())
            .finish_non_exhaustive()
    }
}

impl WasiCtx {
    /// A context with no arguments, no environment, no directories, and the
    /// host's standard streams.
    pub fn new() -> WasiCtx {
        WasiCtx::default()
    }

    /// Append a program argument (`argv[0]` is conventionally the program
    /// name).
    pub fn arg(&mut self, arg: impl Into<String>) -> &mut WasiCtx {
        self.args.push(arg.into());
        self
    }

    /// Set an environment variable.
    pub fn env(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut WasiCtx {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Read the program's standard input from `input` instead of the
    /// host's (a [`Pipe`](super::Pipe), a file, a byte slice cursor...).
    pub fn stdin(&mut self, input: impl Read + Send + 'static) -> &mut WasiCtx {
        let d = Descriptor::stream(Handle::Reader(Box::new(input), None), rights::STDIN);
        self.fds.borrow_mut().replace(0, d);
        self
    }

    /// Send the program's standard output to `output`.
    pub fn stdout(&mut self, output: impl Write + Send + 'static) -> &mut WasiCtx {
        let d = Descriptor::stream(Handle::Writer(Box::new(output), None), rights::STDOUT);
        self.fds.borrow_mut().replace(1, d);
        self
    }

    /// Send the program's standard error to `output`.
    pub fn stderr(&mut self, output: impl Write + Send + 'static) -> &mut WasiCtx {
        let d = Descriptor::stream(Handle::Writer(Box::new(output), None), rights::STDOUT);
        self.fds.borrow_mut().replace(2, d);
        self
    }

    /// Give the program the host directory `host_path`, under the name
    /// `guest_name` (what the program passes to `open`, e.g. `/data` or
    /// `.`). The program can reach everything beneath it and nothing
    /// outside: cap-std resolves every path the program names and refuses
    /// `..`, absolute paths and symlinks that would lead out. Fails if the
    /// directory cannot be opened.
    pub fn preopened_dir(
        &mut self,
        host_path: impl AsRef<Path>,
        guest_name: impl Into<String>,
    ) -> std::io::Result<&mut WasiCtx> {
        let dir = cap_std::fs::Dir::open_ambient_dir(host_path, cap_std::ambient_authority())?;
        let d = Descriptor {
            handle: Handle::Dir(dir),
            base: rights::DIRECTORY,
            inheriting: rights::DIRECTORY | rights::FILE,
            flags: 0,
            preopen: Some(guest_name.into()),
        };
        self.fds
            .borrow_mut()
            .insert(d)
            .map_err(|_| std::io::Error::from_raw_os_error(libc::EMFILE))?;
        Ok(self)
    }

    /// Give the program a listening TCP socket, which it sees as the next
    /// descriptor (after the directories preopened before it: wasi-libc
    /// looks for preopened directories from 3 up to the first descriptor
    /// that is not one, so they should come first). Preview1 cannot create
    /// sockets; a program takes connections from this one with
    /// `sock_accept` (`accept` in C). It is switched to blocking mode, as
    /// a fresh socket is; the program can make it non-blocking.
    pub fn preopened_socket(
        &mut self,
        listener: std::net::TcpListener,
    ) -> std::io::Result<&mut WasiCtx> {
        listener.set_nonblocking(false)?;
        let d = Descriptor::stream(Handle::Listener(listener), rights::LISTENER);
        self.fds
            .borrow_mut()
            .insert(d)
            .map_err(|_| std::io::Error::from_raw_os_error(libc::EMFILE))?;
        Ok(self)
    }

    /// The status passed to `proc_exit`, once the program has called it,
    /// or 128 + the signal's number once `proc_raise` has ended it.
    /// (Both end the program by unwinding it like a trap, so the call into
    /// wasm returns an error; this tells the two apart.)
    pub fn exit_code(&self) -> Option<u32> {
        self.exit_code.get()
    }
}
