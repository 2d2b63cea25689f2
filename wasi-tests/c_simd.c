/*
 * A WASI test program in C built with 128-bit SIMD (issue 14): a real
 * program's vector code must run in Flint exactly as its native build runs.
 *
 * build.sh compiles it with clang -O3 -msimd128, so it holds two kinds of
 * SIMD code:
 *   - plain C loops that clang vectorises by itself (saturating u8 blends,
 *     an alpha blend, sums of absolute differences, a 16-bit dot product,
 *     i32/i64 hash mixing with a run-time shift, min/max reductions, byte
 *     counting, popcounts, an f32 matrix multiply and convolution, f64
 *     sqrt, int/float conversions);
 *   - kernels written with <wasm_simd128.h> intrinsics (hex encoding with
 *     swizzle and shuffle, byte search with bitmask and any_true, ASCII
 *     case mapping, RGB to grey with widening multiplies and narrowing,
 *     Q15 audio mixing, an i32 prefix sum by lane shuffles), then every
 *     operator family on edge-case lanes, printed lane by lane.
 * The native build (gcc) gets simd_lanes.h instead of <wasm_simd128.h>:
 * the same intrinsics in plain C, lane by lane, as the specification
 * defines them. build.sh runs it to record c_simd.expected, and
 * tests/cli/wasi.rs checks that flint running c_simd.wasm prints exactly
 * that.
 *
 * Its only argument is the seed of the inputs: data the compiler cannot
 * see keeps it from folding the SIMD code away. Floats are printed as
 * their bits (NaN as "nan": its sign and payload are not specified), and
 * both builds use -ffp-contract=off, so nothing is fused into an FMA.
 */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#else
#include "simd_lanes.h"
#endif

#define NOINLINE __attribute__((noinline))

/* Not a multiple of 16: every vectorised loop also runs its scalar tail. */
#define N 4099

static uint32_t rng_state;

/* Marsaglia's xorshift32. */
static uint32_t rnd(void) {
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return rng_state = x;
}

/* FNV-1a over bytes: a digest of a whole array for one output line. */
static uint32_t digest(const void *p, size_t n) {
    const uint8_t *b = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 16777619u;
    return h;
}

static uint32_t f32_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static uint64_t f64_bits(double f) {
    uint64_t u;
    memcpy(&u, &f, 8);
    return u;
}

/* ------------------------------------------------------------------ */
/* Part 1: plain C that clang -O3 -msimd128 vectorises.                */
/* ------------------------------------------------------------------ */

static uint8_t u8a[N], u8b[N], u8c[N], u8out[N];
static int16_t i16a[N], i16b[N], i16out[N];
static uint32_t u32a[N], u32b[N], u32out[N];
static int32_t i32a[N], i32b[N], i32out[N];
static int64_t i64a[N], i64b[N], i64out[N];
static float f32a[N], f32b[N], f32out[N];
static double f64a[N], f64b[N];

NOINLINE static void add_sat_u8(uint8_t *restrict out, const uint8_t *a, const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned s = a[i] + b[i];
        out[i] = s > 255 ? 255 : s;
    }
}

NOINLINE static void sub_sat_u8(uint8_t *restrict out, const uint8_t *a, const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = a[i] > b[i] ? a[i] - b[i] : 0;
}

/* fg over bg with 8-bit alpha, divided by 255 exactly (rounded). */
NOINLINE static void alpha_blend(uint8_t *restrict out, const uint8_t *fg, const uint8_t *bg,
                                 const uint8_t *alpha, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned x = fg[i] * alpha[i] + bg[i] * (255 - alpha[i]) + 128;
        out[i] = (x + (x >> 8)) >> 8;
    }
}

NOINLINE static void average_u8(uint8_t *restrict out, const uint8_t *a, const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (a[i] + b[i] + 1) >> 1;
}

NOINLINE static uint32_t sad_u8(const uint8_t *a, const uint8_t *b, size_t n) {
    uint32_t s = 0;
    for (size_t i = 0; i < n; i++) s += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return s;
}

NOINLINE static uint32_t dot_i16(const int16_t *a, const int16_t *b, size_t n) {
    uint32_t s = 0;
    for (size_t i = 0; i < n; i++) s += (uint32_t)(a[i] * b[i]);
    return s;
}

NOINLINE static void abs_i16(int16_t *restrict out, const int16_t *a, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (int16_t)(a[i] < 0 ? -a[i] : a[i]);
}

/* The shift count is known only at run time. */
NOINLINE static void mix_u32(uint32_t *restrict out, const uint32_t *a, const uint32_t *b,
                             unsigned shift, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (a[i] * 0x9e3779b1u) ^ (b[i] >> 7) ^ (a[i] << shift);
}

NOINLINE static void select_i32(int32_t *restrict out, const int32_t *a, const int32_t *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        out[i] = a[i] > b[i] ? (int32_t)((uint32_t)a[i] - (uint32_t)b[i]) : a[i] ^ b[i];
}

NOINLINE static void mul_add_i64(int64_t *restrict out, const int64_t *a, const int64_t *b,
                                 unsigned shift, size_t n) {
    for (size_t i = 0; i < n; i++)
        out[i] = (int64_t)((uint64_t)a[i] * (uint64_t)b[i] + (uint64_t)(a[i] >> shift));
}

NOINLINE static void min_i64(int64_t *restrict out, const int64_t *a, const int64_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = a[i] < b[i] ? a[i] : b[i];
}

NOINLINE static void min_max_i32(const int32_t *a, size_t n, int32_t *min, int32_t *max) {
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (size_t i = 0; i < n; i++) {
        lo = a[i] < lo ? a[i] : lo;
        hi = a[i] > hi ? a[i] : hi;
    }
    *min = lo;
    *max = hi;
}

NOINLINE static uint8_t max_u8(const uint8_t *a, size_t n) {
    uint8_t m = 0;
    for (size_t i = 0; i < n; i++) m = a[i] > m ? a[i] : m;
    return m;
}

NOINLINE static uint32_t count_byte(const uint8_t *s, size_t n, uint8_t c) {
    uint32_t count = 0;
    for (size_t i = 0; i < n; i++) count += s[i] == c;
    return count;
}

NOINLINE static uint32_t popcount_sum(const uint32_t *a, size_t n) {
    uint32_t s = 0;
    for (size_t i = 0; i < n; i++) s += __builtin_popcount(a[i]);
    return s;
}

/* C = A x B, m x m, i-k-j order: each c[j] += a * b[j] keeps its order. */
#define M 48
static float ma[M * M], mb[M * M], mc[M * M];
NOINLINE static void matmul_f32(float *restrict c, const float *a, const float *b, size_t m) {
    for (size_t i = 0; i < m * m; i++) c[i] = 0.0f;
    for (size_t i = 0; i < m; i++)
        for (size_t k = 0; k < m; k++)
            for (size_t j = 0; j < m; j++) c[i * m + j] += a[i * m + k] * b[k * m + j];
}

NOINLINE static void conv5_f32(float *restrict out, const float *x, const float *k, size_t n) {
    for (size_t i = 0; i + 4 < n; i++)
        out[i] = k[0] * x[i] + k[1] * x[i + 1] + k[2] * x[i + 2] + k[3] * x[i + 3] + k[4] * x[i + 4];
}

