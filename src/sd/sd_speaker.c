/* The speaking thread: takes one job at a time from the command reader and
 * speaks it through narrate, reporting BEGIN, marks and END/STOP/PAUSE. */
#include "sd_speaker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrate.h"
#include "sd_out.h"
#include "sd_playback.h"
#include "sd_text.h"
#include "sd_voices.h"

struct sd_speaker {
    sd_config config;
    narrate *n;
    sd_playback pb;
    sd_voices voices;
    pthread_t thread;
    int thread_started;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    /* Guarded by lock: the job handed over, whether one is being spoken, quit. */
    char *job_text;
    sd_job_kind job_kind;
    sd_settings job_settings;
    int has_job, busy, quit;
};

static int on_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    sd_speaker *sp = userdata;
    return sd_playback_audio(&sp->pb, samples, count, rate);
}

static int on_event(void *userdata, const narrate_event *ev)
{
    sd_speaker *sp = userdata;
    if (ev->type == NARRATE_EVENT_MARK)
        sd_playback_mark(&sp->pb, ev->sample, ev->text);
    else if (ev->type == NARRATE_EVENT_WARNING)
        sd_log(3, "%s", ev->text);
    return atomic_load(&sp->pb.stop) ? NARRATE_STOP : NARRATE_CONTINUE;
}

/* The client's synthesis voice when it is one of the listed voices, else the
 * voice configured for its voice type, else the module's voice.  An unknown
 * name never reaches narrate_set_voice: a worker that refuses a voice is
 * stopped, and a handle whose workers are all stopped accepts any name until
 * its next text fails with EVOICE. */
static const char *chosen_voice(const sd_speaker *sp, const sd_settings *s)
{
    if (s->synthesis_voice[0] && sd_voices_has(&sp->voices, s->synthesis_voice))
        return s->synthesis_voice;
    if (s->synthesis_voice[0])
        sd_log(2, "no voice %s; using the configured one", s->synthesis_voice);
    const char *for_type = sd_config_voice_for_type(&sp->config, s->voice_type);
    return for_type ? for_type : sp->config.voice;
}

/* Voice, rate, pitch, volume and reading for the next utterance; a voice that
 * does not exist falls back to the configured one. */
static void apply_settings(sd_speaker *sp, const sd_settings *s, sd_job_kind kind)
{
    const char *voice = chosen_voice(sp, s);
    int rate = sd_rate_wpm(s->rate, sp->config.normal_rate);
    narrate_error err = narrate_set_voice(sp->n, voice, rate, sd_pitch(s->pitch),
                                          sd_volume(s->volume));
    if (err != NARRATE_OK && voice != sp->config.voice) {
        sd_log(2, "voice %s: %s; using %s", voice, narrate_errmsg(sp->n), sp->config.voice);
        err = narrate_set_voice(sp->n, sp->config.voice, rate, sd_pitch(s->pitch),
                                sd_volume(s->volume));
    }
    if (err != NARRATE_OK)
        sd_log(1, "settings: %s", narrate_errmsg(sp->n));
    if (narrate_set_reading(sp->n, s->punctuation, s->capitals,
                            s->spell || kind == SD_JOB_CHAR) != NARRATE_OK)
        sd_log(1, "reading settings: %s", narrate_errmsg(sp->n));
    narrate_set_input_format(sp->n, NARRATE_INPUT_SSML);
}

/* Speaks one job; returns the event that ends it: 702, 703 or 704. */
static int speak(sd_speaker *sp, sd_job_kind kind, const char *text, const sd_settings *s)
{
    sd_playback_start(&sp->pb);
    if (narrate_reset(sp->n) != NARRATE_OK)
        sd_log(1, "reset: %s", narrate_errmsg(sp->n));
    /* A stop that came before the reset found nothing to cancel yet. */
    int stop = atomic_load(&sp->pb.stop);
    if (stop)
        return stop;
    apply_settings(sp, s, kind);
    char *ssml = sd_text_to_ssml(kind, text);
    narrate_error err = ssml ? narrate_feed(sp->n, ssml, strlen(ssml)) : NARRATE_ENOMEM;
    if (err == NARRATE_OK)
        err = narrate_finish(sp->n);
    free(ssml);
    if ((stop = atomic_load(&sp->pb.stop)))
        return stop;
    if (err != NARRATE_OK)
        sd_log(1, "speaking: %s: %s", narrate_strerror(err),
               err == NARRATE_ENOMEM ? "" : narrate_errmsg(sp->n));
    stop = sd_playback_drain(&sp->pb);
    return stop ? stop : 702;
}

