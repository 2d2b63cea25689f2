//! Descriptors of files and directories: preopens, reads and writes with
//! and without the position, append, fdstat and its rights (which only
//! shrink), filestat and times, advice and sync, directory listings, and
//! renumbering.

use super::*;

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
