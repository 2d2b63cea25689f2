//! `poll_oneoff`, timed against the host's clocks, over clocks, files,
//! pipes and in-memory streams, and the socket functions, which talk to a
//! real peer over a loopback listener and are polled too.

use super::*;

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
