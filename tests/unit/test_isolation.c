/* Crash isolation: real espeak-ng crashes and hangs cost one sentence, never the
 * host process or the rest of the text. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "helpers.h"
#include "narrate_internal.h"

static char *repeat(const char *unit, int times)
{
    size_t len = strlen(unit);
    char *s = malloc(len * (size_t)times + 1);
    for (int i = 0; i < times; i++)
        memcpy(s + len * (size_t)i, unit, len);
    s[len * (size_t)times] = '\0';
    return s;
}

/* Queues `text` as one sentence exactly as given, bypassing the normalizer. */
static narrate_error submit_raw(narrate *n, const char *text, uint64_t offset)
{
    norm_sentence s = {0};
    s.len = strlen(text);
    s.text = strdup(text);
    s.words = calloc(1, sizeof *s.words);
    s.nwords = 1;
    s.words[0] = (norm_word){0, (uint32_t)s.len, 0, (uint32_t)s.len, 0, ""};
    uint64_t *spans = malloc(2 * sizeof *spans);
    spans[0] = offset;
    spans[1] = s.len;
    narrate_error err =
        jobs_submit(n, &s, spans, NULL, offset, s.len, (job_style){0, 0, 0, -1, -1, "", ""});
    norm_sentence_free(&s);
    return err;
}

/* The engine really dies on the text; the narrator recovers and goes on. */
static void survives_raw_crasher(const char *crasher)
{
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 1);
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    n->unsafe_raw_text = 1;
    pid_t before = n->workers[0].pid;
    assert_int_equal(submit_raw(n, "Before the crash.", 0), NARRATE_OK);
    assert_int_equal(submit_raw(n, crasher, 20), NARRATE_OK);
    assert_int_equal(submit_raw(n, "After the crash.", 2000), NARRATE_OK);
    assert_int_equal(jobs_drain(n), NARRATE_OK);
    assert_int_not_equal(n->workers[0].pid, before); /* the worker died and was replaced */
    assert_int_equal(r.nsentences, 3);
    assert_string_equal(r.sentences[2], "After the crash.");
    assert_true(r.samples > r.sentence_samples[2] + 11025); /* "After the crash" was heard */
    narrate_free(n);
    test_recording_free(&r);
}

static void test_apostrophe_s_run_kills_engine_not_host(void **state)
{
    (void)state;
    char *crasher = repeat("s'", 70);
    survives_raw_crasher(crasher);
    free(crasher);
}

static void test_dotted_letter_run_kills_engine_not_host(void **state)
{
    (void)state;
    char *crasher = repeat("a . ", 85);
    survives_raw_crasher(crasher);
    free(crasher);
}

/* A handle with one worker, which gives up on a sentence after half a second. */
static narrate *one_impatient_worker(recording *r)
{
    narrate_config c;
    test_config(&c, r, 1);
    c.sentence_timeout = 0.5;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    return n;
}

static void test_hung_worker_is_replaced(void **state)
{
    (void)state;
    recording r = {0};
    narrate *n = one_impatient_worker(&r);
    kill(n->workers[0].pid, SIGSTOP);
    const char *text = "The engine hangs here. Then it comes back.";
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    assert_int_equal(r.nsentences, 2);
    assert_true(r.loud_samples > 1000);
    narrate_free(n);
    test_recording_free(&r);
}

/* The process a worker forks to answer a request: found in /proc, and stopped
 * as a hung engine would be. */
typedef struct hang_request {
    pid_t worker;
    pid_t child; /* 0 until found */
} hang_request;

static void *hang_first_request(void *arg)
{
    hang_request *h = arg;
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)h->worker, (int)h->worker);
    for (int tries = 0; tries < 100000 && !h->child; tries++) {
        FILE *f = fopen(path, "r");
        int pid = 0;
        if (f && fscanf(f, "%d", &pid) == 1 && kill(pid, SIGSTOP) == 0)
            h->child = pid;
        if (f)
            fclose(f);
        nanosleep(&(struct timespec){0, 50000}, NULL);
    }
    return NULL;
}

