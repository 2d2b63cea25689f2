/* Compression: an LZ77 compressor in the style of LZ4 (a hash table of
 * 4-byte sequences, greedy matches, token bytes with 255-extended lengths),
 * then the matching decompressor, over n bytes of compressible generated
 * text; the round trip is checked. Unaligned loads, hashing, data-dependent
 * branches and byte copies. */
#include "kernel.h"

#define MAXN (2u << 20)
#define HASH_BITS 14

static uint8_t input[MAXN];
static uint8_t packed[MAXN + MAXN / 255 + 64];
static uint8_t unpacked[MAXN];
static uint32_t htab[1u << HASH_BITS];

static const char *const WORDS[16] = {
    "the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ",
    "and ", "then ", "runs ", "away ", "from ", "a ", "big ", "cat ",
};

static uint32_t load32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint8_t *put_length(uint8_t *op, uint32_t len) {
    while (len >= 255) {
        *op++ = 255;
        len -= 255;
    }
    *op++ = (uint8_t)len;
    return op;
}

static uint8_t *put_literals(uint8_t *op, const uint8_t *lit, uint32_t n, uint32_t match_code) {
    uint8_t *token = op++;
    *token = (uint8_t)((n >= 15 ? 15 : n) << 4 | match_code);
    if (n >= 15) op = put_length(op, n - 15);
    memcpy(op, lit, n);
    return op + n;
}

static uint32_t compress(const uint8_t *in, uint32_t n, uint8_t *out) {
    memset(htab, 0, sizeof htab);
    uint8_t *op = out;
    uint32_t ip = 0, anchor = 0;
    /* The last 12 bytes are always literals, as in LZ4. */
    while (n >= 12 && ip + 12 <= n) {
        uint32_t seq = load32(in + ip);
        uint32_t h = (seq * 2654435761u) >> (32 - HASH_BITS);
        uint32_t ref = htab[h]; /* position + 1; 0 = empty */
        htab[h] = ip + 1;
        if (ref != 0 && ip - (ref - 1) < 65536 && load32(in + ref - 1) == seq) {
            ref--;
            uint32_t len = 4;
            while (ip + len + 5 < n && in[ref + len] == in[ip + len]) len++;
            uint32_t code = len - 4 >= 15 ? 15 : len - 4;
            op = put_literals(op, in + anchor, ip - anchor, code);
            uint32_t offset = ip - ref;
            *op++ = (uint8_t)offset;
            *op++ = (uint8_t)(offset >> 8);
            if (code == 15) op = put_length(op, len - 4 - 15);
            ip += len;
            anchor = ip;
        } else {
            ip++;
        }
    }
    op = put_literals(op, in + anchor, n - anchor, 0);
    return (uint32_t)(op - out);
}

static uint32_t get_length(const uint8_t **ip) {
    uint32_t len = 0, b;
    do {
        b = *(*ip)++;
        len += b;
    } while (b == 255);
    return len;
}

static uint32_t decompress(const uint8_t *in, uint32_t n, uint8_t *out) {
    const uint8_t *ip = in, *end = in + n;
    uint8_t *op = out;
    while (ip < end) {
        uint32_t token = *ip++;
        uint32_t lit = token >> 4;
        if (lit == 15) lit += get_length(&ip);
        memcpy(op, ip, lit);
        op += lit;
        ip += lit;
        if (ip >= end) break;
        uint32_t offset = ip[0] | (uint32_t)ip[1] << 8;
        ip += 2;
        uint32_t len = token & 15;
        if (len == 15) len += get_length(&ip);
        len += 4;
        const uint8_t *ref = op - offset;
        /* Byte by byte: the copy may overlap its own output. */
        for (uint32_t k = 0; k < len; k++) op[k] = ref[k];
        op += len;
    }
    return (uint32_t)(op - out);
}

EXPORT uint32_t run(uint32_t n) {
    if (n > MAXN) n = MAXN;
    uint32_t seed = 0x5eed1234u, len = 0;
    while (len < n) {
        uint32_t r = xorshift32(&seed);
        const char *w = WORDS[r & 15];
        if ((r >> 4) % 10 == 0) {
            input[len++] = (uint8_t)('0' + (r >> 8) % 10); /* noise */
            continue;
        }
        while (*w && len < n) input[len++] = (uint8_t)*w++;
    }
    uint32_t packed_len = compress(input, n, packed);
    uint32_t unpacked_len = decompress(packed, packed_len, unpacked);
    if (unpacked_len != n || memcmp(input, unpacked, n) != 0) return 0;
    uint32_t h = FNV_INIT;
    h = fnv1a(h, packed_len);
    for (uint32_t i = 0; i < packed_len; i += 7) h = fnv1a(h, packed[i]);
    return h;
}
