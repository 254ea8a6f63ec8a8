/* Benchmark: time from narrate_feed() of a large text to the first audio
 * callback, with warm workers (started by narrate_new before the clock starts).
 *   first_audio WORKER TEXTFILE RUNS   -> one line per run, in milliseconds */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "narrate.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct probe {
    double start, first;
} probe;

static int on_audio(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)s, (void)count, (void)rate;
    probe *p = userdata;
    if (p->first == 0)
        p->first = now_ms();
    return NARRATE_STOP; /* one chunk is all this measures */
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: first_audio WORKER TEXTFILE RUNS\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[2], "rb");
    if (!f)
        return 1;
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    for (int run = 0; run < atoi(argv[3]); run++) {
        probe p = {0, 0};
        narrate_config c;
        narrate_config_init(&c);
        c.worker_path = argv[1];
        c.on_audio = on_audio;
        c.userdata = &p;
        narrate *n;
        if (narrate_new(&c, &n, NULL, 0) != NARRATE_OK)
            return 1;
        p.start = now_ms();
        narrate_feed(n, text, len);
        printf("%.2f\n", p.first - p.start);
        narrate_free(n);
    }
    return 0;
}
