/* A WASI command exercising files and directories through wasi-libc:
 * create, write, read, seek, tell, pread, pwrite, stat, truncate, append,
 * timestamps, readdir, mkdir/rmdir, rename, link, symlink/readlink,
 * unlink, standard input, and sandbox escapes that must be refused.
 *
 * Run with the test's scratch directory preopened as /sandbox, in which
 * the test has made `escape`, a symlink to a directory outside it. Every
 * line of output is deterministic; tests/cli/wasi.rs compares it with
 * files.expected and checks that nothing appeared outside the sandbox.
 * Built to files.wasm by build.sh. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *name(int e) {
    switch (e) {
    case 0: return "ok";
    case EACCES: return "EACCES";
    case EBADF: return "EBADF";
    case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";
    case EISDIR: return "EISDIR";
    case ELOOP: return "ELOOP";
    case ENOENT: return "ENOENT";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    case ENOTDIR: return "ENOTDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EPERM: return "EPERM";
    case ESPIPE: return "ESPIPE";
    default: {
        static char buf[32];
        snprintf(buf, sizeof buf, "errno %d", e);
        return buf;
    }
    }
}

/* Print `label: ok` when `result` is not negative, else the errno's name. */
static long check(const char *label, long result) {
    printf("%s: %s\n", label, name(result < 0 ? errno : 0));
    return result;
}

