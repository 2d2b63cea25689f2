/*
 * The part of clang's <wasm_simd128.h> that c_simd.c uses, in plain C, for
 * its native (gcc) build.
 *
 * c_simd.wasm is built with -msimd128 and gets the real header, whose
 * intrinsics are WebAssembly SIMD instructions. The native build, which
 * records c_simd.expected, includes this file instead: every function here
 * computes, lane by lane, what the WebAssembly instruction of the same name
 * is specified to compute (saturation, shift counts taken modulo the lane
 * width, out-of-range swizzle indices giving 0, NaN-propagating min/max
 * that order -0 below +0, saturating float-to-int conversion, ...). So the
 * expected output is the specification's answer, not the host's SIMD
 * unit's, and a wrong lane in Flint shows up as a line that differs.
 *
 * Lanes are little-endian, as in WebAssembly; both hosts this is built on
 * (x86-64, aarch64) are too.
 */
#ifndef SIMD_LANES_H
#define SIMD_LANES_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef union {
    uint8_t u8[16];
    int8_t i8[16];
    uint16_t u16[8];
    int16_t i16[8];
    uint32_t u32[4];
    int32_t i32[4];
    uint64_t u64[2];
    int64_t i64[2];
    float f32[4];
    double f64[2];
} v128_t;

#define LANES_OF(f) (16 / sizeof(((v128_t *)0)->f[0]))

/* One result lane per input lane: `r.out[i] = expr` over the lanes of `in`. */
#define UNARY(name, in, out, expr)                                             \
    static inline v128_t name(v128_t a) {                                             \
        v128_t r;                                                              \
        for (unsigned i = 0; i < LANES_OF(in); i++) r.out[i] = (expr);         \
        return r;                                                              \
    }
#define BINARY(name, in, out, expr)                                            \
    static inline v128_t name(v128_t a, v128_t b) {                                   \
        v128_t r;                                                              \
        for (unsigned i = 0; i < LANES_OF(in); i++) r.out[i] = (expr);         \
        return r;                                                              \
    }
/* Shifts: the count is taken modulo the lane width. */
#define SHIFT(name, f, bits, op)                                               \
    static inline v128_t name(v128_t a, uint32_t n) {                                 \
        v128_t r;                                                              \
        for (unsigned i = 0; i < LANES_OF(f); i++)                             \
            r.f[i] = a.f[i] op (n & (bits - 1));                               \
        return r;                                                              \
    }
/* Comparisons give all ones or all zeros in each lane. */
#define COMPARE(name, in, out, op) BINARY(name, in, out, a.in[i] op b.in[i] ? -1 : 0)

static inline int64_t sat(int64_t x, int64_t lo, int64_t hi) { return x < lo ? lo : x > hi ? hi : x; }

