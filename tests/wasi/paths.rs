//! Path functions: open flags and their errors, truncation, directory
//! rights, creating and removing directories, trailing slashes, path
//! filestat with and without following symlinks, links, symlinks and
//! renames.

use super::*;

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
