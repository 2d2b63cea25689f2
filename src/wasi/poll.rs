//! `poll_oneoff`: wait until the first of a set of subscriptions fires: a
//! clock reaching a time, or a descriptor becoming ready to read or write.
//!
//! A regular file is always ready, as POSIX `poll` says (for reading, the
//! event tells how many bytes are left before the end). A stream backed by
//! a host descriptor (the host's own standard streams, sockets) is asked with
//! `ppoll`; a stream without one (an in-memory `Pipe`, a reader or writer
//! an embedder supplied) never blocks, so it is always ready. Clock
//! subscriptions, relative or absolute, on the realtime or monotonic
//! clock, turn the earliest deadline into `ppoll`'s timeout, so one
//! system call waits for descriptors and clocks together.
//!
//! A subscription that cannot be waited for (a descriptor not open or
//! without the rights, a clock that cannot be slept on) fires at once as
//! an event carrying the errno, as preview1 asks, instead of failing the
//! whole call; the call itself fails only for bad memory (`EFAULT`), no
//! subscriptions or an unknown subscription type (`EINVAL`).

use super::clock;
use super::errno::{Errno, WasiResult};
use super::fd_table::{FdTable, Handle};
use super::memory::GuestMemory;
use super::memory::{check, read_bytes, write_bytes, write_u32, Args};
use super::rights;
use super::{Function, WasiCtx};
use crate::types::ValType::I32;
use std::io::Seek;
use std::os::fd::{AsRawFd, RawFd};

pub(super) const FUNCTIONS: &[Function] = &[Function {
    name: "poll_oneoff",
    params: &[I32, I32, I32, I32],
    run: poll_oneoff,
}];

/// A subscription: userdata u64, tag u8 at 8, then its contents from 16.
const SUBSCRIPTION_SIZE: u32 = 48;
/// An event: userdata u64, error u16 at 8, type u8 at 10, then for the
/// descriptor events nbytes u64 at 16 and flags u16 at 24.
const EVENT_SIZE: u32 = 32;

/// Event types (the subscription's tag).
const CLOCK: u8 = 0;
const FD_READ: u8 = 1;
const FD_WRITE: u8 = 2;

/// Clock subscription flag: the timeout is a time on the clock, not a
/// duration from now.
const ABSTIME: u16 = 1;
/// Event flag: the peer hung up (no more data will come).
const HANGUP: u16 = 1;

struct Event {
    /// The subscription's position, so events come out in the order of
    /// their subscriptions.
    index: usize,
    userdata: u64,
    error: Errno,
    kind: u8,
    nbytes: u64,
    flags: u16,
}

impl Event {
    fn new(index: usize, userdata: u64, kind: u8) -> Event {
        Event {
            index,
            userdata,
            error: Errno::Success,
            kind,
            nbytes: 0,
            flags: 0,
        }
    }

    fn failed(index: usize, userdata: u64, kind: u8, error: Errno) -> Event {
        Event {
            error,
            ..Event::new(index, userdata, kind)
        }
    }

    fn encode(&self) -> [u8; EVENT_SIZE as usize] {
        let mut bytes = [0u8; EVENT_SIZE as usize];
        bytes[0..8].copy_from_slice(&self.userdata.to_le_bytes());
        bytes[8..10].copy_from_slice(&(self.error as u16).to_le_bytes());
        bytes[10] = self.kind;
        bytes[16..24].copy_from_slice(&self.nbytes.to_le_bytes());
        bytes[24..26].copy_from_slice(&self.flags.to_le_bytes());
        bytes
    }
}

/// A clock subscription still waiting: its deadline on its clock.
struct Timer {
    index: usize,
    userdata: u64,
    clock: libc::clockid_t,
    deadline: u64,
}

/// A descriptor subscription waiting on a host descriptor.
struct HostWait {
    index: usize,
    userdata: u64,
    kind: u8,
}