/* Memory, construction, lanes. */
static inline v128_t wasm_v128_load(const void *p) { v128_t r; memcpy(&r, p, 16); return r; }
static inline void wasm_v128_store(void *p, v128_t v) { memcpy(p, &v, 16); }
static inline v128_t splat_bytes(const void *p, unsigned size) {
    v128_t r;
    for (unsigned i = 0; i < 16; i += size) memcpy(&r.u8[i], p, size);
    return r;
}
static inline v128_t wasm_v128_load8_splat(const void *p) { return splat_bytes(p, 1); }
static inline v128_t wasm_v128_load16_splat(const void *p) { return splat_bytes(p, 2); }
static inline v128_t wasm_v128_load32_splat(const void *p) { return splat_bytes(p, 4); }
static inline v128_t wasm_v128_load64_splat(const void *p) { return splat_bytes(p, 8); }
static inline v128_t load_zero(const void *p, unsigned size) {
    v128_t r;
    memset(&r, 0, 16);
    memcpy(&r, p, size);
    return r;
}
static inline v128_t wasm_v128_load32_zero(const void *p) { return load_zero(p, 4); }
static inline v128_t wasm_v128_load64_zero(const void *p) { return load_zero(p, 8); }
static inline v128_t load_lane(const void *p, v128_t v, int lane, unsigned size) {
    memcpy(&v.u8[lane * size], p, size);
    return v;
}
static inline v128_t wasm_v128_load8_lane(const void *p, v128_t v, int l) { return load_lane(p, v, l, 1); }
static inline v128_t wasm_v128_load16_lane(const void *p, v128_t v, int l) { return load_lane(p, v, l, 2); }
static inline v128_t wasm_v128_load32_lane(const void *p, v128_t v, int l) { return load_lane(p, v, l, 4); }
static inline v128_t wasm_v128_load64_lane(const void *p, v128_t v, int l) { return load_lane(p, v, l, 8); }
static inline void wasm_v128_store8_lane(void *p, v128_t v, int l) { memcpy(p, &v.u8[l], 1); }
static inline void wasm_v128_store16_lane(void *p, v128_t v, int l) { memcpy(p, &v.u8[l * 2], 2); }
static inline void wasm_v128_store32_lane(void *p, v128_t v, int l) { memcpy(p, &v.u8[l * 4], 4); }
static inline void wasm_v128_store64_lane(void *p, v128_t v, int l) { memcpy(p, &v.u8[l * 8], 8); }
/* Extending loads: 8 bytes widened to twice their size. */
#define LOAD_EXTEND(name, from_t, f)                                           \
    static inline v128_t name(const void *p) {                                        \
        from_t x[LANES_OF(f)];                                                 \
        v128_t r;                                                              \
        memcpy(x, p, 8);                                                       \
        for (unsigned i = 0; i < LANES_OF(f); i++) r.f[i] = x[i];              \
        return r;                                                              \
    }
LOAD_EXTEND(wasm_i16x8_load8x8, int8_t, i16)
LOAD_EXTEND(wasm_u16x8_load8x8, uint8_t, u16)
LOAD_EXTEND(wasm_i32x4_load16x4, int16_t, i32)
LOAD_EXTEND(wasm_u32x4_load16x4, uint16_t, u32)
LOAD_EXTEND(wasm_i64x2_load32x2, int32_t, i64)
LOAD_EXTEND(wasm_u64x2_load32x2, uint32_t, u64)

static inline v128_t wasm_i8x16_make(int8_t c0, int8_t c1, int8_t c2, int8_t c3, int8_t c4, int8_t c5,
                              int8_t c6, int8_t c7, int8_t c8, int8_t c9, int8_t c10, int8_t c11,
                              int8_t c12, int8_t c13, int8_t c14, int8_t c15) {
    v128_t r = {.i8 = {c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15}};
    return r;
}
static inline v128_t wasm_i32x4_make(int32_t c0, int32_t c1, int32_t c2, int32_t c3) {
    v128_t r = {.i32 = {c0, c1, c2, c3}};
    return r;
}
#define SPLAT(name, f, t)                                                      \
    static inline v128_t name(t x) {                                                  \
        v128_t r;                                                              \
        for (unsigned i = 0; i < LANES_OF(f); i++) r.f[i] = x;                 \
        return r;                                                              \
    }
SPLAT(wasm_i8x16_splat, i8, int8_t)
SPLAT(wasm_i16x8_splat, i16, int16_t)
SPLAT(wasm_i32x4_splat, i32, int32_t)
SPLAT(wasm_i64x2_splat, i64, int64_t)
SPLAT(wasm_f32x4_splat, f32, float)
SPLAT(wasm_f64x2_splat, f64, double)
#define LANE(shape, f, t)                                                      \
    static inline t wasm_##shape##_extract_lane(v128_t v, int l) { return v.f[l]; }    \
    static inline v128_t wasm_##shape##_replace_lane(v128_t v, int l, t x) {          \
        v.f[l] = x;                                                            \
        return v;                                                              \
    }
LANE(i8x16, i8, int8_t)
LANE(u8x16, u8, uint8_t)
LANE(i16x8, i16, int16_t)
LANE(u16x8, u16, uint16_t)
LANE(i32x4, i32, int32_t)
LANE(i64x2, i64, int64_t)
LANE(f32x4, f32, float)
LANE(f64x2, f64, double)

