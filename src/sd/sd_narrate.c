/* sd_narrate: a speech-dispatcher output module that speaks with libnarrate.
 *
 * speech-dispatcher starts it as `sd_narrate CONFIGFILE` and talks to it over
 * standard input and output (the output-module protocol of its manual): the
 * main thread reads commands and answers them, a speaking thread (sd_speaker)
 * speaks and reports events, so STOP and PAUSE are acted on while speaking. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrate.h"
#include "sd_config.h"
#include "sd_in.h"
#include "sd_out.h"
#include "sd_settings.h"
#include "sd_speaker.h"

typedef struct module {
    sd_config config;
    sd_settings settings;
    sd_speaker *speaker;
    char init_error[512];
} module;

static void on_set_line(void *userdata, const char *line)
{
    module *m = userdata;
    if (sd_settings_set(&m->settings, line) < 0)
        sd_log(3, "ignoring setting %s", line);
}

static void on_loglevel_line(void *userdata, const char *line)
{
    (void)userdata;
    if (strncmp(line, "log_level=", 10) == 0)
        sd_log_set_level(atoi(line + 10));
}

typedef struct audio_request {
    char method[32];
} audio_request;

static void on_audio_line(void *userdata, const char *line)
{
    audio_request *a = userdata;
    if (strncmp(line, "audio_output_method=", 20) == 0)
        snprintf(a->method, sizeof a->method, "%s", line + 20);
}

static int cmd_init(module *m)
{
    if (m->speaker) {
        sd_out_line("299 OK LOADED SUCCESSFULLY");
        return 0;
    }
    if (m->init_error[0] == '\0')
        m->speaker = sd_speaker_new(&m->config, m->init_error, sizeof m->init_error);
    if (!m->speaker) {
        const char *items[] = {m->init_error};
        sd_out_list(399, items, 1, "ERR CANT INIT MODULE");
        return 0;
    }
    const char *items[] = {"narrate " NARRATE_VERSION_STRING " initialized"};
    sd_out_list(299, items, 1, "OK LOADED SUCCESSFULLY");
    return 0;
}

/* The server first offers to play the audio itself ("server"), then, if the
 * module declines, names its own output method, which the module ignores: it
 * plays on the default device. */
static int cmd_audio(module *m)
{
    audio_request a = {""};
    sd_out_line("207 OK RECEIVING AUDIO SETTINGS");
    if (sd_in_each_line(on_audio_line, &a) < 0)
        return -1;
    char msg[256];
    int server = strcmp(a.method, "server") == 0;
    if (!m->speaker) {
        sd_out_line("300 ERR NOT INITIALIZED");
    } else if (server && m->config.audio != SD_AUDIO_SERVER) {
        sd_out_line("300 ERR THIS MODULE PLAYS ITS OWN AUDIO");
    } else if (sd_speaker_open_audio(m->speaker, server ? SD_AUDIO_SERVER : SD_AUDIO_MODULE,
                                     msg, sizeof msg) < 0) {
        sd_log(1, "audio: %s", msg);
        sd_out_line("300 ERR CANT OPEN AUDIO");
    } else {
        sd_log(3, "audio is played by the %s", server ? "server" : "module");
        sd_out_line("203 OK AUDIO INITIALIZED");
    }
    return 0;
}

static int cmd_set(module *m)
{
    sd_out_line("203 OK RECEIVING SETTINGS");
    if (sd_in_each_line(on_set_line, m) < 0)
        return -1;
    sd_out_line("203 OK SETTINGS RECEIVED");
    return 0;
}

static int cmd_loglevel(module *m)
{
    sd_out_line("207 OK RECEIVING LOGLEVEL SETTINGS");
    if (sd_in_each_line(on_loglevel_line, m) < 0)
        return -1;
    sd_out_line("203 OK LOGLEVEL SET");
    return 0;
}

static int cmd_speak(module *m, sd_job_kind kind)
{
    sd_out_line("202 OK RECEIVING MESSAGE");
    char *text = sd_in_block();
    if (!text)
        return feof(stdin) ? -1 : (sd_out_line("401 ERR OUT OF MEMORY"), 0);
    if (!m->speaker || sd_speaker_busy(m->speaker)) {
        free(text);
        sd_out_line(m->speaker ? "401 ERR ALREADY SPEAKING" : "300 ERR NOT INITIALIZED");
        return 0;
    }
    /* The reply goes out before the speaking thread can send any event. */
    sd_out_line("200 OK SPEAKING");
    sd_speaker_speak(m->speaker, kind, text, &m->settings);
    return 0;
}

static int cmd_list_voices(module *m)
{
    size_t count = 0;
    const char *const *lines = m->speaker ? sd_speaker_voices(m->speaker, &count) : NULL;
    sd_out_list(200, lines, count, "OK VOICE LIST SENT");
    return 0;
}

/* Runs one command line; returns 1 for QUIT, -1 at end of input, else 0. */
static int dispatch(module *m, const char *cmd)
{
    if (strcmp(cmd, "SPEAK") == 0)
        return cmd_speak(m, SD_JOB_TEXT);
    if (strcmp(cmd, "CHAR") == 0)
        return cmd_speak(m, SD_JOB_CHAR);
    if (strcmp(cmd, "KEY") == 0)
        return cmd_speak(m, SD_JOB_KEY);
    if (strcmp(cmd, "SOUND_ICON") == 0)
        return cmd_speak(m, SD_JOB_ICON);
    if (strcmp(cmd, "STOP") == 0 || strcmp(cmd, "PAUSE") == 0) {
        if (m->speaker)
            sd_speaker_stop(m->speaker, cmd[0] == 'P');
        return 0; /* asynchronous: no reply */
    }
    if (strcmp(cmd, "SET") == 0)
        return cmd_set(m);
    if (strcmp(cmd, "INIT") == 0)
        return cmd_init(m);
    if (strcmp(cmd, "AUDIO") == 0)
        return cmd_audio(m);
    if (strcmp(cmd, "LOGLEVEL") == 0)
        return cmd_loglevel(m);
    if (strcmp(cmd, "LIST VOICES") == 0)
        return cmd_list_voices(m);
    if (strncmp(cmd, "DEBUG", 5) == 0) {
        sd_out_line("200 OK DEBUGGING SET");
        return 0;
    }
    if (strcmp(cmd, "QUIT") == 0) {
        sd_out_line("210 OK QUIT");
        return 1;
    }
    sd_out_line("300 ERR UNKNOWN COMMAND");
    return 0;
}

int main(int argc, char **argv)
{
    static module m;
    /* A server that went away must end the module through a failed read, not
     * kill it with SIGPIPE in the middle of a write. */
    signal(SIGPIPE, SIG_IGN);
    sd_config_init(&m.config);
    sd_settings_init(&m.settings);
    if (argc > 1 && sd_config_read(&m.config, argv[1], m.init_error, sizeof m.init_error) < 0)
        sd_log(1, "%s", m.init_error);

    int result = 0;
    char *cmd;
    while (result == 0 && (cmd = sd_in_line())) {
        result = dispatch(&m, cmd);
        free(cmd);
    }
    sd_speaker_free(m.speaker);
    return 0;
}
