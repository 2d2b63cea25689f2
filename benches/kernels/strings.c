/* String processing: generate n bytes of prose-like text, split it into
 * words, lowercase them, count them in an open-addressing hash table
 * (memcmp to compare keys), then search the text for a few substrings.
 * Byte loads, character classification, hashing and short compares: the
 * work of parsers, tokenizers and log processors. */
#include "kernel.h"

#define MAXN (2u << 20)
#define SLOTS (1u << 14)

static char text[MAXN];
static char pool[MAXN];

struct entry {
    uint32_t off, len, count, hash;
};
static struct entry table[SLOTS];

static const char *const SYLLABLES[16] = {
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
    "qua", "ber", "don", "fel", "gri", "hon", "jus", "pla",
};

static uint32_t generate(uint32_t n) {
    uint32_t seed = 0xc0ffee11u, len = 0;
    while (len + 32 < n) {
        uint32_t r = xorshift32(&seed);
        uint32_t syllables = 1 + (r & 3) % 3;
        uint32_t start = len;
        for (uint32_t s = 0; s < syllables; s++) {
            /* Skewed choice: low syllable indices are more common. */
            uint32_t q = xorshift32(&seed);
            const char *syl = SYLLABLES[(q & 15) & ((q >> 4) & 15)];
            while (*syl) text[len++] = *syl++;
        }
        if ((r >> 8) % 8 == 0) text[start] = (char)(text[start] - 'a' + 'A');
        switch ((r >> 12) % 16) {
        case 0: text[len++] = ','; text[len++] = ' '; break;
        case 1: text[len++] = '.'; text[len++] = ' '; break;
        case 2: text[len++] = '\n'; break;
        default: text[len++] = ' '; break;
        }
    }
    return len;
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static uint32_t count_occurrences(const char *hay, uint32_t n, const char *needle, uint32_t m) {
    uint32_t count = 0;
    for (uint32_t i = 0; i + m <= n; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0) count++;
    return count;
}

EXPORT uint32_t run(uint32_t n) {
    if (n > MAXN) n = MAXN;
    uint32_t len = generate(n);
    memset(table, 0, sizeof table);
    uint32_t pool_len = 0, words = 0, distinct = 0;
    char word[64];
    uint32_t i = 0;
    while (i < len) {
        while (i < len && !is_alpha(text[i])) i++;
        uint32_t wl = 0, h = FNV_INIT;
        while (i < len && is_alpha(text[i]) && wl < sizeof word) {
            char c = lower(text[i++]);
            word[wl++] = c;
            h = fnv1a(h, (uint8_t)c);
        }
        if (wl == 0) break;
        words++;
        uint32_t slot = h & (SLOTS - 1);
        for (;;) {
            struct entry *e = &table[slot];
            if (e->len == 0) {
                memcpy(pool + pool_len, word, wl);
                e->off = pool_len;
                e->len = wl;
                e->count = 1;
                e->hash = h;
                pool_len += wl;
                distinct++;
                break;
            }
            if (e->hash == h && e->len == wl && memcmp(pool + e->off, word, wl) == 0) {
                e->count++;
                break;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
    uint32_t best = 0;
    uint32_t sum = FNV_INIT;
    for (uint32_t s = 0; s < SLOTS; s++) {
        if (table[s].count > best) best = table[s].count;
        sum = fnv1a(sum, table[s].count);
    }
    uint32_t h = FNV_INIT;
    h = fnv1a(h, words);
    h = fnv1a(h, distinct);
    h = fnv1a(h, best);
    h = fnv1a(h, sum);
    h = fnv1a(h, count_occurrences(text, len, "kaka", 4));
    h = fnv1a(h, count_occurrences(text, len, "lo, ", 4));
    h = fnv1a(h, count_occurrences(text, len, "berdonfel", 9));
    return h;
}
