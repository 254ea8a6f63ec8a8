/* Benchmark: what a screen reader feels.  A long text plays into an audio
 * callback paced like a device (it blocks for each chunk's duration, and wakes
 * at once when stopped, as narrate_sink_cancel() wakes a blocked write).
 * Mid-sentence the main thread stops it (narrate_cancel) and the clock runs
 * until the cancelled feed/finish returns: the stop latency.  Then
 * narrate_reset() and a short new utterance: the time from its feed to its
 * first audio callback, with warm workers.
 *   stop_restart WORKER TEXTFILE RUNS   -> "stop_ms next_first_audio_ms" per run */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "narrate.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct player {
    narrate *n;
    const char *text;
    size_t len;
    atomic_int stopped;       /* the device was told to stop */
    atomic_int playing;       /* audio has started */
    double feed_returned, next_fed, next_first;
    int after_reset;
} player;

static int paced_audio(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)s;
    player *p = userdata;
    if (p->after_reset) {
        if (p->next_first == 0)
            p->next_first = now_ms();
        return NARRATE_CONTINUE;
    }
    atomic_store(&p->playing, 1);
    double until = now_ms() + 1000.0 * (double)count / rate;
    while (!atomic_load(&p->stopped) && now_ms() < until) {
        struct timespec slice = {0, 500000};
        nanosleep(&slice, NULL);
    }
    return NARRATE_CONTINUE;
}

static void *play(void *arg)
{
    player *p = arg;
    narrate_error err = narrate_feed(p->n, p->text, p->len);
    if (err == NARRATE_OK)
        narrate_finish(p->n);
    p->feed_returned = now_ms();
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: stop_restart WORKER TEXTFILE RUNS\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[2], "rb");
    if (!f)
        return 1;
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    player p;
    memset(&p, 0, sizeof p);
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = argv[1];
    c.on_audio = paced_audio;
    c.userdata = &p;
    if (narrate_new(&c, &p.n, NULL, 0) != NARRATE_OK)
        return 1;
    p.text = text;
    p.len = len;
    static const char next[] = "Next item, settings.";
    for (int run = 0; run < atoi(argv[3]); run++) {
        atomic_store(&p.stopped, 0);
        atomic_store(&p.playing, 0);
        p.after_reset = 0;
        p.next_first = 0;
        pthread_t t;
        pthread_create(&t, NULL, play, &p);
        while (!atomic_load(&p.playing))
            nanosleep(&(struct timespec){0, 1000000}, NULL);
        nanosleep(&(struct timespec){0, (200 + 37 * run % 300) * 1000000L}, NULL);
        double stop = now_ms();
        atomic_store(&p.stopped, 1);
        narrate_cancel(p.n);
        pthread_join(t, NULL);
        narrate_reset(p.n);
        p.after_reset = 1;
        p.next_fed = now_ms();
        narrate_feed(p.n, next, sizeof next - 1);
        narrate_finish(p.n);
        narrate_reset(p.n);
        printf("%.2f %.2f\n", p.feed_returned - stop, p.next_first - p.next_fed);
    }
    narrate_free(p.n);
    return 0;
}
