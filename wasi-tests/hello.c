/* A WASI command exercising what Flint's first WASI increment provides:
 * arguments, environment, stdout/stderr, clocks, randomness and the exit
 * status. Built to wasi-tests/hello.wasm by build.sh; the same source is
 * built natively by the CLI test to compare output and exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]=%s\n", i, argv[i]);
    }
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int monotonic = (t1.tv_sec > t0.tv_sec) ||
                    (t1.tv_sec == t0.tv_sec && t1.tv_nsec >= t0.tv_nsec);
    printf("monotonic=%d\n", monotonic);

    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    printf("after_2020=%d\n", now.tv_sec > 1577836800);

    unsigned char buf[32];
    arc4random_buf(buf, sizeof buf);
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof buf; i++) nonzero |= buf[i];
    printf("random_nonzero=%d\n", nonzero != 0);

    fprintf(stderr, "to stderr\n");
    fflush(stdout);
    if (argc > 1 && strcmp(argv[1], "fail") == 0) {
        return 3;
    }
    exit(argc > 2 ? 7 : 0);
}
