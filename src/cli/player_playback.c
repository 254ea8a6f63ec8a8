#include "player_playback.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void push_cue(struct playback *p, const struct cue *c)
{
    pthread_mutex_lock(&p->mu);
    if (p->cue_count == CUE_CAPACITY) {
        p->cue_head = (p->cue_head + 1) % CUE_CAPACITY;
        p->cue_count--;
    }
    p->cues[(p->cue_head + p->cue_count) % CUE_CAPACITY] = *c;
    p->cue_count++;
    pthread_mutex_unlock(&p->mu);
}

/* Whether the thread should stop feeding now: a jump or quit is waiting, or
 * new settings wait for this sentence boundary. */
static int command_waiting(struct playback *p, int at_boundary)
{
    pthread_mutex_lock(&p->mu);
    int stop = p->command != PLAY_NONE || (at_boundary && p->settings_changed);
    pthread_mutex_unlock(&p->mu);
    return stop;
}

static int on_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    struct playback *p = userdata;
    p->sample_rate = rate;
    if (command_waiting(p, 0))
        return NARRATE_STOP;
    narrate_error err = narrate_sink_write(p->sink, samples, count, rate);
    if (err != NARRATE_OK) {
        pthread_mutex_lock(&p->mu);
        p->error = err;
        snprintf(p->errmsg, sizeof p->errmsg, "%s", narrate_sink_errmsg(p->sink));
        pthread_mutex_unlock(&p->mu);
        return NARRATE_STOP;
    }
    atomic_fetch_add(&p->written, count);
    return NARRATE_CONTINUE;
}

static void word_cue(struct playback *p, const narrate_event *ev)
{
    size_t k = p->next_sentence ? p->next_sentence - 1 : 0;
    if (k >= p->outline->count)
        return;
    const char *spoken = p->outline->sentences[k].spoken;
    const char *hit = strstr(spoken + p->word_search, ev->text);
    if (!hit)
        hit = strstr(spoken, ev->text);
    if (!hit || !*ev->text)
        return;
    struct cue c = {p->run_base + ev->sample, k, hit - spoken, strlen(ev->text)};
    p->word_search = (size_t)(hit - spoken) + c.word_length;
    push_cue(p, &c);
}

static int on_event(void *userdata, const narrate_event *ev)
{
    struct playback *p = userdata;
    if (ev->type == NARRATE_EVENT_SENTENCE) {
        if (command_waiting(p, 1))
            return NARRATE_STOP;
        struct cue c = {p->run_base + ev->sample, p->next_sentence++, -1, 0};
        p->word_search = 0;
        push_cue(p, &c);
    } else if (ev->type == NARRATE_EVENT_WORD) {
        word_cue(p, ev);
    } else if (ev->type == NARRATE_EVENT_WARNING) {
        pthread_mutex_lock(&p->mu);
        snprintf(p->warning, sizeof p->warning, "warning: %s", ev->text);
        pthread_mutex_unlock(&p->mu);
    }
    return NARRATE_CONTINUE;
}