NOINLINE static void pmin_f32(float *restrict out, const float *a, const float *b, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = b[i] < a[i] ? b[i] : a[i];
}

NOINLINE static void sqrt_axpy_f64(double *restrict y, const double *x, double a, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] = a * x[i] + __builtin_sqrt(__builtin_fabs(y[i]));
}

NOINLINE static void i32_to_f32(float *restrict out, const int32_t *a, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (float)a[i] * 0.25f;
}

/* The inputs are in range, so the conversion is defined in C. */
NOINLINE static void f32_to_i32(int32_t *restrict out, const float *a, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (int32_t)(a[i] * 1000.0f);
}

NOINLINE static void f32_to_u8(uint8_t *restrict out, const float *a, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float v = a[i] * 255.0f;
        v = v < 0.0f ? 0.0f : v > 255.0f ? 255.0f : v;
        out[i] = (uint8_t)(v + 0.5f);
    }
}

static void fill_inputs(void) {
    for (size_t i = 0; i < N; i++) {
        uint32_t r = rnd();
        u8a[i] = r;
        u8b[i] = r >> 8;
        u8c[i] = r >> 16;
        i16a[i] = r;
        i16b[i] = rnd();
        u32a[i] = rnd();
        u32b[i] = rnd();
        i32a[i] = rnd();
        i32b[i] = rnd();
        /* One call per statement: C leaves the order of the operands'
         * evaluation open, and gcc and clang differ. */
        uint64_t hi = rnd();
        i64a[i] = (int64_t)(hi << 32 | rnd());
        hi = rnd();
        i64b[i] = (int64_t)(hi << 32 | rnd());
        /* In (-1, 1), multiples of 2^-16: exact in f32. */
        f32a[i] = (float)(int32_t)(rnd() & 0x1ffff) / 65536.0f - 1.0f;
        f32b[i] = (float)(int32_t)(rnd() & 0x1ffff) / 65536.0f - 1.0f;
        f64a[i] = (double)(rnd() & 0xfffff) / 1024.0 - 512.0;
        f64b[i] = (double)(rnd() & 0xfffff) / 8.0 - 65536.0;
    }
    for (size_t i = 0; i < M * M; i++) {
        ma[i] = (float)(int32_t)(rnd() & 0xffff) / 32768.0f - 1.0f;
        mb[i] = (float)(int32_t)(rnd() & 0xffff) / 32768.0f - 1.0f;
    }
    /* Extremes the loops must handle. */
    i16a[0] = INT16_MIN;
    i16b[0] = INT16_MIN;
    i16a[1] = INT16_MAX;
    i32a[2] = INT32_MIN;
    i32a[3] = INT32_MAX;
    i64a[4] = INT64_MIN;
    u8a[5] = 255;
    u8b[5] = 255;
}

static void autovectorised(void) {
    add_sat_u8(u8out, u8a, u8b, N);
    printf("u8 saturating add: %08" PRIx32 "\n", digest(u8out, N));
    sub_sat_u8(u8out, u8a, u8b, N);
    printf("u8 saturating sub: %08" PRIx32 "\n", digest(u8out, N));
    alpha_blend(u8out, u8a, u8b, u8c, N);
    printf("u8 alpha blend: %08" PRIx32 " (first %u %u %u)\n", digest(u8out, N), u8out[0], u8out[1],
           u8out[N - 1]);
    average_u8(u8out, u8a, u8c, N);
    printf("u8 rounding average: %08" PRIx32 "\n", digest(u8out, N));
    printf("u8 sum of absolute differences: %" PRIu32 "\n", sad_u8(u8a, u8c, N));
    printf("u8 max: %u (of %u elements)\n", max_u8(u8c, N - 6), N - 6);
    printf("count of byte 0x41: %" PRIu32 "\n", count_byte(u8b, N, 0x41));

    printf("i16 dot product: %" PRIu32 "\n", dot_i16(i16a, i16b, N));
    abs_i16(i16out, i16a, N);
    printf("i16 abs: %08" PRIx32 " (abs(-32768) = %d)\n", digest(i16out, N * 2), i16out[0]);

    unsigned shift = rng_state % 29 + 3;
    mix_u32(u32out, u32a, u32b, shift, N);
    printf("u32 mix, shift %u: %08" PRIx32 "\n", shift, digest(u32out, N * 4));
    select_i32(i32out, i32a, i32b, N);
    printf("i32 select: %08" PRIx32 "\n", digest(i32out, N * 4));
    int32_t lo, hi;
    min_max_i32(i32a + 4, N - 4, &lo, &hi);
    printf("i32 min %" PRId32 " max %" PRId32 "\n", lo, hi);
    printf("u32 popcount sum: %" PRIu32 "\n", popcount_sum(u32a, N));

    mul_add_i64(i64out, i64a, i64b, shift, N);
    printf("i64 multiply-add: %08" PRIx32 "\n", digest(i64out, N * 8));
    min_i64(i64out, i64a, i64b, N);
    printf("i64 min: %08" PRIx32 "\n", digest(i64out, N * 8));

    matmul_f32(mc, ma, mb, M);
    printf("f32 matmul %dx%d: %08" PRIx32 " (c[0][0] bits %08" PRIx32 ")\n", M, M,
           digest(mc, sizeof mc), f32_bits(mc[0]));
    const float kernel[5] = {0.0625f, 0.25f, 0.375f, 0.25f, 0.0625f};
    conv5_f32(f32out, f32a, kernel, N);
    printf("f32 5-tap convolution: %08" PRIx32 "\n", digest(f32out, (N - 4) * 4));
    pmin_f32(f32out, f32a, f32b, N);
    printf("f32 select-min: %08" PRIx32 "\n", digest(f32out, N * 4));
    sqrt_axpy_f64(f64b, f64a, 1.0 / 3.0, N);
    printf("f64 a*x + sqrt|y|: %08" PRIx32 " (y[0] bits %016" PRIx64 ")\n", digest(f64b, N * 8),
           f64_bits(f64b[0]));
    i32_to_f32(f32out, i32a, N);
    printf("i32 -> f32: %08" PRIx32 "\n", digest(f32out, N * 4));
    f32_to_i32(i32out, f32a, N);
    printf("f32 -> i32: %08" PRIx32 "\n", digest(i32out, N * 4));
    f32_to_u8(u8out, f32b, N);
    printf("f32 -> u8 clamped: %08" PRIx32 "\n", digest(u8out, N));
}

/* ------------------------------------------------------------------ */
/* Part 2: kernels written with SIMD intrinsics.                       */
/* ------------------------------------------------------------------ */

/* Lowercase hex of n bytes: each nibble looks its digit up with swizzle,
 * and shuffles interleave high and low digits. */
