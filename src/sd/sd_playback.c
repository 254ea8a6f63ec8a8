/* Audio and marks of one utterance, to the speakers or to the server. */
#include "sd_playback.h"

#include <string.h>
#include <time.h>

#include "sd_out.h"

/* How often the drain looks at the device, and how long it waits for a device
 * that stopped taking audio before giving up on it. */
#define DRAIN_POLL_NS 4000000L
#define DRAIN_STALL_POLLS 500

int sd_playback_open(sd_playback *pb, sd_audio_path path, char *errmsg, size_t errmsg_size)
{
    pb->path = path;
    if (path == SD_AUDIO_SERVER || pb->sink)
        return 0;
    return narrate_sink_open_speakers(&pb->sink, errmsg, errmsg_size) == NARRATE_OK ? 0 : -1;
}

void sd_playback_start(sd_playback *pb)
{
    pb->base = pb->sink_total;
    pb->delivered = 0;
    pb->begun = 0;
    sd_marks_clear(&pb->marks);
}

void sd_playback_begin(sd_playback *pb)
{
    if (!pb->begun) {
        pb->begun = 1;
        sd_out_event(701);
    }
}

void sd_playback_mark(sd_playback *pb, uint64_t sample, const char *name)
{
    if (sd_marks_push(&pb->marks, sample, name) < 0)
        sd_log(1, "out of memory: mark %s is lost", name);
}

/* Module path: reports the marks whose audio the device has reached. */
static void report_played_marks(sd_playback *pb)
{
    uint64_t played = 0;
    const sd_mark *m = sd_marks_first(&pb->marks);
    if (!m || narrate_sink_played(pb->sink, &played) != NARRATE_OK)
        return;
    uint64_t heard = played > pb->base ? played - pb->base : 0;
    for (; m && m->sample <= heard; m = sd_marks_first(&pb->marks)) {
        sd_out_mark(m->name);
        sd_marks_pop(&pb->marks);
    }
}

static int to_speakers(sd_playback *pb, const int16_t *samples, size_t count, int rate)
{
    if (!pb->sink)
        return NARRATE_STOP;
    /* narrate delivers every voice at one rate, which the sink keeps for its life. */
    narrate_error err = narrate_sink_write(pb->sink, samples, count, rate);
    if (err != NARRATE_OK) {
        sd_log(1, "audio output: %s", narrate_sink_errmsg(pb->sink));
        return NARRATE_STOP;
    }
    pb->sink_total += count;
    report_played_marks(pb);
    return NARRATE_CONTINUE;
}

/* Server path: the audio in blocks cut where marks fall, each mark sent
 * between the blocks it separates. */
static void to_server(sd_playback *pb, const int16_t *samples, size_t count, int rate)
{
    uint64_t at = pb->delivered;
    const sd_mark *m;
    while ((m = sd_marks_first(&pb->marks)) && m->sample <= at + count) {
        size_t before = m->sample > at ? (size_t)(m->sample - at) : 0;
        if (before > 0)
            sd_out_audio(samples, before, rate);
        samples += before;
        count -= before;
        at += before;
        sd_out_mark(m->name);
        sd_marks_pop(&pb->marks);
    }
    if (count > 0)
        sd_out_audio(samples, count, rate);
}

int sd_playback_audio(sd_playback *pb, const int16_t *samples, size_t count, int rate)
{
    if (atomic_load(&pb->stop))
        return NARRATE_STOP;
    sd_playback_begin(pb);
    int result = NARRATE_CONTINUE;
    if (pb->path == SD_AUDIO_SERVER)
        to_server(pb, samples, count, rate);
    else
        result = to_speakers(pb, samples, count, rate);
    pb->delivered += count;
    return atomic_load(&pb->stop) ? NARRATE_STOP : result;
}

static void pause_briefly(void)
{
    struct timespec ts = {0, DRAIN_POLL_NS};
    nanosleep(&ts, NULL);
}

int sd_playback_drain(sd_playback *pb)
{
    if (pb->path == SD_AUDIO_SERVER || !pb->sink) {
        for (const sd_mark *m; (m = sd_marks_first(&pb->marks)); sd_marks_pop(&pb->marks))
            sd_out_mark(m->name);
        return atomic_load(&pb->stop);
    }
    uint64_t played = 0, last = 0;
    int stalled = 0;
    for (;;) {
        int stop = atomic_load(&pb->stop);
        if (stop)
            return stop;
        report_played_marks(pb);
        if (narrate_sink_played(pb->sink, &played) != NARRATE_OK || played >= pb->sink_total)
            break;
        stalled = played == last ? stalled + 1 : 0;
        last = played;
        if (stalled > DRAIN_STALL_POLLS) {
            sd_log(1, "the audio device stopped playing; ending the utterance");
            break;
        }
        pause_briefly();
    }
    for (const sd_mark *m; (m = sd_marks_first(&pb->marks)); sd_marks_pop(&pb->marks))
        sd_out_mark(m->name);
    return 0;
}

void sd_playback_cut(sd_playback *pb)
{
    if (pb->sink)
        narrate_sink_flush(pb->sink);
    sd_marks_clear(&pb->marks);
}

void sd_playback_close(sd_playback *pb)
{
    if (pb->sink)
        narrate_sink_close(pb->sink, 0, NULL, 0);
    pb->sink = NULL;
    sd_marks_free(&pb->marks);
}