void playback_configure(struct playback *p, narrate_config *config)
{
    config->on_audio = on_audio;
    config->on_event = on_event;
    config->userdata = p;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Narrates from sentence `start` to the end or until stopped. */
static narrate_error run_from(struct playback *p, size_t start)
{
    narrate_error err = narrate_reset(p->n);
    pthread_mutex_lock(&p->mu);
    const char *voice = p->voice;
    int rate = p->rate, changed = p->settings_changed;
    p->settings_changed = 0;
    pthread_mutex_unlock(&p->mu);
    if (err == NARRATE_OK && changed)
        err = narrate_set_voice(p->n, voice, rate, -1, -1);
    if (err == NARRATE_OK)
        err = narrate_set_input_format(p->n, p->format);
    if (err == NARRATE_OK)
        err = narrate_skip_sentences(p->n, start);
    p->run_base = atomic_load(&p->written);
    p->next_sentence = start;
    if (err == NARRATE_OK)
        err = narrate_feed(p->n, p->text, p->len);
    if (err == NARRATE_OK)
        err = narrate_finish(p->n);
    return err;
}

/* After the last sentence: waits until it has been heard, or a command comes. */
static int wait_heard(struct playback *p)
{
    for (;;) {
        uint64_t played = 0;
        narrate_sink_played(p->sink, &played);
        if (played >= atomic_load(&p->written))
            return 1;
        if (command_waiting(p, 0))
            return 0;
        sleep_ms(10);
    }
}

/* Takes the waiting command; a settings change alone restarts at the next sentence. */
static enum playback_command take_command(struct playback *p, size_t *target, int *flush)
{
    pthread_mutex_lock(&p->mu);
    enum playback_command c = p->command;
    *target = p->target;
    *flush = p->flush_on_jump;
    if (c == PLAY_NONE && p->settings_changed) {
        c = PLAY_JUMP;
        *target = p->next_sentence;
        *flush = 0;
    }
    if (c == PLAY_JUMP)
        p->command = PLAY_NONE;
    pthread_mutex_unlock(&p->mu);
    return c;
}

static void *playback_main(void *arg)
{
    struct playback *p = arg;
    size_t start = p->target;
    for (;;) {
        narrate_error err = run_from(p, start);
        if (err == NARRATE_OK && wait_heard(p)) {
            pthread_mutex_lock(&p->mu);
            p->finished = 1;
            pthread_mutex_unlock(&p->mu);
            break;
        }
        int flush;
        enum playback_command c = take_command(p, &start, &flush);
        if (c == PLAY_JUMP) {
            if (flush)
                narrate_sink_flush(p->sink);
            continue;
        }
        if (c != PLAY_QUIT && err != NARRATE_OK && err != NARRATE_ECANCELED) {
            pthread_mutex_lock(&p->mu);
            if (p->error == NARRATE_OK) {
                p->error = err;
                snprintf(p->errmsg, sizeof p->errmsg, "%s", narrate_errmsg(p->n));
            }
            pthread_mutex_unlock(&p->mu);
        }
        break;
    }
    pthread_mutex_lock(&p->mu);
    p->done = 1;
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int playback_start(struct playback *p, size_t start)
{
    if (pthread_mutex_init(&p->mu, NULL) != 0)
        return -1;
    atomic_init(&p->written, 0);
    p->target = start;
    if (pthread_create(&p->thread, NULL, playback_main, p) != 0) {
        pthread_mutex_destroy(&p->mu);
        return -1;
    }
    return 0;
}

void playback_jump(struct playback *p, size_t sentence, int flush)
{
    pthread_mutex_lock(&p->mu);
    if (p->command != PLAY_QUIT) {
        p->command = PLAY_JUMP;
        p->target = sentence;
        p->flush_on_jump = flush;
    }
    p->cue_count = 0;
    pthread_mutex_unlock(&p->mu);
    narrate_cancel(p->n);
    if (flush)
        narrate_sink_flush(p->sink);
}

void playback_quit(struct playback *p)
{
    pthread_mutex_lock(&p->mu);
    p->command = PLAY_QUIT;
    pthread_mutex_unlock(&p->mu);
    narrate_cancel(p->n);
    narrate_sink_flush(p->sink);
}

void playback_set_voice(struct playback *p, const char *voice, int rate)
{
    pthread_mutex_lock(&p->mu);
    p->voice = voice;
    p->rate = rate;
    p->settings_changed = 1;
    pthread_mutex_unlock(&p->mu);
}

int playback_take_cues(struct playback *p, struct cue *current)
{
    uint64_t played = 0;
    int moved = 0;
    narrate_sink_played(p->sink, &played);
    pthread_mutex_lock(&p->mu);
    if (p->cue_count > 0 && p->cues[p->cue_head].at <= played) {
        *current = p->cues[p->cue_head];
        p->cue_head = (p->cue_head + 1) % CUE_CAPACITY;
        p->cue_count--;
        moved = 1;
    }
    pthread_mutex_unlock(&p->mu);
    return moved;
}

void playback_clear_cues(struct playback *p)
{
    pthread_mutex_lock(&p->mu);
    p->cue_count = 0;
    pthread_mutex_unlock(&p->mu);
}

void playback_join(struct playback *p)
{
    pthread_join(p->thread, NULL);
    pthread_mutex_destroy(&p->mu);
}