NOINLINE static void hex_encode(char *out, const uint8_t *in, size_t n) {
    const v128_t digits = wasm_i8x16_make('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a',
                                          'b', 'c', 'd', 'e', 'f');
    const v128_t low4 = wasm_i8x16_splat(0x0f);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(in + i);
        v128_t hi = wasm_i8x16_swizzle(digits, wasm_u8x16_shr(v, 4));
        v128_t lo = wasm_i8x16_swizzle(digits, wasm_v128_and(v, low4));
        wasm_v128_store(out + 2 * i, wasm_i8x16_shuffle(hi, lo, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20,
                                                        5, 21, 6, 22, 7, 23));
        wasm_v128_store(out + 2 * i + 16, wasm_i8x16_shuffle(hi, lo, 8, 24, 9, 25, 10, 26, 11, 27,
                                                             12, 28, 13, 29, 14, 30, 15, 31));
    }
    for (; i < n; i++) {
        out[2 * i] = "0123456789abcdef"[in[i] >> 4];
        out[2 * i + 1] = "0123456789abcdef"[in[i] & 15];
    }
    out[2 * n] = 0;
}

/* How often c occurs in s and where first (-1: nowhere), 16 bytes at a
 * time: compare, any_true to skip, bitmask to locate. Also counts the
 * 16-byte blocks that are all printable ASCII (all_true). */
NOINLINE static void find_byte(const uint8_t *s, size_t n, uint8_t c, uint32_t *count,
                               int32_t *first, uint32_t *printable_blocks) {
    const v128_t needle = wasm_i8x16_splat((int8_t)c);
    const v128_t space = wasm_i8x16_splat(' '), del = wasm_i8x16_splat(0x7f);
    *count = 0;
    *first = -1;
    *printable_blocks = 0;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(s + i);
        v128_t eq = wasm_i8x16_eq(v, needle);
        if (wasm_v128_any_true(eq)) {
            uint32_t mask = wasm_i8x16_bitmask(eq);
            if (*first < 0) *first = (int32_t)i + __builtin_ctz(mask);
            *count += __builtin_popcount(mask);
        }
        v128_t printable = wasm_v128_and(wasm_u8x16_ge(v, space), wasm_u8x16_lt(v, del));
        *printable_blocks += wasm_i8x16_all_true(printable);
    }
    for (; i < n; i++) {
        if (s[i] != c) continue;
        if (*first < 0) *first = (int32_t)i;
        ++*count;
    }
}

/* ASCII case mapping in place: lowercase with an unsigned range check and
 * bitselect; uppercase with the signed-compare trick and andnot. */
NOINLINE static void ascii_lower(uint8_t *s, size_t n) {
    const v128_t a = wasm_i8x16_splat('A' - 1), z = wasm_i8x16_splat('Z'),
                 case_bit = wasm_i8x16_splat(0x20);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(s + i);
        v128_t upper = wasm_v128_and(wasm_u8x16_gt(v, a), wasm_u8x16_le(v, z));
        wasm_v128_store(s + i, wasm_v128_bitselect(wasm_v128_or(v, case_bit), v, upper));
    }
    for (; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z') s[i] |= 0x20;
}

NOINLINE static void ascii_upper(uint8_t *s, size_t n) {
    /* c - 'a' - 128 < 26 - 128 (signed) exactly when c is in 'a'..'z'. */
    const v128_t bias = wasm_i8x16_splat((int8_t)('a' + 128)), limit = wasm_i8x16_splat(26 - 128),
                 case_bit = wasm_i8x16_splat(0x20);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(s + i);
        v128_t lower = wasm_i8x16_lt(wasm_i8x16_sub(v, bias), limit);
        wasm_v128_store(s + i, wasm_v128_andnot(v, wasm_v128_and(lower, case_bit)));
    }
    for (; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') s[i] &= ~0x20;
}

/* Planar RGB to grey, (77 R + 150 G + 29 B + 128) >> 8, 16 pixels at a
 * time in 16-bit lanes. */
NOINLINE static void rgb_to_grey(uint8_t *out, const uint8_t *r, const uint8_t *g, const uint8_t *b,
                                 size_t n) {
    const v128_t kr = wasm_i8x16_splat(77), kg = wasm_i16x8_splat(150), kb = wasm_i16x8_splat(29),
                 half = wasm_i16x8_splat(128);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t vr = wasm_v128_load(r + i), vg = wasm_v128_load(g + i), vb = wasm_v128_load(b + i);
        v128_t lo = wasm_u16x8_extmul_low_u8x16(vr, kr);
        lo = wasm_i16x8_add(lo, wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(vg), kg));
        lo = wasm_i16x8_add(lo, wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(vb), kb));
        lo = wasm_u16x8_shr(wasm_i16x8_add(lo, half), 8);
        v128_t hi = wasm_u16x8_extmul_high_u8x16(vr, kr);
        hi = wasm_i16x8_add(hi, wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(vg), kg));
        hi = wasm_i16x8_add(hi, wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(vb), kb));
        hi = wasm_u16x8_shr(wasm_i16x8_add(hi, half), 8);
        wasm_v128_store(out + i, wasm_u8x16_narrow_i16x8(lo, hi));
    }
    for (; i < n; i++) out[i] = (77 * r[i] + 150 * g[i] + 29 * b[i] + 128) >> 8;
}

/* Q15 audio: mix two signals with gains (q15mulr, saturating add), and
 * gather the peak, the energy (dot), a correlation (extmul), the summed
 * difference (extadd) and a rounding average. n is a multiple of 8. */
NOINLINE static void mix_q15(int16_t *out, const int16_t *x, const int16_t *y, int16_t gx,
                             int16_t gy, size_t n, v128_t stats[5]) {
    const v128_t vgx = wasm_i16x8_splat(gx), vgy = wasm_i16x8_splat(gy);
    v128_t peak = wasm_i16x8_splat(0), energy = wasm_i32x4_splat(0), corr = energy, diff = energy,
           avg = energy;
    for (size_t i = 0; i < n; i += 8) {
        v128_t a = wasm_v128_load(x + i), b = wasm_v128_load(y + i);
        v128_t m = wasm_i16x8_add_sat(wasm_i16x8_q15mulr_sat(a, vgx), wasm_i16x8_q15mulr_sat(b, vgy));
        wasm_v128_store(out + i, m);
        peak = wasm_u16x8_max(peak, wasm_i16x8_abs(m));
        energy = wasm_i32x4_add(energy, wasm_i32x4_dot_i16x8(m, m));
        corr = wasm_i32x4_add(corr, wasm_i32x4_extmul_low_i16x8(a, b));
        corr = wasm_i32x4_sub(corr, wasm_i32x4_extmul_high_i16x8(a, b));
        diff = wasm_i32x4_add(diff, wasm_i32x4_extadd_pairwise_i16x8(wasm_i16x8_sub_sat(a, b)));
        avg = wasm_v128_xor(avg, wasm_u16x8_avgr(a, b));
    }
    stats[0] = peak;
    stats[1] = energy;
    stats[2] = corr;
    stats[3] = diff;
    stats[4] = avg;
}

/* Inclusive prefix sums of i32, four lanes at a time: add the vector
 * shifted by one lane and by two lanes (shuffles with zero), then the
 * running total, broadcast from the last lane. n is a multiple of 4. */