/* Shuffles: lane indices 0-15 pick from a, 16-31 from b. */
static inline v128_t shuffle_bytes(v128_t a, v128_t b, const uint8_t *idx) {
    v128_t r;
    for (int i = 0; i < 16; i++) r.u8[i] = idx[i] < 16 ? a.u8[idx[i]] : b.u8[idx[i] - 16];
    return r;
}
#define wasm_i8x16_shuffle(a, b, ...) shuffle_bytes(a, b, (const uint8_t[16]){__VA_ARGS__})
#define wasm_i32x4_shuffle(a, b, c0, c1, c2, c3)                               \
    shuffle_bytes(a, b,                                                        \
                  (const uint8_t[16]){4 * (c0), 4 * (c0) + 1, 4 * (c0) + 2, 4 * (c0) + 3,  \
                                      4 * (c1), 4 * (c1) + 1, 4 * (c1) + 2, 4 * (c1) + 3,  \
                                      4 * (c2), 4 * (c2) + 1, 4 * (c2) + 2, 4 * (c2) + 3,  \
                                      4 * (c3), 4 * (c3) + 1, 4 * (c3) + 2, 4 * (c3) + 3})
/* Out-of-range indices select 0. */
BINARY(wasm_i8x16_swizzle, u8, u8, b.u8[i] < 16 ? a.u8[b.u8[i]] : 0)

/* Bitwise. */
UNARY(wasm_v128_not, u64, u64, ~a.u64[i])
BINARY(wasm_v128_and, u64, u64, a.u64[i] & b.u64[i])
BINARY(wasm_v128_or, u64, u64, a.u64[i] | b.u64[i])
BINARY(wasm_v128_xor, u64, u64, a.u64[i] ^ b.u64[i])
BINARY(wasm_v128_andnot, u64, u64, a.u64[i] & ~b.u64[i])
static inline v128_t wasm_v128_bitselect(v128_t a, v128_t b, v128_t m) {
    v128_t r;
    for (int i = 0; i < 2; i++) r.u64[i] = (a.u64[i] & m.u64[i]) | (b.u64[i] & ~m.u64[i]);
    return r;
}
static inline bool wasm_v128_any_true(v128_t a) { return (a.u64[0] | a.u64[1]) != 0; }
#define TRUTHS(shape, f)                                                       \
    static inline bool wasm_##shape##_all_true(v128_t a) {                            \
        for (unsigned i = 0; i < LANES_OF(f); i++)                             \
            if (!a.f[i]) return false;                                         \
        return true;                                                           \
    }                                                                          \
    static inline uint32_t wasm_##shape##_bitmask(v128_t a) {                         \
        uint32_t m = 0;                                                        \
        for (unsigned i = 0; i < LANES_OF(f); i++) m |= (uint32_t)(a.f[i] < 0) << i; \
        return m;                                                              \
    }
TRUTHS(i8x16, i8)
TRUTHS(i16x8, i16)
TRUTHS(i32x4, i32)
TRUTHS(i64x2, i64)

