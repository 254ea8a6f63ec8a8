#include "common.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void cli_config_from_options(narrate_config *config, const options *o, const char *worker_path,
                             char *voice_buf, size_t voice_size)
{
    narrate_config_init(config);
    config->worker_path = worker_path;
    config->voice = o->voice;
    if (o->engine) {
        snprintf(voice_buf, voice_size, "%s:%s", o->engine, o->voice ? o->voice : "");
        config->voice = voice_buf;
    }
    config->rate = o->rate;
    config->pitch = o->pitch;
    config->volume = o->volume;
    config->workers = o->workers;
    config->read_captions = o->read_captions;
    config->read_image_alt = o->read_image_alt;
    config->lexicons = o->lexicons;
    config->punctuation = o->punctuation;
    config->capitals = o->capitals;
    config->spell = o->spell;
}

narrate_input_format cli_input_format_of(const options *o, const char *path)
{
    if (o->input_format != NARRATE_INPUT_AUTO)
        return o->input_format;
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NARRATE_INPUT_AUTO;
    narrate_input_format f = narrate_input_format_from_name(dot + 1);
    return f == NARRATE_INPUT_AUTO && strcasecmp(dot + 1, "xhtml") == 0 ? NARRATE_INPUT_HTML : f;
}

int cli_exit_code_for(narrate_error err, int signal)
{
    switch (err) {
    case NARRATE_OK: return EXIT_OK;
    case NARRATE_EVOICE: return EXIT_VOICE;
    case NARRATE_ENODEVICE: return EXIT_NO_DEVICE;
    case NARRATE_EOPEN: case NARRATE_EWRITE: case NARRATE_EFORMAT: return EXIT_OUTPUT;
    case NARRATE_ECANCELED: return 128 + (signal ? signal : SIGINT);
    default: return EXIT_FAILURE_OTHER;
    }
}

int cli_exit_code_for_setup(narrate_error err)
{
    return err == NARRATE_EOPEN || err == NARRATE_EDATA ? EXIT_INPUT : cli_exit_code_for(err, 0);
}

void cli_catch_signals(void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
}

const char *cli_worker_beside_executable(char *buf, size_t size)
{
    const char *chosen = getenv("NARRATE_WORKER");
    if (chosen && *chosen)
        return NULL;
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return NULL;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    snprintf(buf, size, "%s/narrate-worker", self);
    return access(buf, X_OK) == 0 ? buf : NULL;
}
