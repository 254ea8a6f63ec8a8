/* The true-peak limiter.
 *
 * For each sample k, P[k] is the largest magnitude on the segments either side
 * of it, at the samples and at three band-limited points between them; r[k] is
 * the gain that brings P[k] to the ceiling (at most 1).  h[k] is the minimum of
 * r over the last L samples, h2 lets h rise back no faster than the release,
 * and the applied gain g[m] is the mean of h2[m .. m+L-1].  Every term of that
 * mean is at most r[m], so g[m] <= r[m]: no sample, and no interpolated point
 * next to one, ends up above the ceiling, while g changes no faster than over
 * L samples.  The output lags the input by T + L - 1 samples. */
#include "podcast_loudness.h"

#include <math.h>
#include <stdlib.h>

#define HALF_TAPS 8            /* T: interpolation reaches T samples either way */
#define PHASES 3               /* points between two samples: 1/4, 2/4, 3/4 */
#define RING 8192              /* > 2T + L; a power of two */
#define MAX_LOOKAHEAD 1024
#define DEQUE 2048             /* > MAX_LOOKAHEAD; a power of two */
#define OUT_CHUNK 1024

/* Plain comparisons: libm's fmax/fmin honour NaN and are not inlined. */
static inline double max2(double a, double b) { return a > b ? a : b; }
static inline double min2(double a, double b) { return a < b ? a : b; }

struct tp_limiter {
    float coeff[PHASES][2 * HALF_TAPS];
    float x[RING];             /* gained input by absolute index & (RING - 1) */
    /* Interpolated points lie within `bound` times the window's largest
     * magnitude: windows with no sample above ceiling / bound are skipped. */
    double quiet;
    uint64_t last_loud;        /* 1 + index of the last sample above `quiet`; 0: none */
    double gain, ceiling;      /* ceiling in int16 units */
    double release;            /* per-sample recovery factor of h2 toward 1 */
    int lookahead;             /* L */
    uint64_t pushed;           /* samples placed in x, flush zeros included */
    uint64_t real;             /* samples the caller gave */
    uint64_t emitted;
    double q_prev;             /* peak of the segment before the next sample */
    /* The min filter: a monotonic deque of (index, r), oldest first. */
    uint64_t dq_idx[DEQUE];
    double dq_val[DEQUE];
    size_t dq_head, dq_len;
    double h2_prev;
    /* How many r and h2 values in a row were exactly 1: once both reach L the
     * limiter is at rest (h = h2 = g = 1, hsum = L) and settle() takes a
     * shortcut until a peak comes. */
    uint64_t r_ones, h2_ones;
    float hring[MAX_LOOKAHEAD]; /* the last L values of h2 */
    double hsum;
    size_t slot;               /* k modulo L, kept without dividing */
    double inv_lookahead;
    int16_t out[OUT_CHUNK];
    size_t nout;
};

/* Sets the coefficients and returns the largest sum of their magnitudes. */
static double init_coefficients(struct tp_limiter *l)
{
    double bound = 1.0;
    for (int p = 0; p < PHASES; p++) {
        double abs_sum = 0;
        double f = (p + 1) / 4.0, sum = 0;
        for (int j = -HALF_TAPS + 1; j <= HALF_TAPS; j++) {
            double t = f - j;
            double sinc = sin(M_PI * t) / (M_PI * t);
            double window = 0.5 * (1 + cos(M_PI * t / HALF_TAPS));
            l->coeff[p][j + HALF_TAPS - 1] = (float)(sinc * window);
            sum += sinc * window;
        }
        for (int j = 0; j < 2 * HALF_TAPS; j++) {
            l->coeff[p][j] = (float)(l->coeff[p][j] / sum);
            abs_sum += fabs(l->coeff[p][j]);
        }
        bound = fmax(bound, abs_sum);
    }
    return bound;
}

struct tp_limiter *tp_limiter_new(int rate, double gain, double ceiling_db)
{
    struct tp_limiter *l;
    if (rate <= 0 || rate > 192000 || !(gain > 0) || !(ceiling_db <= 0))
        return NULL;
    if (!(l = calloc(1, sizeof *l)))
        return NULL;
    double bound = init_coefficients(l);
    l->gain = gain;
    l->ceiling = 32767.0 * pow(10.0, ceiling_db / 20.0);
    l->quiet = l->ceiling / bound;
    l->release = 1.0 - exp(-1.0 / (0.05 * rate));
    l->lookahead = (int)lround(0.005 * rate);
    if (l->lookahead < 1)
        l->lookahead = 1;
    if (l->lookahead > MAX_LOOKAHEAD)
        l->lookahead = MAX_LOOKAHEAD;
    l->inv_lookahead = 1.0 / l->lookahead;
    for (int i = 0; i < l->lookahead; i++)
        l->hring[i] = 1.0f;
    l->hsum = l->lookahead;
    l->h2_prev = 1.0;
    return l;
}

void tp_limiter_free(struct tp_limiter *l)
{
    free(l);
}

/* Sample i >= 0, or 0 before the start (the ring starts zeroed). */
static float x_at(const struct tp_limiter *l, int64_t i)
{
    return i < 0 ? 0.0f : l->x[(uint64_t)i & (RING - 1)];
}

/* The largest magnitude on the segment from sample k to k + 1; samples up to
 * k + T are in the ring. */
