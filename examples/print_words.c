/* print_words: narrate a text silently and print each word as it would be
 * spoken, with its time and its place in the original text.
 *
 *   build/examples/print_words "Mr. Xi met Vladimir V. Putin on Jan. 5."
 *
 * Only libnarrate's public header is used; the audio callback just counts samples. */
#include <stdio.h>
#include <string.h>

#include <narrate.h>

typedef struct listener {
    const char *source; /* the caller's original text, for quoting offsets */
    int sample_rate;
} listener;

static int on_audio(void *userdata, const int16_t *samples, size_t count, int sample_rate)
{
    (void)samples;
    (void)count;
    ((listener *)userdata)->sample_rate = sample_rate;
    return NARRATE_CONTINUE;
}

static int on_event(void *userdata, const narrate_event *ev)
{
    listener *l = userdata;
    double seconds = l->sample_rate ? (double)ev->sample / l->sample_rate : 0.0;
    if (ev->type == NARRATE_EVENT_SENTENCE)
        printf("sentence: %s\n", ev->text);
    else if (ev->type == NARRATE_EVENT_WORD)
        printf("%7.2fs  %-20s <- \"%.*s\"\n", seconds, ev->text, (int)ev->length,
               l->source + ev->offset);
    else if (ev->type == NARRATE_EVENT_WARNING)
        printf("warning: %s\n", ev->text);
    return NARRATE_CONTINUE;
}

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "Mr. Xi met Vladimir V. Putin on Jan. 5, 2023.";
    listener l = {text, 0};
    narrate_config config;
    narrate_config_init(&config);
    config.on_audio = on_audio;
    config.on_event = on_event;
    config.userdata = &l;

    narrate *n;
    char message[256];
    narrate_error err = narrate_new(&config, &n, message, sizeof message);
    if (err != NARRATE_OK) {
        fprintf(stderr, "print_words: %s\n", message);
        return 1;
    }
    err = narrate_feed(n, text, strlen(text));
    if (err == NARRATE_OK)
        err = narrate_finish(n);
    if (err != NARRATE_OK)
        fprintf(stderr, "print_words: %s\n", narrate_errmsg(n));
    narrate_free(n);
    return err == NARRATE_OK ? 0 : 1;
}
