/* Fannkuch-redux (Computer Language Benchmarks Game): for every permutation
 * of 1..n, count the pancake flips until 1 comes first. Small arrays, tight
 * integer loops, unpredictable branches. n is at most 12. */
#include "kernel.h"

#define MAXN 12

EXPORT uint32_t run(uint32_t n) {
    if (n > MAXN) n = MAXN;
    if (n < 1) n = 1;
    int32_t perm[MAXN], perm1[MAXN], count[MAXN];
    int32_t max_flips = 0, checksum = 0, perm_count = 0;
    int32_t r = (int32_t)n;
    for (int32_t i = 0; i < (int32_t)n; i++) perm1[i] = i;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int32_t i = 0; i < (int32_t)n; i++) perm[i] = perm1[i];
        int32_t flips = 0;
        int32_t k;
        while ((k = perm[0]) != 0) {
            for (int32_t i = 0, j = k; i < j; i++, j--) {
                int32_t t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            flips++;
        }
        if (flips > max_flips) max_flips = flips;
        checksum += perm_count % 2 == 0 ? flips : -flips;
        for (;;) {
            if (r == (int32_t)n) {
                return fnv1a(fnv1a(FNV_INIT, (uint32_t)checksum), (uint32_t)max_flips);
            }
            int32_t first = perm1[0];
            for (int32_t i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = first;
            count[r]--;
            if (count[r] > 0) break;
            r++;
        }
        perm_count++;
    }
}