/// `poll_oneoff(in, out, nsubscriptions, nevents)`.
fn poll_oneoff(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let (subs_ptr, events_ptr, count, nevents_ptr) = (a.u32(0), a.u32(1), a.u32(2), a.u32(3));
    if count == 0 {
        return Err(Errno::Inval);
    }
    let subs = read_bytes(
        mem,
        subs_ptr,
        count.checked_mul(SUBSCRIPTION_SIZE).ok_or(Errno::Fault)?,
    )?;
    // Every event must have room before anything waits: a guest must not
    // sleep only to learn that its buffer was bad.
    // (No overflow: `count` * 48 fit in a u32.)
    check(mem, events_ptr, count as usize * EVENT_SIZE as usize)?;

    let mut fds = ctx.fds.borrow_mut();
    let mut events = Vec::new();
    let mut timers = Vec::new();
    let mut waits = Vec::new();
    let mut pollfds = Vec::new();
    for (index, sub) in subs.chunks_exact(SUBSCRIPTION_SIZE as usize).enumerate() {
        let userdata = u64_at(sub, 0);
        let kind = sub[8];
        match kind {
            CLOCK => match deadline(sub) {
                Ok((clock, deadline)) => timers.push(Timer {
                    index,
                    userdata,
                    clock,
                    deadline,
                }),
                Err(e) => events.push(Event::failed(index, userdata, kind, e)),
            },
            FD_READ | FD_WRITE => match readiness(&mut fds, u32_at(sub, 16), kind) {
                Ok(Readiness::Ready(nbytes)) => events.push(Event {
                    nbytes,
                    ..Event::new(index, userdata, kind)
                }),
                Ok(Readiness::Host(fd)) => {
                    let wanted = if kind == FD_READ {
                        libc::POLLIN
                    } else {
                        libc::POLLOUT
                    };
                    pollfds.push(libc::pollfd {
                        fd,
                        events: wanted,
                        revents: 0,
                    });
                    waits.push(HostWait {
                        index,
                        userdata,
                        kind,
                    });
                }
                Err(e) => events.push(Event::failed(index, userdata, kind, e)),
            },
            _ => return Err(Errno::Inval),
        }
    }

    loop {
        // The clocks whose time has come fire; the nearest other one
        // bounds the wait. Once anything has fired, the host descriptors
        // are only asked, not waited for.
        let mut timeout = None::<u64>;
        for t in &timers {
            let now = clock::now(t.clock);
            if now >= t.deadline {
                events.push(Event::new(t.index, t.userdata, CLOCK));
            } else {
                let left = t.deadline - now;
                timeout = Some(timeout.map_or(left, |m: u64| m.min(left)));
            }
        }
        if !events.is_empty() {
            timeout = Some(0);
        }
        host_poll(&mut pollfds, timeout)?;
        for (p, w) in pollfds.iter().zip(&waits) {
            if p.revents != 0 {
                events.push(host_event(p, w));
            }
        }
        if !events.is_empty() {
            break;
        }
    }

    events.sort_by_key(|e| e.index);
    let bytes: Vec<u8> = events.iter().flat_map(|e| e.encode()).collect();
    write_bytes(mem, events_ptr, &bytes)?;
    write_u32(mem, nevents_ptr, events.len() as u32)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default())
}

/// A clock subscription's clock and deadline: id u32 at 16, timeout u64
/// at 24, precision u64 at 32 (ignored: the host sleeps as precisely as
/// it can), flags u16 at 40. Only realtime and monotonic can be slept on:
/// CPU time does not pass while the program sleeps.
fn deadline(sub: &[u8]) -> WasiResult<(libc::clockid_t, u64)> {
    let clock = match u32_at(sub, 16) {
        0 => libc::CLOCK_REALTIME,
        1 => libc::CLOCK_MONOTONIC,
        _ => return Err(Errno::Inval),
    };
    let timeout = u64_at(sub, 24);
    let flags = u16::from_le_bytes([sub[40], sub[41]]);
    if flags & !ABSTIME != 0 {
        return Err(Errno::Inval);
    }
    if flags & ABSTIME != 0 {
        Ok((clock, timeout))
    } else {
        Ok((clock, clock::now(clock).saturating_add(timeout)))
    }
}

