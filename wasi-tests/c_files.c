/*
 * A WASI test program in C whose output must match its native build:
 * prints its arguments and an environment variable, then creates, writes,
 * appends, seeks, reads, stats, renames, lists and removes files and
 * directories beneath the directory named by its first argument, reports
 * errors by errno name, writes to standard error and exits with status 3.
 *
 * Nothing it prints depends on where it runs (no paths, no inode numbers),
 * so build.sh runs the native build (gcc) to produce c_files.expected, and
 * tests/cli/wasi.rs checks that flint running c_files.wasm prints exactly that.
 * (files.c is the sandbox test: its escapes mean nothing natively.)
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *root;

static const char *err_name(int e) {
    switch (e) {
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    default: return "other";
    }
}

/* root/name, in one of two buffers so that rename() can take two. */
static const char *at(const char *name) {
    static char paths[2][4096];
    static int next;
    char *path = paths[next++ % 2];
    snprintf(path, sizeof paths[0], "%s/%s", root, name);
    return path;
}

static void report(const char *what, int result) {
    if (result < 0)
        printf("%s: %s\n", what, err_name(errno));
    else
        printf("%s: ok\n", what);
}

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a directory, sorted, without . and .. */
static void list(const char *what, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        printf("%s: %s\n", what, err_name(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    printf("%s:", what);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: c_files DIR [ARGS...]\n");
        return 1;
    }
    root = argv[1];
    for (int i = 2; i < argc; i++)
        printf("arg %d: %s\n", i - 1, argv[i]);
    const char *greeting = getenv("C_FILES_GREETING");
    printf("greeting: %s\n", greeting ? greeting : "(unset)");

    report("mkdir sub", mkdir(at("sub"), 0755));
    report("mkdir sub again", mkdir(at("sub"), 0755));

    int fd = open(at("a.txt"), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    report("create a.txt", fd);
    report("write a.txt", (int)write(fd, "hello\n", 6));
    close(fd);
    fd = open(at("a.txt"), O_WRONLY | O_APPEND);
    report("append a.txt", (int)write(fd, "world\n", 6));
    close(fd);

    char buf[64] = {0};
    fd = open(at("a.txt"), O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    printf("read a.txt: %zd bytes: %.*s", n, (int)n, buf);
    printf("seek to 6: %ld\n", (long)lseek(fd, 6, SEEK_SET));
    memset(buf, 0, sizeof buf);
    n = read(fd, buf, sizeof buf - 1);
    printf("read from 6: %.*s", (int)n, buf);
    printf("pread 3 at 1: %.*s\n", (int)pread(fd, buf, 3, 1), buf);
    close(fd);

    struct stat st;
    report("stat a.txt", stat(at("a.txt"), &st));
    printf("a.txt: %lld bytes, regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    report("truncate a.txt to 4", truncate(at("a.txt"), 4));
    stat(at("a.txt"), &st);
    printf("a.txt: %lld bytes\n", (long long)st.st_size);

    report("rename a.txt sub/b.txt", rename(at("a.txt"), at("sub/b.txt")));
    report("stat a.txt", stat(at("a.txt"), &st));
    list("list root", root);
    list("list sub", at("sub"));
    report("open missing", open(at("missing"), O_RDONLY));
    report("open sub for writing", open(at("sub"), O_WRONLY));
    report("rmdir sub (not empty)", rmdir(at("sub")));
    report("unlink sub/b.txt", unlink(at("sub/b.txt")));
    report("rmdir sub", rmdir(at("sub")));
    list("list root", root);

    fprintf(stderr, "c_files: done\n");
    return 3;
}
