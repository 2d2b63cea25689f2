/* Shared by every run kernel (the .c files beside this one).
 *
 * Each kernel is one C file that exports `uint32_t run(uint32_t n)`: it
 * builds a deterministic input of size `n` from a fixed seed, does the work
 * and returns a checksum of the result. The same source is compiled twice:
 * natively (gcc -O2, a shared object the `run` bench loads with dlopen) and
 * to wasm32 (clang -O2, see build.sh). The bench checks that both return the
 * same checksum, so the two sides provably did the same work.
 *
 * Rules that keep the two builds equivalent: fixed-width integer types only
 * (`long` is 32 bits in wasm32 and 64 natively), unsigned arithmetic where it
 * may wrap, no libm beyond sqrt (glibc and wasi-libc would round sin/exp
 * differently) and no I/O. The wasm build must import nothing: only libc
 * functions that need no WASI (memcpy, memset, memcmp) may be used. */
#ifndef FLINT_KERNEL_H
#define FLINT_KERNEL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__wasm__)
#define EXPORT __attribute__((export_name("run")))
#else
#define EXPORT __attribute__((visibility("default")))
#endif

/* Marsaglia's xorshift32: a tiny deterministic generator for inputs. */
static inline uint32_t xorshift32(uint32_t *s) {
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

/* FNV-1a, to fold results into a checksum. */
static inline uint32_t fnv1a(uint32_t h, uint32_t v) {
    return (h ^ v) * 16777619u;
}
#define FNV_INIT 2166136261u

#endif
