/* The podcast sink through the public API: an MP3 is written whole with its
 * chapters and tags; bad options fail at open; a discarded or canceled sink
 * leaves nothing behind.  (The e2e tests check the files with ffprobe.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "narrate.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/narrate-podcast-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static size_t entries(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
    closedir(d);
    return n;
}

static void write_tone(narrate_sink *s, double seconds)
{
    int16_t buf[2205];
    size_t total = (size_t)(seconds * 22050);
    for (size_t at = 0; at < total; at += 2205) {
        for (size_t i = 0; i < 2205; i++)
            buf[i] = (int16_t)(4000 * sin(2 * M_PI * 300 * (double)(at + i) / 22050));
        assert_int_equal(narrate_sink_write(s, buf, 2205, 22050), NARRATE_OK);
    }
}

static void test_mp3_written(void **state)
{
    (void)state;
    char path[128], msg[256];
    narrate_sink *s;
    narrate_podcast_options o;
    struct stat st;
    snprintf(path, sizeof path, "%s/ep.mp3", dir);
    narrate_podcast_options_init(&o);
    o.album = "Show";
    assert_int_equal(narrate_sink_open_podcast(path, &o, &s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(narrate_sink_add_chapter(s, 0, "One"), NARRATE_OK);
    write_tone(s, 1.0);
    assert_int_equal(narrate_sink_add_chapter(s, 22050, "Two"), NARRATE_OK);
    assert_int_equal(narrate_sink_add_chapter(s, 100, "Back"), NARRATE_EINVAL);
    write_tone(s, 1.0);
    narrate_podcast_options tags;
    narrate_podcast_options_init(&tags);
    tags.title = "Title";
    assert_int_equal(narrate_sink_set_tags(s, &tags), NARRATE_OK);
    assert_int_equal(stat(path, &st), -1); /* nothing at the target before close */
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 10000);
    assert_int_equal(entries(), 1);
    unlink(path);
}

static void test_bad_options(void **state)
{
    (void)state;
    char path[128], msg[256];
    narrate_sink *s = (narrate_sink *)1;
    narrate_podcast_options o;
    snprintf(path, sizeof path, "%s/ep.mp3", dir);
    narrate_podcast_options_init(&o);
    o.loudness = 0;
    assert_int_equal(narrate_sink_open_podcast(path, &o, &s, msg, sizeof msg), NARRATE_EINVAL);
    assert_null(s);
    narrate_podcast_options_init(&o);
    o.cover = "/nonexistent/cover.jpg";
    assert_int_equal(narrate_sink_open_podcast(path, &o, &s, msg, sizeof msg), NARRATE_EOPEN);
    assert_non_null(strstr(msg, "cover"));
    assert_int_equal(narrate_sink_open_podcast("-", NULL, &s, msg, sizeof msg), NARRATE_EINVAL);
    assert_int_equal(narrate_sink_open_podcast("x.unknown", NULL, &s, msg, sizeof msg), NARRATE_EFORMAT);
    assert_int_equal(narrate_sink_open_podcast("/nonexistent/dir/x.mp3", NULL, &s, msg, sizeof msg),
                     NARRATE_EOPEN);
    assert_int_equal(entries(), 0);
}

static void test_discard_and_cancel(void **state)
{
    (void)state;
    char path[128], msg[256];
    narrate_sink *s, *plain;
    snprintf(path, sizeof path, "%s/ep.flac", dir);
    assert_int_equal(narrate_sink_open_podcast(path, NULL, &s, msg, sizeof msg), NARRATE_OK);
    write_tone(s, 0.5);
    assert_int_equal(narrate_sink_close(s, 0, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(entries(), 0);
    assert_int_equal(narrate_sink_open_podcast(path, NULL, &s, msg, sizeof msg), NARRATE_OK);
    write_tone(s, 0.5);
    narrate_sink_cancel(s);
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_ECANCELED);
    assert_int_equal(entries(), 0);
    snprintf(path, sizeof path, "%s/plain.wav", dir);
    assert_int_equal(narrate_sink_open_file(path, NARRATE_FORMAT_AUTO, &plain, msg, sizeof msg),
                     NARRATE_OK);
    assert_int_equal(narrate_sink_add_chapter(plain, 0, "x"), NARRATE_EINVAL);
    assert_int_equal(narrate_sink_close(plain, 0, msg, sizeof msg), NARRATE_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mp3_written),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_discard_and_cancel),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