static double segment_peak(const struct tp_limiter *l, int64_t k)
{
    double peak = max2(fabs(x_at(l, k)), fabs(x_at(l, k + 1)));
    if (l->last_loud == 0 || (int64_t)l->last_loud - 1 < k - HALF_TAPS + 1)
        return peak; /* nothing in the window can reach the ceiling */
    float window[2 * HALF_TAPS];
    for (int j = 0; j < 2 * HALF_TAPS; j++)
        window[j] = x_at(l, k - HALF_TAPS + 1 + j);
    for (int p = 0; p < PHASES; p++) {
        float v = 0;
        for (int j = 0; j < 2 * HALF_TAPS; j++)
            v += l->coeff[p][j] * window[j];
        peak = max2(peak, (v < 0 ? -v : v));
    }
    return peak;
}

/* h[k]: the minimum of r over the last L samples, after adding r[k]. */
static double min_filter(struct tp_limiter *l, uint64_t k, double r)
{
    const size_t mask = DEQUE - 1;
    while (l->dq_len > 0 && l->dq_val[(l->dq_head + l->dq_len - 1) & mask] >= r)
        l->dq_len--;
    l->dq_idx[(l->dq_head + l->dq_len) & mask] = k;
    l->dq_val[(l->dq_head + l->dq_len) & mask] = r;
    l->dq_len++;
    while (l->dq_idx[l->dq_head] + (uint64_t)l->lookahead <= k) {
        l->dq_head = (l->dq_head + 1) & mask;
        l->dq_len--;
    }
    return l->dq_val[l->dq_head];
}

static int emit(struct tp_limiter *l, double y, limiter_out_fn out, void *ctx)
{
    long v = (long)(y < 0 ? y - 0.5 : y + 0.5);
    l->out[l->nout++] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
    l->emitted++;
    if (l->nout < OUT_CHUNK)
        return 0;
    l->nout = 0;
    return out(ctx, l->out, OUT_CHUNK);
}

/* The applied gain's recovery toward 1 ends here: closer than this, h2 is 1
 * (an inaudible 1e-8 dB; without it h2 can stall one rounding step below 1). */
#define AT_REST 1e-9

/* h2[k] from r[k], keeping the counts of ones and hsum's drift at rest. */
static double next_h2(struct tp_limiter *l, uint64_t k, double r)
{
    double h = min_filter(l, k, r);
    double h2 = min2(h, l->h2_prev + (1.0 - l->h2_prev) * l->release);
    if (h2 > 1.0 - AT_REST)
        h2 = 1.0;
    l->r_ones = r == 1.0 ? l->r_ones + 1 : 0;
    l->h2_ones = h2 == 1.0 ? l->h2_ones + 1 : 0;
    return h2;
}

/* Sample k's neighbourhood is complete: decide its gain, and emit the sample
 * whose averaging window this completes. */
static int settle(struct tp_limiter *l, uint64_t k, limiter_out_fn out, void *ctx)
{
    const uint64_t lookahead = (uint64_t)l->lookahead;
    double q = segment_peak(l, (int64_t)k);
    double peak = max2(q, l->q_prev);
    double r = peak > l->ceiling ? l->ceiling / peak : 1.0;
    size_t slot = l->slot;
    l->slot = slot + 1 == lookahead ? 0 : slot + 1;
    l->q_prev = q;
    double g = 1.0;
    if (r == 1.0 && l->r_ones >= lookahead && l->h2_ones >= lookahead) {
        /* At rest: the last L values of r, h2 and the ring are all 1. The
         * deque's ones can never be the minimum again unless all are, so it
         * is emptied rather than kept. */
        l->dq_len = 0;
        l->r_ones++;
        l->h2_ones++;
    } else {
        double h2 = next_h2(l, k, r);
        l->h2_prev = h2;
        l->hsum += h2 - l->hring[slot];
        l->hring[slot] = (float)h2;
        if (l->h2_ones == lookahead)
            l->hsum = (double)lookahead; /* every term is 1: drop the drift */
        g = min2(l->hsum * l->inv_lookahead, 1.0);
    }
    if (k + 1 < lookahead)
        return 0;
    uint64_t m = k + 1 - lookahead;
    if (m >= l->real)
        return 0;
    return emit(l, x_at(l, (int64_t)m) * g, out, ctx);
}

static int take(struct tp_limiter *l, float v, limiter_out_fn out, void *ctx)
{
    uint64_t i = l->pushed++;
    l->x[i & (RING - 1)] = v;
    if (fabsf(v) > l->quiet)
        l->last_loud = i + 1;
    if (i < HALF_TAPS)
        return 0;
    if (i == HALF_TAPS)
        l->q_prev = segment_peak(l, -1);
    return settle(l, i - HALF_TAPS, out, ctx);
}

int tp_limiter_push(struct tp_limiter *l, const int16_t *samples, size_t count,
                    limiter_out_fn out, void *ctx)
{
    int stop = 0;
    if (samples) {
        l->real += count;
        for (size_t i = 0; i < count && !stop; i++)
            stop = take(l, (float)(samples[i] * l->gain), out, ctx);
        return stop;
    }
    while (l->emitted < l->real && !stop)
        stop = take(l, 0.0f, out, ctx);
    if (!stop && l->nout > 0) {
        size_t n = l->nout;
        l->nout = 0;
        stop = out(ctx, l->out, n);
    }
    return stop;
}
