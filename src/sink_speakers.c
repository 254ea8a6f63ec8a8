/* The speakers sink: PortAudio's default output device, fed through an SPSC ring.
 *
 * The thread that calls narrate_sink_write is the ring's producer; PortAudio's
 * real-time callback is its consumer and touches nothing but the ring and the
 * atomics `canceled`, `paused` and `flush_mark`, so it never allocates, locks or
 * prints; on its first call it asks for SCHED_FIFO for its thread.  Pause and
 * flush are requests any thread may make; the callback carries them out: while
 * paused it plays silence and leaves the ring alone, and it drops everything
 * before flush_mark (a producer position) before it reads.  The stream is
 * opened on the first write, at that write's rate when the device takes it,
 * otherwise at the device's own rate through a resampler.  The sink owns one
 * PortAudio initialization (PortAudio counts them), the stream, the ring and
 * the resampler.
 *
 * Calls that make ALSA or JACK print (initialize, open, close, terminate) run with
 * fd 2 silenced; see stderr_quiet.h. */
#include "resample.h"
#include "ring.h"
#include "sink.h"
#include "stderr_quiet.h"

#include <alsa/asoundlib.h>

#include <portaudio.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Samples the ring holds: about 0.75 s at 22050 Hz. */
#define RING_SAMPLES 16384
/* How long a blocked writer or a draining close sleeps between looks. */
#define POLL_NS (2 * 1000 * 1000)

_Static_assert(ATOMIC_BOOL_LOCK_FREE == 2, "the audio callback needs a lock-free flag");
_Static_assert(ATOMIC_LONG_LOCK_FREE == 2 && sizeof(long) == sizeof(size_t),
               "the audio callback needs a lock-free flush mark");

struct speakers_sink {
    narrate_sink base;
    struct ring ring;
    PaDeviceIndex device;
    PaStream *stream;      /* NULL until the first write */
    int started;           /* Pa_StartStream has succeeded */
    int in_rate;           /* rate of the first write */
    int dev_rate;          /* rate the stream runs at */
    struct resampler *rs;  /* NULL when in_rate == dev_rate */
    narrate_error failed;  /* sticky; never ECANCELED, which the flag reports */
    narrate_error push_err; /* what stopped the last resampler_push */
    atomic_bool paused;
    _Atomic size_t flush_mark; /* the ring's head at the last flush */
    int callback_raised;   /* touched only by the callback thread */
};

static void pause_briefly(void)
{
    struct timespec ts = {0, POLL_NS};
    nanosleep(&ts, NULL);
}

/* Asks for real-time scheduling for the calling thread, at the lowest FIFO
 * priority: enough to run ahead of the synthesis workers and the rest of the
 * desktop, so that a busy machine does not make the device run dry.  Without
 * the privilege (not root, no rtprio limit) the thread stays as it was. */
