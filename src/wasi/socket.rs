//! The `sock_*` functions: accepting connections on a listening socket the
//! embedder handed over, and receiving, sending and shutting down on the
//! connections. Preview1 has no way to create, bind or connect a socket,
//! so these are all there is; `fd_read`, `fd_write`, `fd_close`,
//! `fd_fdstat_*` and `poll_oneoff` work on sockets as on other streams.
//!
//! Receiving and sending go through `recv`/`send` on the host socket
//! rather than `Read`/`Write`: receiving honours PEEK and WAITALL, and
//! sending passes MSG_NOSIGNAL, so a peer that went away is `EPIPE` for
//! the program instead of a SIGPIPE killing the host process.

use super::errno::{Errno, WasiResult};
use super::fd_table::{Descriptor, Handle};
use super::memory::GuestMemory;
use super::memory::{check, iovecs, read_bytes, write_bytes, write_u32, Args};
use super::rights;
use super::{Function, WasiCtx};
use crate::types::ValType::I32;
use std::net::{Shutdown, TcpStream};
use std::os::fd::AsRawFd;

pub(super) const FUNCTIONS: &[Function] = &[
    Function {
        name: "sock_accept",
        params: &[I32, I32, I32],
        run: sock_accept,
    },
    Function {
        name: "sock_recv",
        params: &[I32, I32, I32, I32, I32, I32],
        run: sock_recv,
    },
    Function {
        name: "sock_send",
        params: &[I32, I32, I32, I32, I32],
        run: sock_send,
    },
    Function {
        name: "sock_shutdown",
        params: &[I32, I32],
        run: sock_shutdown,
    },
];

/// fdflags NONBLOCK, the only flag `sock_accept` takes.
const NONBLOCK: u32 = 1 << 2;
/// riflags: look at the data without consuming it; wait for all of it.
const RECV_PEEK: u32 = 1 << 0;
const RECV_WAITALL: u32 = 1 << 1;

/// The connection a socket descriptor refers to: a listener has none
/// (`ENOTCONN`, as the host says for one).
fn connection(d: &Descriptor) -> WasiResult<&TcpStream> {
    match &d.handle {
        Handle::Socket(s) => Ok(s),
        _ => Err(Errno::Notconn),
    }
}

/// `sock_accept(fd, flags, result_fd)`: the next connection, as a new
/// descriptor, non-blocking if `flags` has NONBLOCK. A listener set
/// non-blocking with nothing pending is `EAGAIN`.
fn sock_accept(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let flags = a.u32(1);
    if flags & !NONBLOCK != 0 {
        return Err(Errno::Inval);
    }
    // Checked first: a connection, once accepted, cannot be put back.
    let out = a.u32(2);
    check(mem, out, 4)?;
    let mut fds = ctx.fds.borrow_mut();
    let d = fds.socket(a.u32(0), rights::SOCK_ACCEPT)?;
    let Handle::Listener(listener) = &d.handle else {
        return Err(Errno::Inval);
    };
    let (stream, _) = listener.accept()?;
    // Accepted sockets do not inherit the listener's O_NONBLOCK on Linux;
    // set exactly what was asked.
    stream.set_nonblocking(flags & NONBLOCK != 0)?;
    let mut accepted = Descriptor::stream(Handle::Socket(stream), rights::SOCKET);
    accepted.flags = flags as u16;
    let fd = fds.insert(accepted)?;
    write_u32(mem, out, fd)
}

/// `sock_recv(fd, ri_data, ri_data_len, ri_flags, ro_datalen, ro_flags)`.
/// ro_flags is always 0: its one flag, DATA_TRUNCATED, is for datagrams.
fn sock_recv(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let ri_flags = a.u32(3);
    if ri_flags & !(RECV_PEEK | RECV_WAITALL) != 0 {
        return Err(Errno::Inval);
    }
    let (datalen, ro_flags) = (a.u32(4), a.u32(5));
    check(mem, datalen, 4)?;
    check(mem, ro_flags, 2)?;
    let fds = ctx.fds.borrow();
    let stream = connection(fds.socket(a.u32(0), rights::FD_READ)?)?;
    let mut host_flags = 0;
    if ri_flags & RECV_PEEK != 0 {
        host_flags |= libc::MSG_PEEK;
    }
    if ri_flags & RECV_WAITALL != 0 {
        host_flags |= libc::MSG_WAITALL;
    }
    let n = recv(mem, stream, a.u32(1), a.u32(2), host_flags)?;
    write_u32(mem, datalen, n)?;
    write_bytes(mem, ro_flags, &0u16.to_le_bytes())
}