static void show_file(const char *path) {
    char buf[64] = {0};
    int fd = open(path, O_RDONLY);
    long n = read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("%s contains \"%s\" (%ld bytes)\n", path, buf, n);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *path) {
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, name(errno));
        return;
    }
    char *names[32];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) && count < 32) {
        names[count++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof names[0], by_name);
    printf("%s:", path);
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void files(void) {
    char buf[32] = {0};
    check("mkdir dir", mkdir("/sandbox/dir", 0755));
    check("mkdir dir again", mkdir("/sandbox/dir", 0755));
    int fd = check("create f.txt", open("/sandbox/dir/f.txt", O_CREAT | O_RDWR | O_TRUNC, 0644));
    printf("write: %ld\n", (long)write(fd, "hello world\n", 12));
    printf("tell: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    printf("seek set: %ld\n", (long)lseek(fd, 0, SEEK_SET));
    printf("read: %ld \"%.5s\"\n", (long)read(fd, buf, 5), buf);
    printf("pread: %ld \"%.5s\"\n", (long)pread(fd, buf, 5, 6), buf);
    printf("pwrite: %ld\n", (long)pwrite(fd, "WORLD", 5, 6));
    printf("tell after pread/pwrite: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    printf("seek end: %ld\n", (long)lseek(fd, 0, SEEK_END));
    check("seek before start", lseek(fd, -100, SEEK_CUR));
    struct stat st;
    fstat(fd, &st);
    printf("fstat: regular=%d size=%lld nlink=%lu\n", S_ISREG(st.st_mode), (long long)st.st_size,
           (unsigned long)st.st_nlink);
    check("ftruncate 5", ftruncate(fd, 5));
    fstat(fd, &st);
    printf("size after truncate: %lld\n", (long long)st.st_size);
    check("close", close(fd));
    check("close again", close(fd));
    show_file("/sandbox/dir/f.txt");

    fd = check("open append", open("/sandbox/dir/f.txt", O_WRONLY | O_APPEND));
    lseek(fd, 0, SEEK_SET);
    write(fd, "++", 2);
    close(fd);
    show_file("/sandbox/dir/f.txt");

    check("create excl existing", open("/sandbox/dir/f.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    check("open missing", open("/sandbox/dir/missing", O_RDONLY));
    check("open file as directory", open("/sandbox/dir/f.txt", O_RDONLY | O_DIRECTORY));
    check("open through a file", open("/sandbox/dir/f.txt/x", O_RDONLY));
    check("write a directory", open("/sandbox/dir", O_WRONLY));
    fd = open("/sandbox/dir/f.txt", O_RDONLY);
    check("write read-only fd", write(fd, "x", 1));
    close(fd);
    check("write stdin", write(0, "x", 1));
    check("seek stdout", lseek(1, 0, SEEK_SET));

    check("stat dir", stat("/sandbox/dir", &st));
    printf("dir is a directory: %d\n", S_ISDIR(st.st_mode));
    check("stat missing", stat("/sandbox/dir/missing", &st));

    struct timespec times[2] = {{.tv_sec = 1000000000, .tv_nsec = 0},
                                {.tv_sec = 1234567890, .tv_nsec = 500}};
    check("utimensat", utimensat(AT_FDCWD, "/sandbox/dir/f.txt", times, 0));
    stat("/sandbox/dir/f.txt", &st);
    printf("atime=%lld mtime=%lld.%09ld\n", (long long)st.st_atim.tv_sec,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    fd = open("/sandbox/dir/f.txt", O_RDONLY);
    struct timespec omit_now[2] = {{.tv_nsec = UTIME_OMIT}, {.tv_sec = 5, .tv_nsec = 0}};
    check("futimens", futimens(fd, omit_now));
    fstat(fd, &st);
    printf("atime=%lld mtime=%lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
    close(fd);

    check("rename f.txt g.txt", rename("/sandbox/dir/f.txt", "/sandbox/dir/g.txt"));
    check("stat old name", stat("/sandbox/dir/f.txt", &st));
    check("link g.txt h.txt", link("/sandbox/dir/g.txt", "/sandbox/dir/h.txt"));
    stat("/sandbox/dir/h.txt", &st);
    printf("nlink=%lu\n", (unsigned long)st.st_nlink);
    check("symlink s -> g.txt", symlink("g.txt", "/sandbox/dir/s"));
    char target[32] = {0};
    printf("readlink: %ld \"%s\"\n", (long)readlink("/sandbox/dir/s", target, sizeof target - 1),
           target);
    lstat("/sandbox/dir/s", &st);
    printf("lstat: symlink=%d\n", S_ISLNK(st.st_mode));
    stat("/sandbox/dir/s", &st);
    printf("stat through symlink: regular=%d size=%lld\n", S_ISREG(st.st_mode),
           (long long)st.st_size);
    show_file("/sandbox/dir/s");
    check("open symlink nofollow", open("/sandbox/dir/s", O_RDONLY | O_NOFOLLOW));
    check("mkdir dir/sub", mkdir("/sandbox/dir/sub", 0755));
    list("/sandbox/dir");

    check("rmdir non-empty", rmdir("/sandbox/dir"));
    check("rmdir a file", rmdir("/sandbox/dir/g.txt"));
    check("unlink a directory", unlink("/sandbox/dir/sub"));
    check("rmdir dir/sub", rmdir("/sandbox/dir/sub"));
    check("unlink h.txt", unlink("/sandbox/dir/h.txt"));
    check("unlink s", unlink("/sandbox/dir/s"));
    check("unlink missing", unlink("/sandbox/dir/h.txt"));
    show_file("/sandbox/dir/g.txt");
    list("/sandbox/dir");
}

/* Each of these tries to reach outside /sandbox and must be refused. */
static void escapes(void) {
    struct stat st;
    int sandbox = open("/sandbox", O_RDONLY | O_DIRECTORY);
    check("openat ../x", openat(sandbox, "../x", O_RDONLY));
    check("openat create ../created", openat(sandbox, "../created", O_CREAT | O_WRONLY, 0644));
    check("openat dir/../../x", openat(sandbox, "dir/../../x", O_RDONLY));
    check("openat /etc/passwd", openat(sandbox, "/etc/passwd", O_RDONLY));
    check("open /etc/passwd", open("/etc/passwd", O_RDONLY));
    check("open /sandbox/../etc/passwd", open("/sandbox/../etc/passwd", O_RDONLY));
    check("mkdir /sandbox/../created", mkdir("/sandbox/../created", 0755));
    check("stat /sandbox/..", stat("/sandbox/..", &st));
    check("open escape/passwd", open("/sandbox/escape/passwd", O_RDONLY));
    check("create escape/created", open("/sandbox/escape/created", O_CREAT | O_WRONLY, 0644));
    check("stat escape/passwd", stat("/sandbox/escape/passwd", &st));
    check("opendir escape", opendir("/sandbox/escape") ? 0 : -1);
    check("symlink dir/out -> /etc", symlink("/etc", "/sandbox/dir/out"));
    check("symlink dir/up -> ../..", symlink("../..", "/sandbox/dir/up"));
    check("open dir/up/etc/passwd", open("/sandbox/dir/up/etc/passwd", O_RDONLY));
    check("create dir/up/created", open("/sandbox/dir/up/created", O_CREAT | O_WRONLY, 0644));
    check("rename out of the sandbox",
          renameat(sandbox, "dir/g.txt", sandbox, "../created"));
    check("link out of the sandbox", linkat(sandbox, "dir/g.txt", sandbox, "../created", 0));
    check("link from outside", linkat(sandbox, "escape/passwd", sandbox, "passwd", 0));
    check("unlink dir/up", unlink("/sandbox/dir/up"));
    close(sandbox);
}

int main(void) {
    files();
    escapes();
    char line[64] = {0};
    if (fgets(line, sizeof line, stdin)) {
        printf("stdin: %s", line);
    }
    return 0;
}