enum Readiness {
    /// Ready now, with this many bytes to read.
    Ready(u64),
    /// Ready when the host descriptor is.
    Host(RawFd),
}

/// How descriptor `fd` becomes ready for `kind`. Subscribing needs
/// POLL_FD_READWRITE together with FD_READ or FD_WRITE, as the preview1
/// rights say.
fn readiness(fds: &mut FdTable, fd: u32, kind: u8) -> WasiResult<Readiness> {
    let right = if kind == FD_READ {
        rights::FD_READ
    } else {
        rights::FD_WRITE
    };
    let d = fds.get_mut(fd, rights::POLL_FD_READWRITE | right)?;
    Ok(match &mut d.handle {
        Handle::File(f) if kind == FD_READ => {
            let len = f.metadata()?.len();
            let pos = f.stream_position()?;
            Readiness::Ready(len.saturating_sub(pos))
        }
        Handle::File(_) | Handle::Dir(_) => Readiness::Ready(0),
        Handle::Reader(_, Some(fd)) | Handle::Writer(_, Some(fd)) => Readiness::Host(*fd),
        Handle::Reader(_, None) | Handle::Writer(_, None) => Readiness::Ready(0),
        Handle::Listener(l) => Readiness::Host(l.as_raw_fd()),
        Handle::Socket(s) => Readiness::Host(s.as_raw_fd()),
    })
}

/// Wait up to `timeout` nanoseconds (for ever if `None`) for one of
/// `pollfds` to be ready. An interrupted wait counts as a wait that found
/// nothing: the caller looks at its clocks and waits again.
fn host_poll(pollfds: &mut [libc::pollfd], timeout: Option<u64>) -> WasiResult<()> {
    let ts = timeout.map(|nanos| libc::timespec {
        tv_sec: (nanos / 1_000_000_000) as libc::time_t,
        tv_nsec: (nanos % 1_000_000_000) as libc::c_long,
    });
    let ts_ptr = ts.as_ref().map_or(std::ptr::null(), |ts| ts as *const _);
    // SAFETY: `pollfds` is a valid array of its length, `ts_ptr` null or
    // pointing at `ts`, which outlives the call; no signal mask is passed.
    let n = unsafe {
        libc::ppoll(
            pollfds.as_mut_ptr(),
            pollfds.len() as libc::nfds_t,
            ts_ptr,
            std::ptr::null(),
        )
    };
    if n < 0 {
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e.into());
        }
        for p in pollfds.iter_mut() {
            p.revents = 0;
        }
    }
    Ok(())
}

/// The event for a host descriptor `ppoll` found ready.
fn host_event(p: &libc::pollfd, w: &HostWait) -> Event {
    let event = Event::new(w.index, w.userdata, w.kind);
    if p.revents & libc::POLLNVAL != 0 {
        Event {
            error: Errno::Badf,
            ..event
        }
    } else if p.revents & libc::POLLERR != 0 {
        Event {
            error: Errno::Io,
            ..event
        }
    } else if p.revents & libc::POLLHUP != 0 {
        Event {
            flags: HANGUP,
            ..event
        }
    } else if w.kind == FD_READ {
        Event {
            nbytes: bytes_available(p.fd),
            ..event
        }
    } else {
        event
    }
}

/// How many bytes can be read from host descriptor `fd` without
/// blocking, or 0 if the host cannot tell.
fn bytes_available(fd: RawFd) -> u64 {
    let mut n: libc::c_int = 0;
    // SAFETY: `fd` is open (its descriptor is borrowed for the whole call)
    // and FIONREAD writes one int to `n`.
    match unsafe { libc::ioctl(fd, libc::FIONREAD, &mut n) } {
        0 => n.max(0) as u64,
        _ => 0,
    }
}
