//! The descriptor table: what each WASI file descriptor number refers to,
//! with the rights and flags it carries.
//!
//! 0, 1 and 2 are the standard streams (the host's own unless an embedder
//! redirects them), the preopened directories follow from 3 in the order
//! they were given, and files and directories the program opens take the
//! lowest free number after that, as POSIX `open` does. A directory is a
//! `cap_std::fs::Dir`, so every path the guest names is resolved by
//! cap-std beneath it and can never leave it. Sockets are only ever
//! handed over by the embedder (a listener) or accepted from one:
//! preview1 cannot create them.

use super::errno::{Errno, WasiResult};
use super::rights::{self, Rights};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::RawFd;

/// What a descriptor refers to.
pub enum Handle {
    /// A byte source (standard input), with the host descriptor behind it
    /// when there is one (the host's own standard input), which
    /// `poll_oneoff` asks for readiness; without one (a `Pipe`, anything
    /// an embedder supplies) the stream never blocks.
    Reader(Box<dyn Read + Send>, Option<RawFd>),
    /// A byte sink (standard output or error), likewise.
    Writer(Box<dyn Write + Send>, Option<RawFd>),
    File(cap_std::fs::File),
    Dir(cap_std::fs::Dir),
    /// A listening TCP socket an embedder handed over (`sock_accept`).
    Listener(TcpListener),
    /// A connection `sock_accept` returned.
    Socket(TcpStream),
}

pub struct Descriptor {
    pub handle: Handle,
    pub base: Rights,
    pub inheriting: Rights,
    /// Preview1 fdflags (APPEND, DSYNC, NONBLOCK, RSYNC, SYNC).
    pub flags: u16,
    /// The guest's name for a preopened directory (`fd_prestat_*`).
    pub preopen: Option<String>,
}

impl Descriptor {
    pub fn stream(handle: Handle, base: Rights) -> Descriptor {
        Descriptor {
            handle,
            base,
            inheriting: 0,
            flags: 0,
            preopen: None,
        }
    }

    /// Fails with `ENOTCAPABLE` unless every bit of `needed` is in the base
    /// rights.
    pub fn require(&self, needed: Rights) -> WasiResult<()> {
        if self.base & needed == needed {
            Ok(())
        } else {
            Err(Errno::Notcapable)
        }
    }
}

pub struct FdTable {
    fds: BTreeMap<u32, Descriptor>,
}

impl Default for FdTable {
    /// The host's standard streams as 0, 1 and 2.
    fn default() -> FdTable {
        let mut fds = BTreeMap::new();
        fds.insert(
            0,
            Descriptor::stream(
                Handle::Reader(Box::new(std::io::stdin()), Some(0)),
                rights::STDIN,
            ),
        );
        fds.insert(
            1,
            Descriptor::stream(
                Handle::Writer(Box::new(std::io::stdout()), Some(1)),
                rights::STDOUT,
            ),
        );
        fds.insert(
            2,
            Descriptor::stream(
                Handle::Writer(Box::new(std::io::stderr()), Some(2)),
                rights::STDOUT,
            ),
        );
        FdTable { fds }
    }
}

impl FdTable {
    /// Descriptor `fd` if it is open (`EBADF`) and has the rights `needed`
    /// (`ENOTCAPABLE`).
    pub fn get(&self, fd: u32, needed: Rights) -> WasiResult<&Descriptor> {
        let d = self.fds.get(&fd).ok_or(Errno::Badf)?;
        d.require(needed)?;
        Ok(d)
    }

    pub fn get_mut(&mut self, fd: u32, needed: Rights) -> WasiResult<&mut Descriptor> {
        let d = self.fds.get_mut(&fd).ok_or(Errno::Badf)?;
        d.require(needed)?;
        Ok(d)
    }

    /// Descriptor `fd` as a directory with the rights `needed`; `ENOTDIR`
    /// if it is something else.
    pub fn dir(&self, fd: u32, needed: Rights) -> WasiResult<&cap_std::fs::Dir> {
        let d = self.fds.get(&fd).ok_or(Errno::Badf)?;
        let Handle::Dir(dir) = &d.handle else {
            return Err(Errno::Notdir);
        };
        d.require(needed)?;
        Ok(dir)
    }

    /// Descriptor `fd` as a socket with the rights `needed`; `ENOTSOCK` if
    /// it is something else.
    pub fn socket(&self, fd: u32, needed: Rights) -> WasiResult<&Descriptor> {
        let d = self.fds.get(&fd).ok_or(Errno::Badf)?;
        if !matches!(d.handle, Handle::Listener(_) | Handle::Socket(_)) {
            return Err(Errno::Notsock);
        }
        d.require(needed)?;
        Ok(d)
    }

    /// Put `d` at the lowest free number.
    pub fn insert(&mut self, d: Descriptor) -> WasiResult<u32> {
        let fd = (0..=u32::MAX)
            .zip(self.fds.keys().copied().chain(std::iter::once(u32::MAX)))
            .find(|(want, have)| want != have)
            .map(|(want, _)| want)
            .ok_or(Errno::Mfile)?;
        self.fds.insert(fd, d);
        Ok(fd)
    }

    /// Put `d` at `fd`, closing whatever was there.
    pub fn replace(&mut self, fd: u32, d: Descriptor) {
        self.fds.insert(fd, d);
    }

    pub fn remove(&mut self, fd: u32) -> WasiResult<Descriptor> {
        self.fds.remove(&fd).ok_or(Errno::Badf)
    }

    /// `fd_renumber`: move `from` to `to`, closing what `to` was. Both must
    /// be open.
    pub fn renumber(&mut self, from: u32, to: u32) -> WasiResult<()> {
        if !self.fds.contains_key(&to) {
            return Err(Errno::Badf);
        }
        let d = self.remove(from)?;
        self.fds.insert(to, d);
        Ok(())
    }
}
