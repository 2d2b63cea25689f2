/* Sorting: quicksort (median of three, insertion sort for short runs) of n
 * pseudo-random 32-bit integers. Branchy compares and swaps over an array:
 * the inner loop of countless real programs. */
#include "kernel.h"

#define MAXN (1u << 20)
static int32_t a[MAXN];

static void insertion_sort(int32_t *v, int32_t lo, int32_t hi) {
    for (int32_t i = lo + 1; i <= hi; i++) {
        int32_t x = v[i];
        int32_t j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void swap(int32_t *v, int32_t i, int32_t j) {
    int32_t t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(int32_t *v, int32_t lo, int32_t hi) {
    while (hi - lo > 16) {
        int32_t mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo]) swap(v, mid, lo);
        if (v[hi] < v[lo]) swap(v, hi, lo);
        if (v[hi] < v[mid]) swap(v, hi, mid);
        int32_t pivot = v[mid];
        int32_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                swap(v, i, j);
                i++;
                j--;
            }
        }
        /* Recurse into the smaller half, loop on the larger one. */
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion_sort(v, lo, hi);
}

EXPORT uint32_t run(uint32_t n) {
    if (n > MAXN) n = MAXN;
    uint32_t seed = 0x12345678u;
    for (uint32_t i = 0; i < n; i++) a[i] = (int32_t)xorshift32(&seed);
    if (n > 1) quicksort(a, 0, (int32_t)n - 1);
    uint32_t h = FNV_INIT;
    for (uint32_t i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i]) return 0; /* not sorted */
        h = fnv1a(h, (uint32_t)a[i]);
    }
    return h;
}