static void run_job(sd_speaker *sp, sd_job_kind kind, char *text, const sd_settings *s)
{
    int end = speak(sp, kind, text, s);
    free(text);
    if (end != 702) {
        sd_playback_cut(&sp->pb);
        narrate_reset(sp->n);
    }
    /* Each STOP, PAUSE or END follows a BEGIN. */
    sd_playback_begin(&sp->pb);
    pthread_mutex_lock(&sp->lock);
    sp->busy = 0;
    pthread_mutex_unlock(&sp->lock);
    sd_out_event(end);
}

static void *speaking_thread(void *arg)
{
    sd_speaker *sp = arg;
    for (;;) {
        pthread_mutex_lock(&sp->lock);
        while (!sp->has_job && !sp->quit)
            pthread_cond_wait(&sp->wake, &sp->lock);
        if (sp->quit) {
            pthread_mutex_unlock(&sp->lock);
            return NULL;
        }
        char *text = sp->job_text;
        sd_job_kind kind = sp->job_kind;
        sd_settings s = sp->job_settings;
        sp->job_text = NULL;
        sp->has_job = 0;
        pthread_mutex_unlock(&sp->lock);
        run_job(sp, kind, text, &s);
    }
}

sd_speaker *sd_speaker_new(const sd_config *config, char *errmsg, size_t errmsg_size)
{
    sd_speaker *sp = calloc(1, sizeof *sp);
    if (!sp) {
        snprintf(errmsg, errmsg_size, "out of memory");
        return NULL;
    }
    sp->config = *config;
    atomic_init(&sp->pb.stop, 0);
    pthread_mutex_init(&sp->lock, NULL);
    pthread_cond_init(&sp->wake, NULL);

    narrate_config nc;
    narrate_config_init(&nc);
    nc.voice = config->voice;
    nc.rate = config->normal_rate;
    nc.workers = config->workers;
    nc.input_format = NARRATE_INPUT_SSML;
    nc.on_audio = on_audio;
    nc.on_event = on_event;
    nc.userdata = sp;
    if (narrate_new(&nc, &sp->n, errmsg, errmsg_size) != NARRATE_OK ||
        sd_voices_collect(&sp->voices, sp->n, errmsg, errmsg_size) < 0) {
        sd_speaker_free(sp);
        return NULL;
    }
    if (pthread_create(&sp->thread, NULL, speaking_thread, sp) != 0) {
        snprintf(errmsg, errmsg_size, "cannot start the speaking thread");
        sd_speaker_free(sp);
        return NULL;
    }
    sp->thread_started = 1;
    return sp;
}

int sd_speaker_open_audio(sd_speaker *sp, sd_audio_path path, char *errmsg, size_t errmsg_size)
{
    return sd_playback_open(&sp->pb, path, errmsg, errmsg_size);
}

const char *const *sd_speaker_voices(const sd_speaker *sp, size_t *count)
{
    *count = sp->voices.count;
    return (const char *const *)sp->voices.lines;
}

int sd_speaker_busy(sd_speaker *sp)
{
    pthread_mutex_lock(&sp->lock);
    int busy = sp->busy;
    pthread_mutex_unlock(&sp->lock);
    return busy;
}

int sd_speaker_speak(sd_speaker *sp, sd_job_kind kind, char *text, const sd_settings *settings)
{
    pthread_mutex_lock(&sp->lock);
    if (sp->busy) {
        pthread_mutex_unlock(&sp->lock);
        free(text);
        return -1;
    }
    sp->busy = sp->has_job = 1;
    sp->job_text = text;
    sp->job_kind = kind;
    sp->job_settings = *settings;
    atomic_store(&sp->pb.stop, 0);
    pthread_cond_signal(&sp->wake);
    pthread_mutex_unlock(&sp->lock);
    return 0;
}

void sd_speaker_stop(sd_speaker *sp, int pause)
{
    pthread_mutex_lock(&sp->lock);
    if (sp->busy) {
        atomic_store(&sp->pb.stop, pause ? 704 : 703);
        narrate_cancel(sp->n);
        if (sp->pb.sink)
            narrate_sink_flush(sp->pb.sink);
    }
    pthread_mutex_unlock(&sp->lock);
}

void sd_speaker_free(sd_speaker *sp)
{
    if (!sp)
        return;
    if (sp->thread_started) {
        sd_speaker_stop(sp, 0);
        pthread_mutex_lock(&sp->lock);
        sp->quit = 1;
        pthread_cond_signal(&sp->wake);
        pthread_mutex_unlock(&sp->lock);
        pthread_join(sp->thread, NULL);
    }
    free(sp->job_text);
    sd_playback_close(&sp->pb);
    sd_voices_free(&sp->voices);
    narrate_free(sp->n);
    pthread_mutex_destroy(&sp->lock);
    pthread_cond_destroy(&sp->wake);
    free(sp);
}
