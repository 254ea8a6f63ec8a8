/* The SPSC ring: capacity rounding, wrap-around, and a two-thread stress test
 * that checks every sample arrives once, in order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "ring.h"

static void test_init(void **state)
{
    struct ring r;
    (void)state;
    assert_int_equal(ring_init(&r, 0), -1);
    assert_int_equal(ring_init(&r, SIZE_MAX), -1);
    assert_int_equal(ring_init(&r, 1000), 0);
    assert_int_equal(r.capacity, 1024);
    assert_int_equal(ring_used(&r), 0);
    assert_int_equal(ring_free(&r), 1024);
    ring_destroy(&r);
    ring_destroy(&r); /* idempotent */
}

static void test_fill_and_wrap(void **state)
{
    struct ring r;
    int16_t in[16], out[16];
    (void)state;
    assert_int_equal(ring_init(&r, 8), 0);
    for (int i = 0; i < 16; i++)
        in[i] = (int16_t)(i + 1);
    assert_int_equal(ring_write(&r, in, 16), 8); /* full after 8 */
    assert_int_equal(ring_write(&r, in, 1), 0);
    assert_int_equal(ring_read(&r, out, 5), 5);
    assert_int_equal(out[0], 1);
    assert_int_equal(out[4], 5);
    assert_int_equal(ring_write(&r, in + 8, 5), 5); /* wraps */
    assert_int_equal(ring_used(&r), 8);
    assert_int_equal(ring_read(&r, out, 16), 8);
    int16_t want[8] = {6, 7, 8, 9, 10, 11, 12, 13};
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(ring_read(&r, out, 1), 0);
    assert_int_equal(ring_write(&r, in, 0), 0);
    ring_destroy(&r);
}

/* The consumer drops up to a mark the producer once had; stale marks drop nothing. */
static void test_discard_to(void **state)
{
    struct ring r;
    int16_t in[6] = {1, 2, 3, 4, 5, 6}, out[6];
    (void)state;
    assert_int_equal(ring_init(&r, 8), 0);
    assert_int_equal(ring_write(&r, in, 4), 4);
    size_t mark = ring_head(&r);
    assert_int_equal(ring_write(&r, in + 4, 2), 2);
    assert_int_equal(ring_discard_to(&r, mark), 4);
    assert_int_equal(ring_discard_to(&r, mark), 0);
    assert_int_equal(ring_discard_to(&r, mark - 3), 0);
    assert_int_equal(ring_discard_to(&r, mark + 100), 0);
    assert_int_equal(ring_read(&r, out, 6), 2);
    assert_int_equal(out[0], 5);
    atomic_store(&r.head, SIZE_MAX - 1);
    atomic_store(&r.tail, SIZE_MAX - 1);
    assert_int_equal(ring_write(&r, in, 4), 4);
    assert_int_equal(ring_discard_to(&r, ring_head(&r)), 4);
    assert_int_equal(ring_used(&r), 0);
    ring_destroy(&r);
}

/* head and tail are free-running counters; they must work across overflow. */
static void test_counter_overflow(void **state)
{
    struct ring r;
    int16_t in[6] = {1, 2, 3, 4, 5, 6}, out[6];
    (void)state;
    assert_int_equal(ring_init(&r, 4), 0);
    atomic_store(&r.head, SIZE_MAX - 1);
    atomic_store(&r.tail, SIZE_MAX - 1);
    assert_int_equal(ring_write(&r, in, 6), 4);
    assert_int_equal(ring_used(&r), 4);
    assert_int_equal(ring_read(&r, out, 6), 4);
    assert_memory_equal(out, in, 4 * sizeof in[0]);
    assert_int_equal(ring_used(&r), 0);
    ring_destroy(&r);
}

#define STRESS_TOTAL (4u * 1000 * 1000)

struct stress {
    struct ring ring;
    int errors;
};

static void *producer(void *arg)
{
    struct stress *st = arg;
    int16_t buf[333];
    uint32_t next = 0;
    unsigned chunk = 1;
    while (next < STRESS_TOTAL) {
        unsigned n = chunk < STRESS_TOTAL - next ? chunk : STRESS_TOTAL - next;
        for (unsigned i = 0; i < n; i++)
            buf[i] = (int16_t)(next + i);
        size_t done = 0;
        while (done < n) {
            size_t w = ring_write(&st->ring, buf + done, n - done);
            if (w == 0)
                sched_yield();
            done += w;
        }
        next += n;
        chunk = chunk * 7 % 333 + 1;
    }
    return NULL;
}

static void *consumer(void *arg)
{
    struct stress *st = arg;
    int16_t buf[257];
    uint32_t next = 0;
    unsigned chunk = 1;
    while (next < STRESS_TOTAL) {
        size_t n = ring_read(&st->ring, buf, chunk);
        if (n == 0)
            sched_yield();
        for (size_t i = 0; i < n; i++)
            if (buf[i] != (int16_t)(next + i))
                st->errors++;
        next += (uint32_t)n;
        chunk = chunk * 5 % 257 + 1;
    }
    return NULL;
}

static void test_two_threads(void **state)
{
    struct stress st = {.errors = 0};
    pthread_t p, c;
    (void)state;
    assert_int_equal(ring_init(&st.ring, 512), 0);
    assert_int_equal(pthread_create(&c, NULL, consumer, &st), 0);
    assert_int_equal(pthread_create(&p, NULL, producer, &st), 0);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    assert_int_equal(st.errors, 0);
    assert_int_equal(ring_used(&st.ring), 0);
    ring_destroy(&st.ring);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_fill_and_wrap),
        cmocka_unit_test(test_counter_overflow),
        cmocka_unit_test(test_discard_to),
        cmocka_unit_test(test_two_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
