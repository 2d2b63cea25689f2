//! What a context lets a guest reach: paths leading out of the preopen are
//! refused without touching anything outside it, standard streams are
//! redirected per context, and a missing preopen directory is an error.

use super::*;

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
        .expect_err("missing directory");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}