/* Gone, or a zombie waiting for whoever adopted it. */
static int process_ended(pid_t pid)
{
    char path[64], state = 0;
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 1;
    int got = fscanf(f, "%*d (%*[^)]) %c", &state);
    fclose(f);
    return got == 1 && (state == 'Z' || state == 'X');
}

/* A request whose engine hangs is given up and read again by a new worker, and
 * the process hanging in it ends with the worker the library kills: nothing
 * is left running. */
static void test_hung_request_leaves_no_process(void **state)
{
    (void)state;
    recording r = {0};
    narrate *n = one_impatient_worker(&r);
    hang_request h = {n->workers[0].pid, 0};
    pthread_t watcher;
    assert_int_equal(pthread_create(&watcher, NULL, hang_first_request, &h), 0);
    const char *text = "The engine hangs in the middle of this sentence. Then it comes back.";
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    pthread_join(watcher, NULL);
    assert_true(h.child > 0);
    assert_int_equal(r.nsentences, 2);
    assert_true(r.loud_samples > 1000);
    int ended = 0;
    for (int tries = 0; tries < 200 && !ended; tries++) {
        ended = process_ended(h.child);
        nanosleep(&(struct timespec){0, 5000000}, NULL);
    }
    assert_true(ended);
    narrate_free(n);
    test_recording_free(&r);
}

/* Engine input that the sanitizer must make harmless when it comes through the
 * front door: embedded commands, NUL, phoneme brackets, SSML. */
static void test_hostile_text_is_spoken_safely(void **state)
{
    (void)state;
    static const char text[] = "alpha\0beta gamma. hello \x01" "40S world. [[h@l'oU]] <audio src=\"/etc/passwd\"/> done.";
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 2);
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, text, sizeof text - 1), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    assert_int_equal(r.ends, 1);
    int saw_gamma = 0, saw_done = 0;
    for (size_t i = 0; i < r.nsentences; i++) {
        saw_gamma |= strstr(r.sentences[i], "gamma") != NULL;
        saw_done |= strstr(r.sentences[i], "done") != NULL;
        assert_null(strchr(r.sentences[i], '\x01'));
    }
    assert_true(saw_gamma && saw_done);
    narrate_free(n);
    test_recording_free(&r);
}

/* Every file in ../shared/crashers, fed through the library from this host. */
static void test_shared_crashers_leave_host_alive(void **state)
{
    (void)state;
    const char *shared = test_shared_dir();
    if (!shared)
        skip();
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/crashers", shared);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *text = test_read_file(path, &len);
        assert_non_null(text);
        recording r = {0};
        narrate_config c;
        test_config(&c, &r, 2);
        c.input_format = NARRATE_INPUT_TEXT; /* read the markup too, as text */
        narrate *n;
        assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
        static const char tail[] = "\n\nThe end is here.\n";
        assert_int_equal(narrate_feed(n, text, len), NARRATE_OK);
        assert_int_equal(narrate_feed(n, tail, sizeof tail - 1), NARRATE_OK);
        assert_int_equal(narrate_finish(n), NARRATE_OK);
        assert_true(r.nsentences > 0);
        assert_non_null(strstr(r.sentences[r.nsentences - 1], "end is here"));
        assert_true(r.samples > r.sentence_samples[r.nsentences - 1] + 11025);
        narrate_free(n);
        test_recording_free(&r);
        free(text);
        files++;
    }
    closedir(d);
    assert_true(files >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_apostrophe_s_run_kills_engine_not_host),
        cmocka_unit_test(test_dotted_letter_run_kills_engine_not_host),
        cmocka_unit_test(test_hung_worker_is_replaced),
        cmocka_unit_test(test_hung_request_leaves_no_process),
        cmocka_unit_test(test_hostile_text_is_spoken_safely),
        cmocka_unit_test(test_shared_crashers_leave_host_alive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