/// `sock_send(fd, si_data, si_data_len, si_flags, so_datalen)`. Preview1
/// defines no send flags.
fn sock_send(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    if a.u32(3) != 0 {
        return Err(Errno::Inval);
    }
    let fds = ctx.fds.borrow();
    let stream = connection(fds.socket(a.u32(0), rights::FD_WRITE)?)?;
    let n = send(mem, stream, a.u32(1), a.u32(2))?;
    write_u32(mem, a.u32(4), n)
}

/// `sock_shutdown(fd, how)`: how is RD (1), WR (2) or both.
fn sock_shutdown(ctx: &WasiCtx, _: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let stream = connection(fds.socket(a.u32(0), rights::SOCK_SHUTDOWN)?)?;
    let how = match a.u32(1) {
        1 => Shutdown::Read,
        2 => Shutdown::Write,
        3 => Shutdown::Both,
        _ => return Err(Errno::Inval),
    };
    Ok(stream.shutdown(how)?)
}

/// Receive into the buffers of an iovec array with one `recv` (so a PEEK
/// sees the same bytes a plain receive would), through one host buffer as
/// large as the guest's buffers together (at most the memory's size: they
/// cannot hold more distinct bytes), then copied out in order. Returns
/// how many bytes arrived; 0 is the end of the stream.
pub(super) fn recv(
    mem: &GuestMemory,
    stream: &TcpStream,
    iovs: u32,
    count: u32,
    flags: libc::c_int,
) -> WasiResult<u32> {
    let bufs = iovecs(mem, iovs, count)?;
    let mut total = 0usize;
    for &(ptr, len) in &bufs {
        check(mem, ptr, len as usize)?;
        total = total.saturating_add(len as usize);
    }
    let mut host = vec![0u8; total.min(mem.data_size())];
    // SAFETY: `host` is a writable buffer of its length; the socket is
    // open for the duration of the call (its descriptor is borrowed).
    let n = unsafe {
        libc::recv(
            stream.as_raw_fd(),
            host.as_mut_ptr().cast(),
            host.len(),
            flags,
        )
    };
    if n < 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    let mut rest = &host[..n as usize];
    for (ptr, len) in bufs {
        let take = rest.len().min(len as usize);
        write_bytes(mem, ptr, &rest[..take])?;
        rest = &rest[take..];
    }
    Ok(n as u32)
}

/// Send the buffers of a ciovec array, as `writev` would: on a
/// non-blocking socket that fills up, or an error after some bytes went
/// out, the count so far is the answer, and the error is only reported
/// when nothing was sent.
pub(super) fn send(
    mem: &GuestMemory,
    stream: &TcpStream,
    iovs: u32,
    count: u32,
) -> WasiResult<u32> {
    let mut total = 0u32;
    for (ptr, len) in iovecs(mem, iovs, count)? {
        let bytes = read_bytes(mem, ptr, len)?;
        let mut sent = 0;
        while sent < bytes.len() {
            let rest = &bytes[sent..];
            // SAFETY: `rest` is a readable buffer of its length; the
            // socket is open for the duration of the call.
            let n = unsafe {
                libc::send(
                    stream.as_raw_fd(),
                    rest.as_ptr().cast(),
                    rest.len(),
                    libc::MSG_NOSIGNAL,
                )
            };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                let so_far = total.wrapping_add(sent as u32);
                return if so_far > 0 {
                    Ok(so_far)
                } else {
                    Err(e.into())
                };
            }
            sent += n as usize;
        }
        total = total.wrapping_add(len);
    }
    Ok(total)
}