NOINLINE static void prefix_sum_i32(int32_t *out, const int32_t *in, size_t n) {
    const v128_t zero = wasm_i32x4_splat(0);
    v128_t carry = zero;
    for (size_t i = 0; i < n; i += 4) {
        v128_t v = wasm_v128_load(in + i);
        v = wasm_i32x4_add(v, wasm_i32x4_shuffle(zero, v, 3, 4, 5, 6));
        v = wasm_i32x4_add(v, wasm_i32x4_shuffle(zero, v, 2, 3, 4, 5));
        v = wasm_i32x4_add(v, carry);
        wasm_v128_store(out + i, v);
        carry = wasm_i32x4_shuffle(v, v, 3, 3, 3, 3);
    }
}

/* Bytes per popcount, summed in widening steps (u8 -> u16 -> u32). */
NOINLINE static uint32_t popcount_bytes(const uint8_t *s, size_t n) {
    v128_t total = wasm_i32x4_splat(0);
    for (size_t i = 0; i + 16 <= n; i += 16) {
        v128_t counts = wasm_i8x16_popcnt(wasm_v128_load(s + i));
        total = wasm_i32x4_add(
            total, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(counts)));
    }
    return (uint32_t)wasm_i32x4_extract_lane(total, 0) + (uint32_t)wasm_i32x4_extract_lane(total, 1) +
           (uint32_t)wasm_i32x4_extract_lane(total, 2) + (uint32_t)wasm_i32x4_extract_lane(total, 3);
}

static void show_bytes(const char *name, v128_t v) {
    uint8_t b[16];
    wasm_v128_store(b, v);
    printf("%s:", name);
    for (int i = 0; i < 16; i++) printf(" %02x", b[i]);
    printf("\n");
}

static void show_i16(const char *name, v128_t v) {
    int16_t l[8];
    wasm_v128_store(l, v);
    printf("%s:", name);
    for (int i = 0; i < 8; i++) printf(" %d", l[i]);
    printf("\n");
}

static void show_i32(const char *name, v128_t v) {
    int32_t l[4];
    wasm_v128_store(l, v);
    printf("%s:", name);
    for (int i = 0; i < 4; i++) printf(" %" PRId32, l[i]);
    printf("\n");
}

static void show_i64(const char *name, v128_t v) {
    int64_t l[2];
    wasm_v128_store(l, v);
    printf("%s: %" PRId64 " %" PRId64 "\n", name, l[0], l[1]);
}

/* Floats as bits; a NaN's sign and payload are not specified. */
static void show_f32(const char *name, v128_t v) {
    float l[4];
    wasm_v128_store(l, v);
    printf("%s:", name);
    for (int i = 0; i < 4; i++) {
        if (l[i] != l[i])
            printf(" nan");
        else
            printf(" %08" PRIx32, f32_bits(l[i]));
    }
    printf("\n");
}

static void show_f64(const char *name, v128_t v) {
    double l[2];
    wasm_v128_store(l, v);
    printf("%s:", name);
    for (int i = 0; i < 2; i++) {
        if (l[i] != l[i])
            printf(" nan");
        else
            printf(" %016" PRIx64, f64_bits(l[i]));
    }
    printf("\n");
}

static uint8_t text[N + 1], planes[3][N], grey[N];
static char hex[2 * N + 1];
static int16_t audio[3][N];
static int32_t sums[N];

static void kernels(void) {
    hex_encode(hex, u8a, 40);
    printf("hex of 40 bytes: %s\n", hex);
    hex_encode(hex, u8a, N);
    printf("hex of %d bytes: %08" PRIx32 "\n", N, digest(hex, 2 * N));

    /* Text: mostly printable, a run of tabs, a few marks to find. */
    for (size_t i = 0; i < N; i++) text[i] = ' ' + rnd() % 95;
    for (size_t i = 1000; i < 1040; i++) text[i] = '\t';
    text[700] = '#';
    text[N - 2] = '#';
    uint32_t count, printable;
    int32_t first;
    find_byte(text, N, '#', &count, &first, &printable);
    printf("find '#': %" PRIu32 " times, first at %" PRId32 ", %" PRIu32 " printable blocks\n", count,
           first, printable);
    find_byte(text, N, 0x80, &count, &first, &printable);
    printf("find 0x80: %" PRIu32 " times, first at %" PRId32 "\n", count, first);
    ascii_lower(text, N);
    printf("lowercase: %08" PRIx32 " %.24s\n", digest(text, N), (const char *)text + 64);
    ascii_upper(text, N);
    printf("uppercase: %08" PRIx32 " %.24s\n", digest(text, N), (const char *)text + 64);

    for (size_t i = 0; i < N; i++) {
        uint32_t r = rnd();
        planes[0][i] = r;
        planes[1][i] = r >> 8;
        planes[2][i] = r >> 16;
    }
    memset(planes[0], 255, 16);
    memset(planes[1], 255, 16);
    memset(planes[2], 255, 16);
    rgb_to_grey(grey, planes[0], planes[1], planes[2], N);
    printf("rgb -> grey: %08" PRIx32 " (white -> %u)\n", digest(grey, N), grey[0]);

    for (size_t i = 0; i < N; i++) {
        audio[0][i] = rnd();
        audio[1][i] = (int16_t)(rnd() % 20001) - 10000;
    }
    audio[0][0] = INT16_MIN;
    audio[1][0] = INT16_MIN;
    audio[0][1] = INT16_MAX;
    audio[1][1] = INT16_MAX;
    v128_t stats[5];
    mix_q15(audio[2], audio[0], audio[1], (int16_t)0x8000, 0x6000, N & ~7u, stats);
    printf("q15 mix: %08" PRIx32 " (first %d %d)\n", digest(audio[2], (N & ~7u) * 2), audio[2][0],
           audio[2][1]);
    show_i16("q15 peak", stats[0]);
    show_i32("q15 energy", stats[1]);
    show_i32("q15 correlation", stats[2]);
    show_i32("q15 difference", stats[3]);
    show_i16("q15 average", stats[4]);

    prefix_sum_i32(sums, i32a, N & ~3u);
    printf("i32 prefix sums: %08" PRIx32 " (last %" PRId32 ")\n", digest(sums, (N & ~3u) * 4),
           sums[(N & ~3u) - 1]);
    printf("popcount of %d bytes: %" PRIu32 "\n", N & ~15u, popcount_bytes(u8a, N));
}

/* ------------------------------------------------------------------ */
/* Part 3: every operator family on edge-case lanes.                   */
/* ------------------------------------------------------------------ */

/* Not static and not const: the compiler cannot fold these. */
uint8_t edge_bytes[2][16] = {
    {0x00, 0x01, 0x7f, 0x80, 0x81, 0xff, 0xfe, 0x40, 0x3f, 0xc0, 0x10, 0xef, 0x55, 0xaa, 0x02, 0x7e},
    {0x00, 0xff, 0x7f, 0x80, 0x7f, 0x01, 0x80, 0x40, 0xc1, 0xc0, 0xf0, 0x11, 0xaa, 0x55, 0xfe, 0x81},
};
int16_t edge_i16[2][8] = {
    {0, -32768, 32767, -1, 1, -32768, 16384, -12345},
    {0, -32768, 1, -1, -32768, 32767, 16384, 23456},
};
int32_t edge_i32[2][4] = {
    {INT32_MIN, INT32_MAX, -1, 16777217},
    {INT32_MIN, 1, 1, -16777217},
};
int64_t edge_i64[2][2] = {{INT64_MIN, -3}, {-1, INT64_MAX}};
/* Each float vector meets the next (the last meets the first), so the
 * lanes pair -0 with +0, NaN with numbers and infinities, and so on. */
