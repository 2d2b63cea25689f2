//! A WASI test program in Rust: prints its arguments and an environment
//! variable, creates, writes, appends, seeks, reads, renames, copies,
//! lists and removes files and directories beneath the directory named
//! by its first argument, writes to standard error, and exits with
//! status 3.
//!
//! Every line it prints is the same whether it runs natively or under
//! WASI (no paths, no OS error numbers: error kinds instead), so
//! ../build.sh runs the native build to produce ../rust_files.expected,
//! and tests/cli/wasi.rs checks that flint running ../rust_files.wasm prints
//! exactly that.

use std::fmt::Debug;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Print what an operation returned, or the kind of error it failed with.
fn report<T: Debug>(what: &str, result: io::Result<T>) -> Option<T> {
    match result {
        Ok(v) => {
            println!("{what}: ok {v:?}");
            Some(v)
        }
        Err(e) => {
            println!("{what}: {:?}", e.kind());
            None
        }
    }
}

/// The names in a directory, sorted, directories marked with `/`.
fn list(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let mut name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_dir() {
            name.push('/');
        }
        names.push(name);
    }
    names.sort();
    Ok(names)
}

fn files(root: &Path) {
    report(
        "create_dir_all work/sub",
        fs::create_dir_all(root.join("sub")),
    );
    report("create_dir work again", fs::create_dir(root));
    let a = root.join("a.txt");
    report("write a.txt", fs::write(&a, "hello\n"));
    let appended = OpenOptions::new()
        .append(true)
        .open(&a)
        .and_then(|mut f| f.write_all(b"world\n"));
    report("append to a.txt", appended);
    report("read a.txt", fs::read_to_string(&a));
    let tail = File::open(&a).and_then(|mut f| {
        f.seek(SeekFrom::Start(6))?;
        let mut s = String::new();
        f.read_to_string(&mut s)?;
        Ok(s)
    });
    report("read a.txt from 6", tail);
    if let Some(meta) = report("metadata a.txt", fs::metadata(&a).map(|m| m.len())) {
        println!("a.txt is {meta} bytes");
    }
    let b = root.join("sub/b.txt");
    report("rename a.txt sub/b.txt", fs::rename(&a, &b));
    println!("a.txt exists: {}", a.exists());
    report("copy sub/b.txt c.txt", fs::copy(&b, root.join("c.txt")));
    report("list work", list(root));
    report("list work/sub", list(&root.join("sub")));
    report("open missing", File::open(root.join("missing")));
    report("remove_file missing", fs::remove_file(root.join("missing")));
    // Rust's std for wasm32-wasip1 reports ENOTEMPTY as
    // `ErrorKind::Uncategorized` (natively: `DirectoryNotEmpty`), so only
    // the failure is printed.
    let refused = fs::remove_dir(root).is_err();
    println!("remove_dir non-empty work fails: {refused}");
    report("read_dir a file", fs::read_dir(&b).map(drop));
    report("remove_file c.txt", fs::remove_file(root.join("c.txt")));
    report("remove_dir_all work", fs::remove_dir_all(root));
    println!("work exists: {}", root.exists());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // argv[0] (the program's path) and argv[1] (the directory) differ
    // between the native and the wasm run; the words after them do not.
    let Some(dir) = args.get(1) else {
        eprintln!("usage: rust_files DIR [WORDS...]");
        std::process::exit(1);
    };
    let words = &args[2..];
    println!("{} words: {words:?}", words.len());
    match std::env::var("RUST_FILES_GREETING") {
        Ok(v) => println!("greeting: {v}"),
        Err(e) => println!("greeting: {e}"),
    }
    files(&Path::new(dir).join("work"));
    eprintln!("rust_files: done");
    std::process::exit(3);
}
