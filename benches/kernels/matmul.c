/* Matrix multiply: C = A x B for n x n matrices of doubles, in i-k-j order
 * (the cache-friendly loop nest a C programmer writes). Floating-point
 * multiply-adds and strided loads. The checksum covers every bit of C:
 * neither side contracts to FMA (baseline x86-64 has none, wasm 1.0 has
 * none) nor reassociates (no -ffast-math), so both must agree exactly. */
#include "kernel.h"

#define MAXN 512
static double A[MAXN * MAXN], B[MAXN * MAXN], C[MAXN * MAXN];

EXPORT uint32_t run(uint32_t n) {
    if (n > MAXN) n = MAXN;
    uint32_t seed = 0xdeadbeefu;
    for (uint32_t i = 0; i < n * n; i++) {
        A[i] = (double)(xorshift32(&seed) & 0xffff) / 65536.0 - 0.5;
        B[i] = (double)(xorshift32(&seed) & 0xffff) / 65536.0 - 0.5;
        C[i] = 0.0;
    }
    for (uint32_t i = 0; i < n; i++) {
        double *c = &C[i * n];
        for (uint32_t k = 0; k < n; k++) {
            double a = A[i * n + k];
            const double *b = &B[k * n];
            for (uint32_t j = 0; j < n; j++) c[j] += a * b[j];
        }
    }
    uint32_t h = FNV_INIT;
    for (uint32_t i = 0; i < n * n; i++) {
        uint64_t bits;
        memcpy(&bits, &C[i], 8);
        h = fnv1a(h, (uint32_t)bits ^ (uint32_t)(bits >> 32));
    }
    return h;
}