uint32_t edge_f32[4][4] = {
    /* -0, +0, NaN, -inf | 1.5, -2.5, 0.5, -0.5 | denormal, 2.5, 3e9, -3e9 |
     * +0, -0, -inf, +inf */
    {0x80000000, 0x00000000, 0x7fc00000, 0xff800000},
    {0x3fc00000, 0xc0200000, 0x3f000000, 0xbf000000},
    {0x00000005, 0x40200000, 0x4f32d05e, 0xcf32d05e},
    {0x00000000, 0x80000000, 0xff800000, 0x7f800000},
};
uint64_t edge_f64[4][2] = {
    /* +0, -0 | 2.5, -inf | 1e300, smallest denormal | -0, NaN */
    {0x0000000000000000, 0x8000000000000000},
    {0x4004000000000000, 0xfff0000000000000},
    {0x7e37e43c8800759c, 0x0000000000000001},
    {0x8000000000000000, 0x7ff8000000000000},
};
uint32_t shift_counts[3] = {1, 7, 9};
uint8_t zero_bytes[16], one_bytes[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

static void integer_ops(v128_t a, v128_t b) {
    show_bytes("  i8x16.add", wasm_i8x16_add(a, b));
    show_bytes("  i8x16.sub", wasm_i8x16_sub(a, b));
    show_bytes("  i8x16.neg", wasm_i8x16_neg(a));
    show_bytes("  i8x16.abs", wasm_i8x16_abs(a));
    show_bytes("  i8x16.add_sat_s", wasm_i8x16_add_sat(a, b));
    show_bytes("  i8x16.add_sat_u", wasm_u8x16_add_sat(a, b));
    show_bytes("  i8x16.sub_sat_s", wasm_i8x16_sub_sat(a, b));
    show_bytes("  i8x16.sub_sat_u", wasm_u8x16_sub_sat(a, b));
    show_bytes("  i8x16.min_s", wasm_i8x16_min(a, b));
    show_bytes("  i8x16.min_u", wasm_u8x16_min(a, b));
    show_bytes("  i8x16.max_s", wasm_i8x16_max(a, b));
    show_bytes("  i8x16.max_u", wasm_u8x16_max(a, b));
    show_bytes("  i8x16.avgr_u", wasm_u8x16_avgr(a, b));
    show_bytes("  i8x16.popcnt", wasm_i8x16_popcnt(a));
    show_bytes("  i8x16.eq", wasm_i8x16_eq(a, b));
    show_bytes("  i8x16.ne", wasm_i8x16_ne(a, b));
    show_bytes("  i8x16.lt_s", wasm_i8x16_lt(a, b));
    show_bytes("  i8x16.lt_u", wasm_u8x16_lt(a, b));
    show_bytes("  i8x16.gt_s", wasm_i8x16_gt(a, b));
    show_bytes("  i8x16.gt_u", wasm_u8x16_gt(a, b));
    show_bytes("  i8x16.le_s", wasm_i8x16_le(a, b));
    show_bytes("  i8x16.le_u", wasm_u8x16_le(a, b));
    show_bytes("  i8x16.ge_s", wasm_i8x16_ge(a, b));
    show_bytes("  i8x16.ge_u", wasm_u8x16_ge(a, b));
    for (int s = 0; s < 3; s++) {
        printf("  shift by %" PRIu32 "\n", shift_counts[s]);
        show_bytes("    i8x16.shl", wasm_i8x16_shl(a, shift_counts[s]));
        show_bytes("    i8x16.shr_s", wasm_i8x16_shr(a, shift_counts[s]));
        show_bytes("    i8x16.shr_u", wasm_u8x16_shr(a, shift_counts[s]));
        show_i16("    i16x8.shl", wasm_i16x8_shl(a, shift_counts[s] + 8));
        show_i16("    i16x8.shr_s", wasm_i16x8_shr(a, shift_counts[s] + 8));
        show_i16("    i16x8.shr_u", wasm_u16x8_shr(a, shift_counts[s] + 8));
        show_i32("    i32x4.shl", wasm_i32x4_shl(a, shift_counts[s] + 24));
        show_i32("    i32x4.shr_s", wasm_i32x4_shr(a, shift_counts[s] + 24));
        show_i32("    i32x4.shr_u", wasm_u32x4_shr(a, shift_counts[s] + 24));
        show_i64("    i64x2.shl", wasm_i64x2_shl(a, shift_counts[s] + 56));
        show_i64("    i64x2.shr_s", wasm_i64x2_shr(a, shift_counts[s] + 56));
        show_i64("    i64x2.shr_u", wasm_u64x2_shr(a, shift_counts[s] + 56));
    }
    printf("  i8x16 narrow, extend, bitmask, all_true\n");
    show_bytes("    i8x16.narrow_i16x8_s", wasm_i8x16_narrow_i16x8(a, b));
    show_bytes("    i8x16.narrow_i16x8_u", wasm_u8x16_narrow_i16x8(a, b));
    show_i16("    i16x8.extend_low_i8x16_s", wasm_i16x8_extend_low_i8x16(a));
    show_i16("    i16x8.extend_high_i8x16_s", wasm_i16x8_extend_high_i8x16(a));
    show_i16("    i16x8.extend_high_i8x16_u", wasm_u16x8_extend_high_u8x16(a));
    show_i16("    i16x8.extadd_pairwise_i8x16_s", wasm_i16x8_extadd_pairwise_i8x16(a));
    show_i16("    i16x8.extadd_pairwise_i8x16_u", wasm_u16x8_extadd_pairwise_u8x16(a));
    show_i16("    i16x8.extmul_low_i8x16_s", wasm_i16x8_extmul_low_i8x16(a, b));
    show_i16("    i16x8.extmul_high_i8x16_s", wasm_i16x8_extmul_high_i8x16(a, b));
    show_i16("    i16x8.extmul_low_i8x16_u", wasm_u16x8_extmul_low_u8x16(a, b));
    show_i16("    i16x8.extmul_high_i8x16_u", wasm_u16x8_extmul_high_u8x16(a, b));
    printf("    i8x16.bitmask: %04" PRIx32 ", all_true %d, any_true %d\n", wasm_i8x16_bitmask(a),
           wasm_i8x16_all_true(a), wasm_v128_any_true(a));

    printf("  i16x8\n");
    show_i16("    i16x8.add", wasm_i16x8_add(a, b));
    show_i16("    i16x8.sub", wasm_i16x8_sub(a, b));
    show_i16("    i16x8.mul", wasm_i16x8_mul(a, b));
    show_i16("    i16x8.neg", wasm_i16x8_neg(a));
    show_i16("    i16x8.abs", wasm_i16x8_abs(a));
    show_i16("    i16x8.add_sat_s", wasm_i16x8_add_sat(a, b));
    show_i16("    i16x8.add_sat_u", wasm_u16x8_add_sat(a, b));
    show_i16("    i16x8.sub_sat_s", wasm_i16x8_sub_sat(a, b));
    show_i16("    i16x8.sub_sat_u", wasm_u16x8_sub_sat(a, b));
    show_i16("    i16x8.min_s", wasm_i16x8_min(a, b));
    show_i16("    i16x8.min_u", wasm_u16x8_min(a, b));
    show_i16("    i16x8.max_s", wasm_i16x8_max(a, b));
    show_i16("    i16x8.max_u", wasm_u16x8_max(a, b));
    show_i16("    i16x8.avgr_u", wasm_u16x8_avgr(a, b));
    show_i16("    i16x8.q15mulr_sat_s", wasm_i16x8_q15mulr_sat(a, b));
    show_i16("    i16x8.eq", wasm_i16x8_eq(a, b));
    show_i16("    i16x8.ne", wasm_i16x8_ne(a, b));
    show_i16("    i16x8.lt_s", wasm_i16x8_lt(a, b));
    show_i16("    i16x8.lt_u", wasm_u16x8_lt(a, b));
    show_i16("    i16x8.gt_s", wasm_i16x8_gt(a, b));
    show_i16("    i16x8.gt_u", wasm_u16x8_gt(a, b));
    show_i16("    i16x8.le_s", wasm_i16x8_le(a, b));
    show_i16("    i16x8.le_u", wasm_u16x8_le(a, b));
    show_i16("    i16x8.ge_s", wasm_i16x8_ge(a, b));
    show_i16("    i16x8.ge_u", wasm_u16x8_ge(a, b));
    show_i16("    i16x8.narrow_i32x4_s", wasm_i16x8_narrow_i32x4(a, b));
    show_i16("    i16x8.narrow_i32x4_u", wasm_u16x8_narrow_i32x4(a, b));
    show_i32("    i32x4.extend_low_i16x8_s", wasm_i32x4_extend_low_i16x8(a));
    show_i32("    i32x4.extend_high_i16x8_s", wasm_i32x4_extend_high_i16x8(a));
    show_i32("    i32x4.extend_low_i16x8_u", wasm_u32x4_extend_low_u16x8(a));
    show_i32("    i32x4.extend_high_i16x8_u", wasm_u32x4_extend_high_u16x8(a));
    show_i32("    i32x4.extadd_pairwise_i16x8_s", wasm_i32x4_extadd_pairwise_i16x8(a));
    show_i32("    i32x4.extadd_pairwise_i16x8_u", wasm_u32x4_extadd_pairwise_u16x8(a));
    show_i32("    i32x4.extmul_low_i16x8_s", wasm_i32x4_extmul_low_i16x8(a, b));
    show_i32("    i32x4.extmul_low_i16x8_u", wasm_u32x4_extmul_low_u16x8(a, b));
    show_i32("    i32x4.extmul_high_i16x8_u", wasm_u32x4_extmul_high_u16x8(a, b));
    show_i32("    i32x4.dot_i16x8_s", wasm_i32x4_dot_i16x8(a, b));
    printf("    i16x8.bitmask: %02" PRIx32 ", all_true %d\n", wasm_i16x8_bitmask(a),
           wasm_i16x8_all_true(a));

    printf("  i32x4\n");
    show_i32("    i32x4.add", wasm_i32x4_add(a, b));
    show_i32("    i32x4.sub", wasm_i32x4_sub(a, b));
    show_i32("    i32x4.mul", wasm_i32x4_mul(a, b));
    show_i32("    i32x4.neg", wasm_i32x4_neg(a));
    show_i32("    i32x4.abs", wasm_i32x4_abs(a));
    show_i32("    i32x4.min_s", wasm_i32x4_min(a, b));
    show_i32("    i32x4.min_u", wasm_u32x4_min(a, b));
    show_i32("    i32x4.max_s", wasm_i32x4_max(a, b));
    show_i32("    i32x4.max_u", wasm_u32x4_max(a, b));
    show_i32("    i32x4.eq", wasm_i32x4_eq(a, b));
    show_i32("    i32x4.ne", wasm_i32x4_ne(a, b));
    show_i32("    i32x4.lt_s", wasm_i32x4_lt(a, b));
    show_i32("    i32x4.lt_u", wasm_u32x4_lt(a, b));
    show_i32("    i32x4.gt_s", wasm_i32x4_gt(a, b));
    show_i32("    i32x4.gt_u", wasm_u32x4_gt(a, b));
    show_i32("    i32x4.le_s", wasm_i32x4_le(a, b));
    show_i32("    i32x4.le_u", wasm_u32x4_le(a, b));
    show_i32("    i32x4.ge_s", wasm_i32x4_ge(a, b));
    show_i32("    i32x4.ge_u", wasm_u32x4_ge(a, b));
    show_i64("    i64x2.extend_low_i32x4_s", wasm_i64x2_extend_low_i32x4(a));
    show_i64("    i64x2.extend_high_i32x4_s", wasm_i64x2_extend_high_i32x4(a));
    show_i64("    i64x2.extend_low_i32x4_u", wasm_u64x2_extend_low_u32x4(a));
    show_i64("    i64x2.extend_high_i32x4_u", wasm_u64x2_extend_high_u32x4(a));
    show_i64("    i64x2.extmul_low_i32x4_s", wasm_i64x2_extmul_low_i32x4(a, b));
    show_i64("    i64x2.extmul_high_i32x4_s", wasm_i64x2_extmul_high_i32x4(a, b));
    show_i64("    i64x2.extmul_low_i32x4_u", wasm_u64x2_extmul_low_u32x4(a, b));
    show_i64("    i64x2.extmul_high_i32x4_u", wasm_u64x2_extmul_high_u32x4(a, b));
    printf("    i32x4.bitmask: %" PRIx32 ", all_true %d\n", wasm_i32x4_bitmask(a),
           wasm_i32x4_all_true(a));

    printf("  i64x2\n");
    show_i64("    i64x2.add", wasm_i64x2_add(a, b));
    show_i64("    i64x2.sub", wasm_i64x2_sub(a, b));
    show_i64("    i64x2.mul", wasm_i64x2_mul(a, b));
    show_i64("    i64x2.neg", wasm_i64x2_neg(a));
    show_i64("    i64x2.abs", wasm_i64x2_abs(a));
    show_i64("    i64x2.eq", wasm_i64x2_eq(a, b));
    show_i64("    i64x2.ne", wasm_i64x2_ne(a, b));
    show_i64("    i64x2.lt_s", wasm_i64x2_lt(a, b));
    show_i64("    i64x2.gt_s", wasm_i64x2_gt(a, b));
    show_i64("    i64x2.le_s", wasm_i64x2_le(a, b));
    show_i64("    i64x2.ge_s", wasm_i64x2_ge(a, b));
    printf("    i64x2.bitmask: %" PRIx32 ", all_true %d\n", wasm_i64x2_bitmask(a),
           wasm_i64x2_all_true(a));

    printf("  v128\n");
    show_bytes("    v128.not", wasm_v128_not(a));
    show_bytes("    v128.and", wasm_v128_and(a, b));
    show_bytes("    v128.or", wasm_v128_or(a, b));
    show_bytes("    v128.xor", wasm_v128_xor(a, b));
    show_bytes("    v128.andnot", wasm_v128_andnot(a, b));
    show_bytes("    v128.bitselect", wasm_v128_bitselect(a, b, wasm_i8x16_swizzle(b, a)));
    show_bytes("    i8x16.swizzle", wasm_i8x16_swizzle(a, b));
    show_bytes("    i8x16.shuffle", wasm_i8x16_shuffle(a, b, 31, 0, 30, 1, 29, 2, 28, 3, 16, 15,
                                                       17, 14, 5, 5, 20, 20));
}

static void float_ops(v128_t a, v128_t b) {
    show_f32("  f32x4.add", wasm_f32x4_add(a, b));
    show_f32("  f32x4.sub", wasm_f32x4_sub(a, b));
    show_f32("  f32x4.mul", wasm_f32x4_mul(a, b));
    show_f32("  f32x4.div", wasm_f32x4_div(a, b));
    show_f32("  f32x4.min", wasm_f32x4_min(a, b));
    show_f32("  f32x4.max", wasm_f32x4_max(a, b));
    show_f32("  f32x4.pmin", wasm_f32x4_pmin(a, b));
    show_f32("  f32x4.pmax", wasm_f32x4_pmax(a, b));
    show_f32("  f32x4.sqrt", wasm_f32x4_sqrt(a));
    show_f32("  f32x4.abs", wasm_f32x4_abs(a));
    show_f32("  f32x4.neg", wasm_f32x4_neg(a));
    show_f32("  f32x4.ceil", wasm_f32x4_ceil(a));
    show_f32("  f32x4.floor", wasm_f32x4_floor(a));
    show_f32("  f32x4.trunc", wasm_f32x4_trunc(a));
    show_f32("  f32x4.nearest", wasm_f32x4_nearest(a));
    show_i32("  f32x4.eq", wasm_f32x4_eq(a, b));
    show_i32("  f32x4.ne", wasm_f32x4_ne(a, b));
    show_i32("  f32x4.lt", wasm_f32x4_lt(a, b));
    show_i32("  f32x4.gt", wasm_f32x4_gt(a, b));
    show_i32("  f32x4.le", wasm_f32x4_le(a, b));
    show_i32("  f32x4.ge", wasm_f32x4_ge(a, b));
    show_i32("  i32x4.trunc_sat_f32x4_s", wasm_i32x4_trunc_sat_f32x4(a));
    show_i32("  i32x4.trunc_sat_f32x4_u", wasm_u32x4_trunc_sat_f32x4(a));
    show_f32("  f32x4.convert_i32x4_s", wasm_f32x4_convert_i32x4(a));
    show_f32("  f32x4.convert_i32x4_u", wasm_f32x4_convert_u32x4(a));
    show_f64("  f64x2.promote_low_f32x4", wasm_f64x2_promote_low_f32x4(a));
    show_f64("  f64x2.convert_low_i32x4_s", wasm_f64x2_convert_low_i32x4(a));
    show_f64("  f64x2.convert_low_i32x4_u", wasm_f64x2_convert_low_u32x4(a));
}

static void double_ops(v128_t a, v128_t b) {
    show_f64("  f64x2.add", wasm_f64x2_add(a, b));
    show_f64("  f64x2.sub", wasm_f64x2_sub(a, b));
    show_f64("  f64x2.mul", wasm_f64x2_mul(a, b));
    show_f64("  f64x2.div", wasm_f64x2_div(a, b));
    show_f64("  f64x2.min", wasm_f64x2_min(a, b));
    show_f64("  f64x2.max", wasm_f64x2_max(a, b));
    show_f64("  f64x2.pmin", wasm_f64x2_pmin(a, b));
    show_f64("  f64x2.pmax", wasm_f64x2_pmax(a, b));
    show_f64("  f64x2.sqrt", wasm_f64x2_sqrt(a));
    show_f64("  f64x2.abs", wasm_f64x2_abs(a));
    show_f64("  f64x2.neg", wasm_f64x2_neg(a));
    show_f64("  f64x2.ceil", wasm_f64x2_ceil(a));
    show_f64("  f64x2.floor", wasm_f64x2_floor(a));
    show_f64("  f64x2.trunc", wasm_f64x2_trunc(a));
    show_f64("  f64x2.nearest", wasm_f64x2_nearest(a));
    show_i64("  f64x2.eq", wasm_f64x2_eq(a, b));
    show_i64("  f64x2.ne", wasm_f64x2_ne(a, b));
    show_i64("  f64x2.lt", wasm_f64x2_lt(a, b));
    show_i64("  f64x2.gt", wasm_f64x2_gt(a, b));
    show_i64("  f64x2.le", wasm_f64x2_le(a, b));
    show_i64("  f64x2.ge", wasm_f64x2_ge(a, b));
    show_i32("  i32x4.trunc_sat_f64x2_s_zero", wasm_i32x4_trunc_sat_f64x2_zero(a));
    show_i32("  i32x4.trunc_sat_f64x2_u_zero", wasm_u32x4_trunc_sat_f64x2_zero(a));
    show_f32("  f32x4.demote_f64x2_zero", wasm_f32x4_demote_f64x2_zero(a));
}

/* Loads and stores of parts of a vector, at unaligned addresses. */
static void memory_ops(void) {
    uint8_t mem[32], out[32];
    for (int i = 0; i < 32; i++) mem[i] = (uint8_t)rnd() | 0x81 * (i % 3 == 0);
    v128_t base = wasm_v128_load(mem + 9);
    show_bytes("  v128.load (unaligned)", base);
    show_bytes("  v128.load8_splat", wasm_v128_load8_splat(mem + 3));
    show_bytes("  v128.load16_splat", wasm_v128_load16_splat(mem + 5));
    show_bytes("  v128.load32_splat", wasm_v128_load32_splat(mem + 7));
    show_bytes("  v128.load64_splat", wasm_v128_load64_splat(mem + 1));
    show_bytes("  v128.load32_zero", wasm_v128_load32_zero(mem + 2));
    show_bytes("  v128.load64_zero", wasm_v128_load64_zero(mem + 11));
    show_bytes("  v128.load8_lane 13", wasm_v128_load8_lane(mem + 30, base, 13));
    show_bytes("  v128.load16_lane 6", wasm_v128_load16_lane(mem + 3, base, 6));
    show_bytes("  v128.load32_lane 1", wasm_v128_load32_lane(mem + 21, base, 1));
    show_bytes("  v128.load64_lane 1", wasm_v128_load64_lane(mem + 15, base, 1));
    show_i16("  v128.load8x8_s", wasm_i16x8_load8x8(mem + 1));
    show_i16("  v128.load8x8_u", wasm_u16x8_load8x8(mem + 1));
    show_i32("  v128.load16x4_s", wasm_i32x4_load16x4(mem + 3));
    show_i32("  v128.load16x4_u", wasm_u32x4_load16x4(mem + 3));
    show_i64("  v128.load32x2_s", wasm_i64x2_load32x2(mem + 5));
    show_i64("  v128.load32x2_u", wasm_u64x2_load32x2(mem + 5));
    memset(out, 0xee, sizeof out);
    wasm_v128_store8_lane(out + 1, base, 15);
    wasm_v128_store16_lane(out + 3, base, 7);
    wasm_v128_store32_lane(out + 7, base, 2);
    wasm_v128_store64_lane(out + 13, base, 1);
    wasm_v128_store(out + 16, base);
    show_bytes("  v128.store*_lane", wasm_v128_load(out));
    show_bytes("  v128.store (unaligned)", wasm_v128_load(out + 16));
}

/* Splats, lane reads and writes of every shape. */
static void lane_ops(v128_t a) {
    printf("  i8x16.extract_lane_s 3: %d, _u: %u\n", wasm_i8x16_extract_lane(a, 3),
           wasm_u8x16_extract_lane(a, 3));
    printf("  i16x8.extract_lane_s 5: %d, _u: %u\n", wasm_i16x8_extract_lane(a, 5),
           wasm_u16x8_extract_lane(a, 5));
    printf("  i32x4.extract_lane 3: %" PRId32 "\n", wasm_i32x4_extract_lane(a, 3));
    printf("  i64x2.extract_lane 1: %" PRId64 "\n", wasm_i64x2_extract_lane(a, 1));
    /* Random bits: a NaN prints as "nan". */
    float f = wasm_f32x4_extract_lane(a, 2);
    double d = wasm_f64x2_extract_lane(a, 0);
    printf("  f32x4.extract_lane 2: %08" PRIx32 "\n", f == f ? f32_bits(f) : 0xffffffff);
    printf("  f64x2.extract_lane 0: %016" PRIx64 "\n", d == d ? f64_bits(d) : ~(uint64_t)0);
    int32_t x = (int32_t)rnd();
    show_bytes("  i8x16.replace_lane 0", wasm_i8x16_replace_lane(a, 0, (int8_t)x));
    show_bytes("  i8x16.replace_lane 15", wasm_i8x16_replace_lane(a, 15, (int8_t)(x >> 8)));
    show_i16("  i16x8.replace_lane 7", wasm_i16x8_replace_lane(a, 7, (int16_t)x));
    show_i32("  i32x4.replace_lane 2", wasm_i32x4_replace_lane(a, 2, x));
    show_i64("  i64x2.replace_lane 1", wasm_i64x2_replace_lane(a, 1, (int64_t)x * 3));
    show_f32("  f32x4.replace_lane 3", wasm_f32x4_replace_lane(a, 3, (float)x));
    show_f64("  f64x2.replace_lane 0", wasm_f64x2_replace_lane(a, 0, (double)x / 7.0));
    show_bytes("  i8x16.splat", wasm_i8x16_splat((int8_t)x));
    show_i16("  i16x8.splat", wasm_i16x8_splat((int16_t)x));
    show_i32("  i32x4.splat", wasm_i32x4_splat(x));
    show_i64("  i64x2.splat", wasm_i64x2_splat((int64_t)x << 20));
    show_f32("  f32x4.splat", wasm_f32x4_splat((float)x / 3.0f));
    show_f64("  f64x2.splat", wasm_f64x2_splat((double)x / 3.0));
}

static v128_t random_vector(void) {
    int32_t l[4];
    for (int i = 0; i < 4; i++) l[i] = (int32_t)rnd();
    return wasm_v128_load(l);
}

static void operators(void) {
    /* Integer operators on edge lanes (the same bytes read in every
     * shape), then on random lanes. */
    const v128_t ints[][2] = {
        {wasm_v128_load(edge_bytes[0]), wasm_v128_load(edge_bytes[1])},
        {wasm_v128_load(edge_i16[0]), wasm_v128_load(edge_i16[1])},
        {wasm_v128_load(edge_i32[0]), wasm_v128_load(edge_i32[1])},
        {wasm_v128_load(edge_i64[0]), wasm_v128_load(edge_i64[1])},
        {random_vector(), random_vector()},
    };
    for (size_t k = 0; k < sizeof ints / sizeof ints[0]; k++) {
        printf("integer operators, inputs %zu\n", k);
        show_bytes("  a", ints[k][0]);
        show_bytes("  b", ints[k][1]);
        integer_ops(ints[k][0], ints[k][1]);
    }
    /* Float operators: each edge vector against the next. */
    for (int k = 0; k < 4; k++) {
        printf("f32 operators, inputs %d\n", k);
        v128_t a = wasm_v128_load(edge_f32[k]), b = wasm_v128_load(edge_f32[(k + 1) % 4]);
        show_f32("  a", a);
        show_f32("  b", b);
        float_ops(a, b);
        printf("f64 operators, inputs %d\n", k);
        a = wasm_v128_load(edge_f64[k]);
        b = wasm_v128_load(edge_f64[(k + 1) % 4]);
        show_f64("  a", a);
        show_f64("  b", b);
        double_ops(a, b);
    }
    /* Float operators on random finite inputs. */
    float fa[4], fb[4];
    double da[2], db[2];
    for (int i = 0; i < 4; i++) {
        fa[i] = (float)(int32_t)rnd() / 4096.0f;
        fb[i] = (float)(int32_t)rnd() / 65536.0f;
    }
    for (int i = 0; i < 2; i++) {
        da[i] = (double)(int32_t)rnd() * 1e-3;
        db[i] = (double)(int32_t)rnd() * 7.5;
    }
    printf("f32 operators, random inputs\n");
    float_ops(wasm_v128_load(fa), wasm_v128_load(fb));
    printf("f64 operators, random inputs\n");
    double_ops(wasm_v128_load(da), wasm_v128_load(db));

    printf("memory operators\n");
    memory_ops();
    printf("lane operators\n");
    lane_ops(random_vector());
    printf("all_true and any_true\n");
    v128_t ones = wasm_v128_load(one_bytes), zero = wasm_v128_load(zero_bytes);
    printf("  ones: i8 %d i16 %d i32 %d i64 %d any %d\n", wasm_i8x16_all_true(ones),
           wasm_i16x8_all_true(ones), wasm_i32x4_all_true(ones), wasm_i64x2_all_true(ones),
           wasm_v128_any_true(ones));
    /* A zero byte fails i8x16.all_true but not i16x8's: its neighbour
     * byte is 1. A zero 16-bit lane likewise passes i32x4's. */
    v128_t zero8 = wasm_i8x16_replace_lane(ones, 7, 0);
    printf("  a zero byte: i8 %d i16 %d i32 %d i64 %d any %d\n", wasm_i8x16_all_true(zero8),
           wasm_i16x8_all_true(zero8), wasm_i32x4_all_true(zero8), wasm_i64x2_all_true(zero8),
           wasm_v128_any_true(zero8));
    v128_t zero16 = wasm_i16x8_replace_lane(ones, 2, 0);
    printf("  a zero i16: i8 %d i16 %d i32 %d i64 %d any %d\n", wasm_i8x16_all_true(zero16),
           wasm_i16x8_all_true(zero16), wasm_i32x4_all_true(zero16), wasm_i64x2_all_true(zero16),
           wasm_v128_any_true(zero16));
    printf("  zero: any %d\n", wasm_v128_any_true(zero));
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_simd SEED\n");
        return 1;
    }
    rng_state = (uint32_t)strtoul(argv[1], NULL, 10) | 1;
    printf("seed: %s\n", argv[1]);
    fill_inputs();
    autovectorised();
    kernels();
    operators();
    return 0;
}