static void raise_to_real_time(void)
{
    struct sched_param param = {.sched_priority = sched_get_priority_min(SCHED_FIFO)};
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

/* The real-time consumer: samples from the ring, silence on underrun or cancel. */
static int play(const void *input, void *output, unsigned long frames,
                const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags,
                void *userdata)
{
    struct speakers_sink *sp = userdata;
    int16_t *out = output;
    size_t n = 0;
    (void)input;
    (void)time;
    (void)flags;
    if (!sp->callback_raised) {
        raise_to_real_time();
        sp->callback_raised = 1;
    }
    ring_discard_to(&sp->ring, atomic_load_explicit(&sp->flush_mark, memory_order_acquire));
    if (!atomic_load_explicit(&sp->base.canceled, memory_order_acquire) &&
        !atomic_load_explicit(&sp->paused, memory_order_acquire))
        n = ring_read(&sp->ring, out, frames);
    memset(out + n, 0, (frames - n) * sizeof *out);
    return paContinue;
}

static PaStreamParameters output_params(const struct speakers_sink *sp)
{
    PaStreamParameters p;
    const PaDeviceInfo *info = Pa_GetDeviceInfo(sp->device);
    memset(&p, 0, sizeof p);
    p.device = sp->device;
    p.channelCount = 1;
    p.sampleFormat = paInt16;
    p.suggestedLatency = info ? info->defaultLowOutputLatency : 0.05;
    return p;
}

static narrate_error pa_fail(struct speakers_sink *sp, narrate_error err, const char *what,
                             PaError pe)
{
    return sink_fail(&sp->base, err, "audio output: %s: %s", what, Pa_GetErrorText(pe));
}

/* Opens the stream at in_rate if the device takes it, else at its own rate. */
static narrate_error open_stream(struct speakers_sink *sp, int in_rate)
{
    PaStreamParameters p = output_params(sp);
    const PaDeviceInfo *info = Pa_GetDeviceInfo(sp->device);
    char msg[160];
    int quiet;
    PaError pe;

    sp->in_rate = sp->dev_rate = in_rate;
    quiet = stderr_quiet_begin();
    if (Pa_IsFormatSupported(NULL, &p, in_rate) != paFormatIsSupported && info)
        sp->dev_rate = (int)info->defaultSampleRate;
    pe = Pa_OpenStream(&sp->stream, NULL, &p, sp->dev_rate, paFramesPerBufferUnspecified,
                       paNoFlag, play, sp);
    stderr_quiet_end(quiet);
    if (pe != paNoError) {
        sp->stream = NULL;
        return pa_fail(sp, NARRATE_EWRITE, "cannot open the device", pe);
    }
    if (sp->dev_rate != in_rate && !(sp->rs = resampler_new(in_rate, sp->dev_rate, msg,
                                                            sizeof msg)))
        return sink_fail(&sp->base, NARRATE_EFORMAT, "audio output: %s", msg);
    return NARRATE_OK;
}

static narrate_error start(struct speakers_sink *sp)
{
    PaError pe;
    if (sp->started)
        return NARRATE_OK;
    if ((pe = Pa_StartStream(sp->stream)) != paNoError)
        return pa_fail(sp, NARRATE_EWRITE, "cannot start playing", pe);
    sp->started = 1;
    return NARRATE_OK;
}

/* Puts samples into the ring, starting the stream once 100 ms are queued or the
 * ring is full, and waiting while it is full.  Returns early on cancel. */
static narrate_error enqueue(struct speakers_sink *sp, const int16_t *samples, size_t count)
{
    narrate_error err;
    for (;;) {
        size_t n = ring_write(&sp->ring, samples, count);
        samples += n;
        count -= n;
        if (!sp->started && (count > 0 || ring_used(&sp->ring) >= (size_t)sp->dev_rate / 10)
            && (err = start(sp)) != NARRATE_OK)
            return err;
        if (count == 0)
            return NARRATE_OK;
        if (sink_is_canceled(&sp->base))
            return sink_fail(&sp->base, NARRATE_ECANCELED, "canceled");
        pause_briefly();
    }
}

/* A resample_out_fn: the resampler's output goes to the ring. */
static int enqueue_resampled(void *ctx, const int16_t *samples, size_t count)
{
    struct speakers_sink *sp = ctx;
    sp->push_err = enqueue(sp, samples, count);
    return sp->push_err != NARRATE_OK;
}

static narrate_error feed(struct speakers_sink *sp, const int16_t *samples, size_t count)
{
    if (!sp->rs)
        return enqueue(sp, samples, count);
    int r = resampler_push(sp->rs, samples, count, enqueue_resampled, sp);
    if (r < 0)
        return sink_fail(&sp->base, NARRATE_EWRITE, "audio output: resampling: %s",
                         resampler_error(sp->rs));
    return r ? sp->push_err : NARRATE_OK;
}

static narrate_error speakers_write(narrate_sink *s, const int16_t *samples, size_t count,
                                    int sample_rate)
{
    struct speakers_sink *sp = (struct speakers_sink *)s;
    narrate_error err;
    if (sp->failed)
        return sp->failed;
    if (!sp->stream)
        err = open_stream(sp, sample_rate);
    else if (sample_rate != sp->in_rate)
        err = sink_fail(s, NARRATE_EFORMAT, "sample rate changed from %d to %d Hz",
                        sp->in_rate, sample_rate);
    else
        err = NARRATE_OK;
    if (!err)
        err = feed(sp, samples, count);
    if (err != NARRATE_ECANCELED)
        sp->failed = err;
    return err;
}

/* Waits until the callback has taken everything from the ring; gives up on cancel
 * or when the stream has stopped on its own (device lost). */
static void wait_drained(struct speakers_sink *sp)
{
    while (ring_used(&sp->ring) > 0 && !sink_is_canceled(&sp->base) &&
           Pa_IsStreamActive(sp->stream) == 1)
        pause_briefly();
}

/* Plays out what is queued, then stops; returns the first PortAudio error. */
static narrate_error drain(struct speakers_sink *sp)
{
    narrate_error err = NARRATE_OK;
    PaError pe;
    if (sp->rs && !sp->failed && !sink_is_canceled(&sp->base) &&
        resampler_push(sp->rs, NULL, 0, enqueue_resampled, sp) < 0)
        err = sink_fail(&sp->base, NARRATE_EWRITE, "audio output: resampling: %s",
                        resampler_error(sp->rs));
    if (ring_used(&sp->ring) > 0 && !sink_is_canceled(&sp->base) && !err)
        err = start(sp);
    if (!sp->started)
        return err;
    wait_drained(sp);
    if (sink_is_canceled(&sp->base))
        pe = Pa_AbortStream(sp->stream);
    else
        pe = Pa_StopStream(sp->stream);
    if (pe != paNoError && !err)
        err = pa_fail(sp, NARRATE_EWRITE, "cannot finish playing", pe);
    return err;
}

static narrate_error speakers_close(narrate_sink *s, int commit)
{
    struct speakers_sink *sp = (struct speakers_sink *)s;
    narrate_error err = NARRATE_OK;
    int quiet;
    if (sp->stream) {
        if (commit)
            err = drain(sp);
        else if (sp->started)
            Pa_AbortStream(sp->stream);
        quiet = stderr_quiet_begin();
        Pa_CloseStream(sp->stream);
        stderr_quiet_end(quiet);
    }
    if (commit && !err && sp->failed)
        err = sp->failed;
    quiet = stderr_quiet_begin();
    Pa_Terminate();
    stderr_quiet_end(quiet);
    ring_destroy(&sp->ring);
    resampler_free(sp->rs);
    return err == NARRATE_OK || err == NARRATE_ENOMEM ? err : NARRATE_EWRITE;
}

static narrate_error speakers_pause(narrate_sink *s, int paused)
{
    struct speakers_sink *sp = (struct speakers_sink *)s;
    atomic_store_explicit(&sp->paused, paused, memory_order_release);
    return NARRATE_OK;
}

/* Raises flush_mark to the producer's position; a concurrent flush that saw a
 * later position wins. */
static void speakers_flush(narrate_sink *s)
{
    struct speakers_sink *sp = (struct speakers_sink *)s;
    size_t head = ring_head(&sp->ring);
    size_t mark = atomic_load_explicit(&sp->flush_mark, memory_order_acquire);
    while ((ptrdiff_t)(head - mark) > 0 &&
           !atomic_compare_exchange_weak_explicit(&sp->flush_mark, &mark, head,
                                                  memory_order_acq_rel, memory_order_acquire))
        ;
}

/* The ring's tail is in device samples; scaled back to the rate of the writes.
 * rs and the rates are written before the stream starts, and so before the
 * callback's first release store of a nonzero tail, which this acquires. */
static uint64_t speakers_played(narrate_sink *s)
{
    struct speakers_sink *sp = (struct speakers_sink *)s;
    uint64_t tail = atomic_load_explicit(&sp->ring.tail, memory_order_acquire);
    if (tail == 0 || !sp->rs)
        return tail;
    return tail * (uint64_t)sp->in_rate / (uint64_t)sp->dev_rate;
}

static const struct sink_ops speakers_ops = {speakers_write, NULL, speakers_pause,
                                             speakers_flush, speakers_played, speakers_close};

/* ALSA reports recoveries ("underrun occurred") on stderr from inside the audio
 * thread while playing, where no stderr window can cover it. */
static void alsa_says_nothing(const char *file, int line, const char *function, int err,
                              const char *fmt, ...)
{
    (void)file, (void)line, (void)function, (void)err, (void)fmt;
}

/* Initializes PortAudio and finds a default output device that takes mono int16. */
static narrate_error find_device(struct speakers_sink *sp)
{
    snd_lib_error_set_handler(alsa_says_nothing);
    int quiet = stderr_quiet_begin();
    PaError pe = Pa_Initialize();
    narrate_error err = NARRATE_OK;
    if (pe != paNoError) {
        stderr_quiet_end(quiet);
        return pa_fail(sp, NARRATE_ENODEVICE, "cannot initialize", pe);
    }
    sp->device = Pa_GetDefaultOutputDevice();
    const PaDeviceInfo *info = sp->device == paNoDevice ? NULL : Pa_GetDeviceInfo(sp->device);
    if (!info || info->maxOutputChannels < 1) {
        err = sink_fail(&sp->base, NARRATE_ENODEVICE, "no audio output device found");
    } else {
        PaStreamParameters p = output_params(sp);
        pe = Pa_IsFormatSupported(NULL, &p, info->defaultSampleRate);
        if (pe != paFormatIsSupported)
            err = pa_fail(sp, pe == paDeviceUnavailable ? NARRATE_ENODEVICE : NARRATE_EOPEN,
                          info->name, pe);
    }
    if (err)
        Pa_Terminate();
    stderr_quiet_end(quiet);
    return err;
}

narrate_error narrate_sink_open_speakers(narrate_sink **out, char *errmsg, size_t errmsg_size)
{
    struct speakers_sink *sp;
    narrate_error err;
    if (!out)
        return NARRATE_EINVAL;
    *out = NULL;
    sp = calloc(1, sizeof *sp);
    if (!sp || ring_init(&sp->ring, RING_SAMPLES) != 0) {
        free(sp);
        sink_copy_msg(errmsg, errmsg_size, "out of memory");
        return NARRATE_ENOMEM;
    }
    sink_init(&sp->base, &speakers_ops);
    atomic_init(&sp->paused, 0);
    atomic_init(&sp->flush_mark, 0);
    if ((err = find_device(sp)) != NARRATE_OK) {
        sink_copy_msg(errmsg, errmsg_size, sp->base.errmsg);
        ring_destroy(&sp->ring);
        free(sp);
        return err;
    }
    *out = &sp->base;
    return NARRATE_OK;
}
