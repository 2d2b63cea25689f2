/* Image and audio arithmetic, the kind of loop that WebAssembly SIMD is
 * for: the one kernel that build.sh compiles with -msimd128 (the others
 * stay WebAssembly 1.0). Each pass alpha-blends two 8-bit images (16-bit
 * products, an exact rounded division by 255), brightens the result with a
 * saturating add, takes its sum of absolute differences from the
 * foreground, and takes the 16-bit dot product of two audio signals. The
 * blended image is the next pass's background, and the bias and the audio
 * offset change with each pass, so no pass repeats another. Integer-only:
 * the checksum is exact on both sides. */
#include "kernel.h"

#define MAXN (1u << 20)
#define PASSES 16
static uint8_t fg[MAXN], alpha[MAXN], img[2][MAXN];
static int16_t wave_a[MAXN], wave_b[MAXN + PASSES];

/* out = (fg * a + bg * (255 - a)) / 255, rounded, then + bias, saturated.
 * Every intermediate fits 16 bits (at most 255 * 255 + 128 + 254), and
 * saying so lets the vectoriser use 16-bit lanes. */
static void blend(uint8_t *restrict out, const uint8_t *restrict f, const uint8_t *restrict b,
                  const uint8_t *restrict a, uint8_t bias, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        uint16_t x = (uint16_t)(f[i] * a[i] + b[i] * (255 - a[i]) + 128);
        uint16_t v = (uint16_t)((uint16_t)(x + (x >> 8)) >> 8) + bias;
        out[i] = v > 255 ? 255 : (uint8_t)v;
    }
}

static uint32_t sad(const uint8_t *restrict x, const uint8_t *restrict y, uint32_t n) {
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++) s += x[i] > y[i] ? x[i] - y[i] : y[i] - x[i];
    return s;
}

/* Wrapping: the sum of 2^20 products of 16-bit values overflows 32 bits. */
static uint32_t dot(const int16_t *restrict x, const int16_t *restrict y, uint32_t n) {
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++) s += (uint32_t)((int32_t)x[i] * y[i]);
    return s;
}

/* Four input bytes per random number: filling is not what is measured. */
static void fill(void *p, uint32_t bytes, uint32_t *seed) {
    for (uint32_t i = 0; i + 4 <= bytes; i += 4) {
        uint32_t r = xorshift32(seed);
        memcpy((uint8_t *)p + i, &r, 4);
    }
}

EXPORT uint32_t run(uint32_t n) {
    if (n > MAXN) n = MAXN;
    n &= ~3u;
    uint32_t seed = 0x2545f491u;
    fill(fg, n, &seed);
    fill(alpha, n, &seed);
    fill(img[0], n, &seed);
    fill(wave_a, 2 * n, &seed);
    fill(wave_b, 2 * (n + PASSES), &seed);
    uint32_t h = FNV_INIT;
    for (uint32_t pass = 0; pass < PASSES; pass++) {
        uint8_t *dst = img[(pass + 1) & 1];
        blend(dst, fg, img[pass & 1], alpha, (uint8_t)(pass * 3), n);
        h = fnv1a(h, sad(dst, fg, n));
        h = fnv1a(h, dot(wave_a, wave_b + pass, n));
    }
    /* A sample of the last image, so its every part must be right. */
    const uint8_t *last = img[PASSES & 1];
    for (uint32_t i = 0; i < n; i += 4093) h = fnv1a(h, last[i]);
    return h;
}