/* Integer arithmetic. Wrapping lanes are computed unsigned. */
#define INT_OPS(s, u, is, us, bits, min, max, umax)                            \
    BINARY(wasm_##s##_add, us, us, a.us[i] + b.us[i])                          \
    BINARY(wasm_##s##_sub, us, us, a.us[i] - b.us[i])                          \
    UNARY(wasm_##s##_neg, us, us, -a.us[i])                                    \
    UNARY(wasm_##s##_abs, is, us, a.is[i] < 0 ? -a.us[i] : a.us[i])            \
    SHIFT(wasm_##s##_shl, us, bits, <<)                                        \
    SHIFT(wasm_##s##_shr, is, bits, >>)                                        \
    SHIFT(wasm_##u##_shr, us, bits, >>)                                        \
    COMPARE(wasm_##s##_eq, is, is, ==)                                         \
    COMPARE(wasm_##s##_ne, is, is, !=)                                         \
    COMPARE(wasm_##s##_lt, is, is, <)                                          \
    COMPARE(wasm_##s##_gt, is, is, >)                                          \
    COMPARE(wasm_##s##_le, is, is, <=)                                         \
    COMPARE(wasm_##s##_ge, is, is, >=)
INT_OPS(i8x16, u8x16, i8, u8, 8, INT8_MIN, INT8_MAX, UINT8_MAX)
INT_OPS(i16x8, u16x8, i16, u16, 16, INT16_MIN, INT16_MAX, UINT16_MAX)
INT_OPS(i32x4, u32x4, i32, u32, 32, INT32_MIN, INT32_MAX, UINT32_MAX)
INT_OPS(i64x2, u64x2, i64, u64, 64, INT64_MIN, INT64_MAX, UINT64_MAX)
BINARY(wasm_i64x2_mul, u64, u64, a.u64[i] * b.u64[i])
BINARY(wasm_i32x4_mul, u32, u32, a.u32[i] * b.u32[i])
BINARY(wasm_i16x8_mul, u16, u16, (uint16_t)((uint32_t)a.u16[i] * b.u16[i]))
/* The narrower shapes also have unsigned comparisons, min/max, saturating
 * add/sub and a rounding average. */
#define SMALL_INT_OPS(s, u, is, us, min, max, umax)                            \
    COMPARE(wasm_##u##_lt, us, us, <)                                          \
    COMPARE(wasm_##u##_gt, us, us, >)                                          \
    COMPARE(wasm_##u##_le, us, us, <=)                                         \
    COMPARE(wasm_##u##_ge, us, us, >=)                                         \
    BINARY(wasm_##s##_min, is, is, a.is[i] < b.is[i] ? a.is[i] : b.is[i])      \
    BINARY(wasm_##s##_max, is, is, a.is[i] > b.is[i] ? a.is[i] : b.is[i])      \
    BINARY(wasm_##u##_min, us, us, a.us[i] < b.us[i] ? a.us[i] : b.us[i])      \
    BINARY(wasm_##u##_max, us, us, a.us[i] > b.us[i] ? a.us[i] : b.us[i])
SMALL_INT_OPS(i8x16, u8x16, i8, u8, INT8_MIN, INT8_MAX, UINT8_MAX)
SMALL_INT_OPS(i16x8, u16x8, i16, u16, INT16_MIN, INT16_MAX, UINT16_MAX)
SMALL_INT_OPS(i32x4, u32x4, i32, u32, INT32_MIN, INT32_MAX, UINT32_MAX)
#define SATURATING(s, u, is, us, min, max, umax)                               \
    BINARY(wasm_##s##_add_sat, is, is, sat((int64_t)a.is[i] + b.is[i], min, max))  \
    BINARY(wasm_##s##_sub_sat, is, is, sat((int64_t)a.is[i] - b.is[i], min, max))  \
    BINARY(wasm_##u##_add_sat, us, us, sat((int64_t)a.us[i] + b.us[i], 0, umax))   \
    BINARY(wasm_##u##_sub_sat, us, us, sat((int64_t)a.us[i] - b.us[i], 0, umax))   \
    BINARY(wasm_##u##_avgr, us, us, ((uint32_t)a.us[i] + b.us[i] + 1) >> 1)
SATURATING(i8x16, u8x16, i8, u8, INT8_MIN, INT8_MAX, UINT8_MAX)
SATURATING(i16x8, u16x8, i16, u16, INT16_MIN, INT16_MAX, UINT16_MAX)
UNARY(wasm_i8x16_popcnt, u8, u8, __builtin_popcount(a.u8[i]))
static inline v128_t wasm_i16x8_q15mulr_sat(v128_t a, v128_t b) {
    v128_t r;
    for (int i = 0; i < 8; i++)
        r.i16[i] = sat(((int32_t)a.i16[i] * b.i16[i] + 0x4000) >> 15, INT16_MIN, INT16_MAX);
    return r;
}
static inline v128_t wasm_i32x4_dot_i16x8(v128_t a, v128_t b) {
    v128_t r;
    for (int i = 0; i < 4; i++)
        r.u32[i] = (uint32_t)((int32_t)a.i16[2 * i] * b.i16[2 * i]) +
                   (uint32_t)((int32_t)a.i16[2 * i + 1] * b.i16[2 * i + 1]);
    return r;
}

/* Narrowing (saturating, the inputs read as signed), widening, pairwise
 * adds and widening multiplies. */
#define NARROW(name, in, out, lo, hi)                                          \
    static inline v128_t name(v128_t a, v128_t b) {                                   \
        v128_t r;                                                              \
        const unsigned n = LANES_OF(in);                                       \
        for (unsigned i = 0; i < n; i++) {                                     \
            r.out[i] = sat(a.in[i], lo, hi);                                   \
            r.out[n + i] = sat(b.in[i], lo, hi);                               \
        }                                                                      \
        return r;                                                              \
    }
NARROW(wasm_i8x16_narrow_i16x8, i16, i8, INT8_MIN, INT8_MAX)
NARROW(wasm_u8x16_narrow_i16x8, i16, u8, 0, UINT8_MAX)
NARROW(wasm_i16x8_narrow_i32x4, i32, i16, INT16_MIN, INT16_MAX)
NARROW(wasm_u16x8_narrow_i32x4, i32, u16, 0, UINT16_MAX)
#define EXTEND(wide, narrow, from, to)                                         \
    UNARY(wasm_##wide##_extend_low_##narrow, to, to, a.from[i])                \
    UNARY(wasm_##wide##_extend_high_##narrow, to, to, a.from[i + LANES_OF(to)]) \
    BINARY(wasm_##wide##_extmul_low_##narrow, to, to, (__typeof__(r.to[0]))a.from[i] * b.from[i]) \
    BINARY(wasm_##wide##_extmul_high_##narrow, to, to,                         \
           (__typeof__(r.to[0]))a.from[i + LANES_OF(to)] * b.from[i + LANES_OF(to)])
EXTEND(i16x8, i8x16, i8, i16)
EXTEND(u16x8, u8x16, u8, u16)
EXTEND(i32x4, i16x8, i16, i32)
EXTEND(u32x4, u16x8, u16, u32)
EXTEND(i64x2, i32x4, i32, i64)
EXTEND(u64x2, u32x4, u32, u64)
UNARY(wasm_i16x8_extadd_pairwise_i8x16, i16, i16, a.i8[2 * i] + a.i8[2 * i + 1])
UNARY(wasm_u16x8_extadd_pairwise_u8x16, u16, u16, a.u8[2 * i] + a.u8[2 * i + 1])
UNARY(wasm_i32x4_extadd_pairwise_i16x8, i32, i32, a.i16[2 * i] + a.i16[2 * i + 1])
UNARY(wasm_u32x4_extadd_pairwise_u16x8, u32, u32, (uint32_t)a.u16[2 * i] + a.u16[2 * i + 1])

/* Floats. min and max propagate NaN and order -0 below +0; pmin and pmax
 * are the plain `<` select. */
static inline double fmin_wasm(double a, double b) {
    if (a != a || b != b) return NAN;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
}
static inline double fmax_wasm(double a, double b) {
    if (a != a || b != b) return NAN;
    if (a == b) return signbit(a) ? b : a;
    return a > b ? a : b;
}
#define FLOAT_OPS(s, f, i_f, sqrt_, ceil_, floor_, trunc_, rint_, fabs_)       \
    BINARY(wasm_##s##_add, f, f, a.f[i] + b.f[i])                              \
    BINARY(wasm_##s##_sub, f, f, a.f[i] - b.f[i])                              \
    BINARY(wasm_##s##_mul, f, f, a.f[i] * b.f[i])                              \
    BINARY(wasm_##s##_div, f, f, a.f[i] / b.f[i])                              \
    BINARY(wasm_##s##_min, f, f, fmin_wasm(a.f[i], b.f[i]))                    \
    BINARY(wasm_##s##_max, f, f, fmax_wasm(a.f[i], b.f[i]))                    \
    BINARY(wasm_##s##_pmin, f, f, b.f[i] < a.f[i] ? b.f[i] : a.f[i])           \
    BINARY(wasm_##s##_pmax, f, f, a.f[i] < b.f[i] ? b.f[i] : a.f[i])           \
    UNARY(wasm_##s##_sqrt, f, f, sqrt_(a.f[i]))                                \
    UNARY(wasm_##s##_ceil, f, f, ceil_(a.f[i]))                                \
    UNARY(wasm_##s##_floor, f, f, floor_(a.f[i]))                              \
    UNARY(wasm_##s##_trunc, f, f, trunc_(a.f[i]))                              \
    UNARY(wasm_##s##_nearest, f, f, rint_(a.f[i]))                             \
    UNARY(wasm_##s##_abs, f, f, fabs_(a.f[i]))                                 \
    UNARY(wasm_##s##_neg, f, f, -a.f[i])                                       \
    COMPARE(wasm_##s##_eq, f, i_f, ==)                                         \
    COMPARE(wasm_##s##_ne, f, i_f, !=)                                         \
    COMPARE(wasm_##s##_lt, f, i_f, <)                                          \
    COMPARE(wasm_##s##_gt, f, i_f, >)                                          \
    COMPARE(wasm_##s##_le, f, i_f, <=)                                         \
    COMPARE(wasm_##s##_ge, f, i_f, >=)
FLOAT_OPS(f32x4, f32, i32, sqrtf, ceilf, floorf, truncf, rintf, fabsf)
FLOAT_OPS(f64x2, f64, i64, sqrt, ceil, floor, trunc, rint, fabs)

/* Conversions. Float to int saturates, and NaN gives 0. */
static inline int32_t trunc_sat_s(double x) {
    if (x != x) return 0;
    if (x <= -2147483649.0) return INT32_MIN;
    if (x >= 2147483648.0) return INT32_MAX;
    return (int32_t)x;
}
static inline uint32_t trunc_sat_u(double x) {
    if (x != x || x <= -1.0) return 0;
    if (x >= 4294967296.0) return UINT32_MAX;
    return (uint32_t)x;
}
UNARY(wasm_f32x4_convert_i32x4, i32, f32, (float)a.i32[i])
UNARY(wasm_f32x4_convert_u32x4, u32, f32, (float)a.u32[i])
UNARY(wasm_i32x4_trunc_sat_f32x4, f32, i32, trunc_sat_s(a.f32[i]))
UNARY(wasm_u32x4_trunc_sat_f32x4, f32, u32, trunc_sat_u(a.f32[i]))
UNARY(wasm_f64x2_convert_low_i32x4, f64, f64, (double)a.i32[i])
UNARY(wasm_f64x2_convert_low_u32x4, f64, f64, (double)a.u32[i])
UNARY(wasm_f64x2_promote_low_f32x4, f64, f64, (double)a.f32[i])
/* The _zero forms fill the upper two 32-bit lanes with zeros. */
static inline v128_t wasm_i32x4_trunc_sat_f64x2_zero(v128_t a) {
    v128_t r = {.i32 = {trunc_sat_s(a.f64[0]), trunc_sat_s(a.f64[1]), 0, 0}};
    return r;
}
static inline v128_t wasm_u32x4_trunc_sat_f64x2_zero(v128_t a) {
    v128_t r = {.u32 = {trunc_sat_u(a.f64[0]), trunc_sat_u(a.f64[1]), 0, 0}};
    return r;
}
static inline v128_t wasm_f32x4_demote_f64x2_zero(v128_t a) {
    v128_t r = {.f32 = {(float)a.f64[0], (float)a.f64[1], 0.0f, 0.0f}};
    return r;
}

#endif
